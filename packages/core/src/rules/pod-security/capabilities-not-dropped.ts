import { asArray, asRecord } from '../../values';
import { REF } from '../references';
import type { Rule } from '../rule';
import { forEachLinuxContainer } from '../visit';

export const capabilitiesNotDropped: Rule = {
  meta: {
    id: 'capabilities-not-dropped',
    title: 'Capabilities not dropped',
    description: 'A Linux container does not drop `ALL` capabilities.',
    severity: 'warning',
    category: 'pod-security',
    tags: ['pss-restricted', 'cis', 'nsa'],
    help: `Container runtimes grant a default set of Linux capabilities (for example \`NET_RAW\`,
which allows crafting packets, and \`CHOWN\`, \`SETUID\`). Most applications need none of them.
Dropping \`ALL\` and adding back only what is needed removes that attack surface. The value must be
exactly \`ALL\` (upper case), as the Pod Security Standards require.

**Fix:**

\`\`\`yaml
securityContext:
  capabilities:
    drop: ["ALL"]
    add: ["NET_BIND_SERVICE"]  # only if the process binds a port below 1024
\`\`\`

Windows pods (\`spec.os.name: windows\`) are not checked: Linux capabilities do not exist there.`,
    references: [REF.cis('5.2.9', 'Minimize the admission of containers with added capabilities'), REF.pssRestricted, REF.nsaHardening],
  },
  defaultOptions: {},
  check(context) {
    forEachLinuxContainer(context, (container, pod, who) => {
      const drop = asRecord(container.securityContext.capabilities)?.drop;
      if (asArray(drop).includes('ALL')) return;
      context.report(
        pod.resource,
        [...container.path, 'securityContext', 'capabilities', 'drop'],
        `${who} does not drop ALL capabilities`,
      );
    });
  },
};
