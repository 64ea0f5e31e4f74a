import { REF } from '../references';
import { listValue } from '../../model/control-plane';
import { CONTROL_PLANE_REF } from '../../model/control-plane/references';
import { DEFAULTS_HELP, problemAt, settingRule } from '../../model/control-plane/setting-rule';

export const apiserverAuthorizationNodeRbacMissing = settingRule(
  {
    id: 'apiserver-node-rbac-missing',
    title: 'API server authorization lacks Node or RBAC',
    description: 'kube-apiserver `--authorization-mode` does not include both `Node` and `RBAC`.',
    severity: 'warning',
    category: 'cluster-config',
    tags: ['cis', 'control-plane', 'authorization'],
    help: `\`Node\` limits each kubelet to the objects of its own Pods (with the NodeRestriction
admission plugin); \`RBAC\` is what Roles and bindings are written for. Without \`Node\`, kubelets
need broad RBAC grants, so one compromised node reads every Secret; without \`RBAC\`, Roles do
nothing. The binary's default (\`AlwaysAllow\`) has neither; kubeadm sets \`Node,RBAC\`. With
\`--authorization-config\` alone the rule stays quiet.

${DEFAULTS_HELP}

**Fix:**

\`\`\`yaml
apiVersion: kubeadm.k8s.io/v1beta3
kind: ClusterConfiguration
apiServer:
  extraArgs:
    authorization-mode: Node,RBAC
\`\`\``,
    references: [
      REF.cis('1.2.7', 'Ensure that the --authorization-mode argument includes Node'),
      REF.cis('1.2.8', 'Ensure that the --authorization-mode argument includes RBAC'),
      CONTROL_PLANE_REF.authorization,
    ],
  },
  ['kube-apiserver'],
  function* (settings) {
    if (!settings.get('authorization-mode') && settings.get('authorization-config')) return;
    const mode = settings.effective('authorization-mode');
    if (!mode) return;
    const modes = listValue(mode.value);
    const missing = ['Node', 'RBAC'].filter((wanted) => !modes.includes(wanted));
    if (missing.length > 0) {
      yield problemAt(settings, 'authorization-mode', `${settings.subject} authorization lacks ${missing.join(' and ')}: ${settings.describe('authorization-mode')}`);
    }
  },
);
