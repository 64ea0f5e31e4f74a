import { forbiddenSeLinuxOptions } from '../../model/pod-security-conditions';
import { rejectedAtAdmission } from '../../pss/admission';
import { LATEST_SE_LINUX_TYPES } from '../../pss/checks/se-linux-options';
import { REF } from '../references';
import type { Rule } from '../rule';
import { describeContainer } from '../visit';

const ALLOWED_TYPES = LATEST_SE_LINUX_TYPES.filter((type) => type !== '');

export const unsafeSelinuxOptions: Rule = {
  meta: {
    id: 'unsafe-selinux-options',
    title: 'SELinux options beyond the container types',
    description: 'A pod or container sets `seLinuxOptions.type` outside the container types, or sets `seLinuxOptions.user` or `role`.',
    severity: 'error',
    category: 'pod-security',
    tags: ['pss-baseline'],
    help: `SELinux confines a container through its process type. Types other than the container
types (${ALLOWED_TYPES.map((type) => `\`${type}\``).join(', ')}) usually lift that confinement:
\`spc_t\` ("super privileged container") and \`unconfined_t\` run unconfined, with the access of a
host process. A custom SELinux \`user\` or \`role\` likewise steps outside the policy written for
containers. It is an error for the same reasons as a privileged container.

Pod (\`spec.securityContext\`) and container settings are both checked, as the Baseline Pod
Security Standard (latest version) does.

**Fix:** remove \`seLinuxOptions\`, or keep only a level:

\`\`\`yaml
securityContext:
  seLinuxOptions:
    level: "s0:c123,c456"
\`\`\``,
    references: [REF.pssBaseline, REF.securityContext],
  },
  defaultOptions: {},
  check(context) {
    for (const pod of context.podTemplates) {
      for (const { container, field, value, path } of forbiddenSeLinuxOptions(pod, LATEST_SE_LINUX_TYPES)) {
        if (rejectedAtAdmission(context, pod, unsafeSelinuxOptions.meta.id, path)) continue;
        const who = container ? describeContainer(container) : 'pod';
        const what = field === 'type' ? `the SELinux type "${value}", which is not a container type` : `a custom SELinux ${field} "${value}"`;
        context.report(pod.resource, path, `${who} sets ${what}`);
      }
    }
  },
};
