import { REF } from '../references';
import { CONTROL_PLANE_REF } from '../../model/control-plane/references';
import { KUBELET_DEFAULTS_HELP, problemAt, settingRule } from '../../model/control-plane/setting-rule';

export const kubeletAuthorizationAlwaysAllow = settingRule(
  {
    id: 'kubelet-authorization-always-allow',
    title: 'Kubelet authorizes every request',
    description: 'The kubelet runs with `authorization.mode: AlwaysAllow` (or `--authorization-mode=AlwaysAllow`).',
    severity: 'error',
    category: 'cluster-config',
    tags: ['cis', 'kubelet', 'authorization'],
    securitySeverity: 9.0,
    help: `With \`AlwaysAllow\`, every client the kubelet authenticates (every anonymous one too, when
anonymous authentication is on) may run commands in any container of the node, read its logs
and secrets mounted into Pods. \`Webhook\` asks the API server, so RBAC decides.

${KUBELET_DEFAULTS_HELP}

**Fix:**

\`\`\`yaml
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
authorization:
  mode: Webhook
\`\`\``,
    references: [REF.cis('4.2.2', 'Ensure that the --authorization-mode argument is not set to AlwaysAllow'), CONTROL_PLANE_REF.kubeletAuth],
  },
  ['kubelet'],
  function* (settings) {
    if (settings.effective('authorization-mode')?.value.trim() === 'AlwaysAllow') {
      yield problemAt(settings, 'authorization-mode', `${settings.subject} authorizes every request: ${settings.describe('authorization-mode')}`);
    }
  },
);
