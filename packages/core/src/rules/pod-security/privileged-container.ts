import { privilegedContainers } from '../../model/pod-security-conditions';
import { rejectedAtAdmission } from '../../pss/admission';
import { REF } from '../references';
import type { Rule } from '../rule';
import { describeContainer } from '../visit';

export const privilegedContainer: Rule = {
  meta: {
    id: 'privileged-container',
    title: 'Privileged container',
    description: 'A container runs with `securityContext.privileged: true`.',
    severity: 'error',
    category: 'pod-security',
    tags: ['pss-baseline', 'cis', 'nsa'],
    securitySeverity: 9.0,
    help: `A privileged container has every Linux capability, sees all host devices and is not
confined by seccomp or AppArmor. A compromise of the container is a compromise of the node and,
from there, often of the cluster.

**Fix:** remove \`privileged: true\`. If the workload needs one specific permission, grant only
that capability (and document why):

\`\`\`yaml
securityContext:
  privileged: false
  capabilities:
    drop: ["ALL"]
    add: ["NET_BIND_SERVICE"]
\`\`\``,
    references: [REF.cis('5.2.2', 'Minimize the admission of privileged containers'), REF.pssBaseline, REF.nsaHardening],
  },
  defaultOptions: {},
  check(context) {
    for (const pod of context.podTemplates) {
      for (const { container, path } of privilegedContainers(pod)) {
        if (rejectedAtAdmission(context, pod, privilegedContainer.meta.id, path)) continue;
        context.report(pod.resource, path, `${describeContainer(container)} is privileged`);
      }
    }
  },
};
