import { asArray, asRecord, asString } from '../../values';
import { REF } from '../references';
import type { Rule } from '../rule';
import { describeContainer, forEachContainer } from '../visit';

/** Capabilities that allow escaping the container or taking over the node or its network. */
export const DANGEROUS_CAPABILITIES: readonly string[] = [
  'ALL', 'BPF', 'DAC_READ_SEARCH', 'MAC_ADMIN', 'MAC_OVERRIDE', 'NET_ADMIN', 'NET_RAW', 'PERFMON',
  'SYS_ADMIN', 'SYS_BOOT', 'SYS_MODULE', 'SYS_PTRACE', 'SYS_RAWIO', 'SYS_TIME', 'SYSLOG',
];

export interface DangerousCapabilitiesOptions {
  /** Capabilities from the list that this repository accepts. */
  allow: string[];
}

/** The runtime accepts `CAP_SYS_ADMIN` and `sys_admin` alike. */
function normalize(capability: string): string {
  return capability.toUpperCase().replace(/^CAP_/, '');
}

export const dangerousCapabilities: Rule<DangerousCapabilitiesOptions> = {
  meta: {
    id: 'dangerous-capabilities',
    title: 'Dangerous capability added',
    description: `A container adds a capability that allows escaping the container or controlling the node: ${DANGEROUS_CAPABILITIES.join(', ')}.`,
    severity: 'error',
    category: 'pod-security',
    tags: ['pss-baseline', 'cis', 'nsa'],
    help: `Some Linux capabilities are nearly as powerful as root on the host: \`SYS_ADMIN\` allows
mounting filesystems and many container escapes, \`SYS_PTRACE\` reading other processes' memory,
\`SYS_MODULE\` loading kernel modules, \`NET_ADMIN\` and \`NET_RAW\` reconfiguring or spoofing
network traffic, \`BPF\` and \`PERFMON\` loading kernel programs. Adding \`ALL\` grants every one.

**Fix:** remove the capability; if one is truly needed, document why and allow it in
\`.k8s-lint.yaml\` rather than silencing the rule everywhere:

\`\`\`yaml
securityContext:
  capabilities:
    drop: ["ALL"]
\`\`\`

\`\`\`yaml
# .k8s-lint.yaml
rules:
  dangerous-capabilities:
    options:
      allow: ["NET_ADMIN"]
\`\`\``,
    references: [
      REF.cis('5.2.8', 'Minimize the admission of containers with the NET_RAW capability'),
      REF.cis('5.2.9', 'Minimize the admission of containers with added capabilities'),
      REF.pssBaseline,
      REF.nsaHardening,
    ],
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: { allow: { type: 'array', items: { type: 'string' }, uniqueItems: true } },
    },
  },
  defaultOptions: { allow: [] },
  check(context) {
    const allowed = new Set(context.options.allow.map(normalize));
    forEachContainer(context, (container, pod) => {
      const added = asArray(asRecord(container.securityContext.capabilities)?.add);
      added.forEach((entry, index) => {
        const capability = asString(entry);
        if (capability === undefined) return;
        const name = normalize(capability);
        if (!DANGEROUS_CAPABILITIES.includes(name) || allowed.has(name)) return;
        context.report(
          pod.resource,
          [...container.path, 'securityContext', 'capabilities', 'add', index],
          `${describeContainer(container)} adds the dangerous capability ${capability}`,
        );
      });
    });
  },
};
