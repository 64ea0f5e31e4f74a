import { REF } from '../references';
import { isTrue } from '../../model/control-plane';
import { CONTROL_PLANE_REF } from '../../model/control-plane/references';
import { KUBELET_DEFAULTS_HELP, problemAt, settingRule } from '../../model/control-plane/setting-rule';

export const kubeletAnonymousAuth = settingRule(
  {
    id: 'kubelet-anonymous-auth',
    title: 'Kubelet accepts anonymous requests',
    description: 'The kubelet runs with anonymous authentication on (`authentication.anonymous.enabled: true` or `--anonymous-auth=true`).',
    severity: 'warning',
    category: 'cluster-config',
    tags: ['cis', 'kubelet', 'authentication'],
    help: `The kubelet API runs commands in containers, reads their logs and lists the node's Pods.
With anonymous requests accepted, only the authorizer stands between the network and those
endpoints; with \`authorization.mode: AlwaysAllow\` nothing does.

${KUBELET_DEFAULTS_HELP}

**Fix:**

\`\`\`yaml
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
authentication:
  anonymous:
    enabled: false
  webhook:
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
\`\`\``,
    references: [REF.cis('4.2.1', 'Ensure that the --anonymous-auth argument is set to false'), CONTROL_PLANE_REF.kubeletAuth],
  },
  ['kubelet'],
  function* (settings) {
    if (isTrue(settings.effective('anonymous-auth')?.value)) {
      yield problemAt(settings, 'anonymous-auth', `${settings.subject} accepts anonymous requests: ${settings.describe('anonymous-auth')}`);
    }
  },
);
