import { REF } from '../references';
import { listValue } from '../../model/control-plane';
import { CONTROL_PLANE_REF } from '../../model/control-plane/references';
import { DEFAULTS_HELP, problemAt, settingRule } from '../../model/control-plane/setting-rule';

export const apiserverAdmissionNodeRestrictionOff = settingRule(
  {
    id: 'apiserver-node-restriction-off',
    title: 'API server does not enable NodeRestriction',
    description: 'kube-apiserver `--enable-admission-plugins` does not list `NodeRestriction` (it is not on by default), or `--disable-admission-plugins` does.',
    severity: 'warning',
    category: 'cluster-config',
    tags: ['cis', 'control-plane', 'admission'],
    help: `\`NodeRestriction\` keeps each kubelet to its own Node object and the Pods bound to it,
and stops kubelets from setting \`node-restriction.kubernetes.io/\` labels. Without it, one
compromised node can relabel itself to attract sensitive workloads or edit other nodes. It is
not in the default plugin set; kubeadm enables it.

${DEFAULTS_HELP}

**Fix:**

\`\`\`yaml
apiVersion: kubeadm.k8s.io/v1beta3
kind: ClusterConfiguration
apiServer:
  extraArgs:
    enable-admission-plugins: NodeRestriction
\`\`\``,
    references: [REF.cis('1.2.14', 'Ensure that the admission control plugin NodeRestriction is set'), CONTROL_PLANE_REF.admission],
  },
  ['kube-apiserver'],
  function* (settings) {
    const disabled = settings.get('disable-admission-plugins');
    if (disabled && listValue(disabled.value).includes('NodeRestriction')) {
      yield problemAt(settings, 'disable-admission-plugins', `${settings.subject} disables NodeRestriction: ${settings.describe('disable-admission-plugins')}`);
      return;
    }
    const enabled = settings.effective('enable-admission-plugins');
    if (enabled && !listValue(enabled.value).includes('NodeRestriction')) {
      yield problemAt(settings, 'enable-admission-plugins', `${settings.subject} does not enable NodeRestriction: ${settings.describe('enable-admission-plugins')}`);
    }
  },
);
