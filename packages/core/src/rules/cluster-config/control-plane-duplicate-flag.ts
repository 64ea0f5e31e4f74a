import { CONTROL_PLANE_REF } from '../../model/control-plane/references';
import { settingRule } from '../../model/control-plane/setting-rule';

export const controlPlaneDuplicateFlag = settingRule(
  {
    id: 'control-plane-duplicate-flag',
    title: 'Component flag given more than once',
    description: "A control-plane component's or kubelet's flag appears twice in a static Pod's command and args, or in a kubeadm `extraArgs` list.",
    severity: 'warning',
    category: 'cluster-config',
    tags: ['control-plane', 'kubelet'],
    help: `The binaries take the last of repeated flags, so an earlier one, often the hardened value a
reviewer sees first, has no effect. Each overridden occurrence is reported; the other
cluster-config rules read the last one, as the binary does. (A list flag like
\`--enable-admission-plugins\` is not merged either.)

**Fix:** keep one occurrence with the intended value:

\`\`\`yaml
spec:
  containers:
  - name: kube-apiserver
    command:
    - kube-apiserver
    - --anonymous-auth=false
\`\`\``,
    references: [CONTROL_PLANE_REF.apiserver, CONTROL_PLANE_REF.kubeadmConfig],
  },
  ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd', 'kubelet'],
  function* (settings) {
    for (const occurrence of settings.overridden()) {
      const last = settings.get(occurrence.name);
      yield { path: occurrence.path, message: `${occurrence.label} is given again later to ${settings.subject}; the last value, "${last?.value ?? ''}", wins` };
    }
  },
);
