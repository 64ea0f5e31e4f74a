import { REF } from '../references';
import { CONTROL_PLANE_REF } from '../../model/control-plane/references';
import { DEFAULTS_HELP, problemAt, settingRule } from '../../model/control-plane/setting-rule';

const ALL_INTERFACES = new Set(['', '0.0.0.0', '::', '[::]']);

export const bindAddressAllInterfaces = settingRule(
  {
    id: 'bind-address-all-interfaces',
    title: 'Controller manager or scheduler listens on all interfaces',
    description: 'kube-controller-manager or kube-scheduler `--bind-address` is `0.0.0.0` or `::`, which is the default.',
    severity: 'warning',
    category: 'cluster-config',
    tags: ['cis', 'control-plane', 'network'],
    help: `The controller manager and the scheduler serve health, metrics and (with profiling)
debug endpoints. Nothing outside the node needs them: bound to every interface they are reachable
from the network, and \`/healthz\` and others answer without credentials. The default is
\`0.0.0.0\`; kubeadm sets \`127.0.0.1\`.

${DEFAULTS_HELP}

**Fix:**

\`\`\`yaml
apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
controllerManager:
  extraArgs:
  - name: bind-address
    value: 127.0.0.1
scheduler:
  extraArgs:
  - name: bind-address
    value: 127.0.0.1
\`\`\``,
    references: [
      REF.cis('1.3.7', 'Ensure that the --bind-address argument is set to 127.0.0.1 (controller manager)'),
      REF.cis('1.4.2', 'Ensure that the --bind-address argument is set to 127.0.0.1 (scheduler)'),
      CONTROL_PLANE_REF.controllerManager,
      CONTROL_PLANE_REF.scheduler,
    ],
  },
  ['kube-controller-manager', 'kube-scheduler'],
  function* (settings) {
    const address = settings.effective('bind-address');
    if (address && ALL_INTERFACES.has(address.value.trim())) {
      yield problemAt(settings, 'bind-address', `${settings.subject} listens on all interfaces: ${settings.describe('bind-address')}`);
    }
  },
);
