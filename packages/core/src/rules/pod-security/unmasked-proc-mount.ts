import { unmaskedProcMounts } from '../../model/pod-security-conditions';
import { rejectedAtAdmission } from '../../pss/admission';
import { inUserNamespace } from '../../pss/check';
import { asString } from '../../values';
import { REF } from '../references';
import type { Rule } from '../rule';
import { describeContainer } from '../visit';

export const unmaskedProcMount: Rule = {
  meta: {
    id: 'unmasked-proc-mount',
    title: 'Unmasked /proc mount',
    description: 'A container sets `securityContext.procMount` to something other than `Default` (e.g. `Unmasked`) outside a user namespace.',
    severity: 'error',
    category: 'pod-security',
    tags: ['pss-baseline'],
    help: `By default the container runtime masks and makes read-only the parts of \`/proc\` that
expose the host kernel (\`/proc/kcore\`, \`/proc/sysrq-trigger\`, \`/proc/sys\`, ...).
\`procMount: Unmasked\` removes those masks: together with any other weakness it lets the
container read host memory or change kernel settings for the whole node. It is an error because
only nested container runtimes have a reason to set it, and they should run in a user namespace.

As in the Baseline Pod Security Standard (latest version), pods in a user namespace
(\`spec.hostUsers: false\`) are not reported: there \`/proc\` belongs to the pod's own namespace.

**Fix:** remove \`procMount\`, or run the pod in a user namespace:

\`\`\`yaml
spec:
  hostUsers: false
  containers:
    - name: builder
      securityContext:
        procMount: Unmasked
\`\`\``,
    references: [REF.pssBaseline, REF.securityContext],
  },
  defaultOptions: {},
  check(context) {
    for (const pod of context.podTemplates) {
      if (inUserNamespace(pod)) continue;
      for (const { container, procMount, path } of unmaskedProcMounts(pod)) {
        if (rejectedAtAdmission(context, pod, unmaskedProcMount.meta.id, path)) continue;
        context.report(pod.resource, path, `${describeContainer(container)} sets procMount "${asString(procMount) ?? String(procMount)}", unmasking the host's /proc`);
      }
    }
  },
};
