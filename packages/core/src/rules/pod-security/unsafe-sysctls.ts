import { sysctlsOutside } from '../../model/pod-security-conditions';
import { rejectedAtAdmission } from '../../pss/admission';
import { LATEST_SAFE_SYSCTLS } from '../../pss/checks/sysctls';
import { REF } from '../references';
import type { Rule } from '../rule';

const SAFE = new Set(LATEST_SAFE_SYSCTLS);

export const unsafeSysctls: Rule = {
  meta: {
    id: 'unsafe-sysctls',
    title: 'Unsafe sysctl',
    description: 'A pod sets a sysctl in `spec.securityContext.sysctls` that is not in the safe set of the Pod Security Standards (latest version).',
    severity: 'error',
    category: 'pod-security',
    tags: ['pss-baseline'],
    help: `Sysctls outside the safe set are not isolated between pods: they change kernel limits
and behaviour that other pods on the node share or depend on (IPC limits such as
\`kernel.msgmax\` and \`kernel.shm*\`, routing such as \`net.ipv4.ip_forward\`), which lets one pod
starve or expose its neighbours. The kubelet refuses them unless \`--allowed-unsafe-sysctls\` allows
them: an error, because a workload needing one belongs on dedicated, tainted nodes with a
documented exception.

Safe (the Baseline Pod Security Standard, latest version): ${LATEST_SAFE_SYSCTLS.map((name) => `\`${name}\``).join(', ')}.

**Fix:** remove the sysctl, or tune it on the node:

\`\`\`yaml
spec:
  securityContext:
    sysctls:
      - name: net.ipv4.ip_local_port_range
        value: "1024 65000"
\`\`\``,
    references: [REF.pssBaseline, { title: 'Kubernetes: Using sysctls in a Kubernetes Cluster', url: 'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/' }],
  },
  defaultOptions: {},
  check(context) {
    for (const pod of context.podTemplates) {
      for (const { name, path } of sysctlsOutside(pod, SAFE)) {
        if (rejectedAtAdmission(context, pod, unsafeSysctls.meta.id, path)) continue;
        context.report(pod.resource, path, `pod sets the unsafe sysctl "${name}"`);
      }
    }
  },
};
