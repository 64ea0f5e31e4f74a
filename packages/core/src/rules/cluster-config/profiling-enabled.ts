import { REF } from '../references';
import { isTrue } from '../../model/control-plane';
import { CONTROL_PLANE_REF } from '../../model/control-plane/references';
import { DEFAULTS_HELP, problemAt, settingRule } from '../../model/control-plane/setting-rule';

export const profilingEnabled = settingRule(
  {
    id: 'profiling-enabled',
    title: 'Control-plane component serves profiling data',
    description: 'kube-apiserver, kube-controller-manager or kube-scheduler runs with `--profiling` true, which is the default.',
    severity: 'warning',
    category: 'cluster-config',
    tags: ['cis', 'control-plane'],
    help: `\`--profiling\` serves \`/debug/pprof\`: heap and goroutine dumps reveal the program's
internals, and CPU profiles cost resources on demand. It defaults to true, and kubeadm leaves it
so.

${DEFAULTS_HELP}

**Fix:** turn it off on each component:

\`\`\`yaml
apiVersion: kubeadm.k8s.io/v1beta3
kind: ClusterConfiguration
apiServer:
  extraArgs:
    profiling: "false"
controllerManager:
  extraArgs:
    profiling: "false"
scheduler:
  extraArgs:
    profiling: "false"
\`\`\``,
    references: [
      REF.cis('1.2.15', 'Ensure that the --profiling argument is set to false (API server)'),
      REF.cis('1.3.2', 'Ensure that the --profiling argument is set to false (controller manager)'),
      REF.cis('1.4.1', 'Ensure that the --profiling argument is set to false (scheduler)'),
      CONTROL_PLANE_REF.apiserver,
    ],
  },
  ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler'],
  function* (settings) {
    if (isTrue(settings.effective('profiling')?.value)) {
      yield problemAt(settings, 'profiling', `${settings.subject} serves profiling data: ${settings.describe('profiling')}`);
    }
  },
);
