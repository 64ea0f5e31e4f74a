import { REF } from '../references';
import { REPORT_UNSET_DEFAULTS, REPORT_UNSET_SCHEMA, type ReportUnsetOptions } from '../report-unset';
import type { Rule } from '../rule';
import { forEachLinuxContainer } from '../visit';

export const privilegeEscalationAllowed: Rule<ReportUnsetOptions> = {
  meta: {
    id: 'privilege-escalation-allowed',
    title: 'Privilege escalation allowed',
    description: 'A Linux container does not set `securityContext.allowPrivilegeEscalation: false`.',
    severity: 'warning',
    category: 'pod-security',
    tags: ['pss-restricted', 'cis', 'nsa'],
    help: `Unless \`allowPrivilegeEscalation\` is \`false\`, a process in the container can gain more
privileges than its parent, for example through a setuid binary or file capabilities. The
default is \`true\`, so the field must be set explicitly on every container (init and ephemeral
containers included); there is no pod-level field.

**Fix:**

\`\`\`yaml
containers:
  - name: app
    securityContext:
      allowPrivilegeEscalation: false
\`\`\`

Windows pods (\`spec.os.name: windows\`) are not checked: the setting does not exist there.`,
    optionsSchema: REPORT_UNSET_SCHEMA,
    references: [REF.cis('5.2.6', 'Minimize the admission of containers with allowPrivilegeEscalation'), REF.pssRestricted, REF.nsaHardening],
  },
  defaultOptions: REPORT_UNSET_DEFAULTS,
  check(context) {
    forEachLinuxContainer(context, (container, pod, who) => {
      const value = container.securityContext.allowPrivilegeEscalation;
      if (value === false || (value === undefined && !context.options.reportUnset)) return;
      const path = [...container.path, 'securityContext', 'allowPrivilegeEscalation'];
      const message =
        value === true
          ? `${who} sets allowPrivilegeEscalation: true`
          : `${who} does not set allowPrivilegeEscalation: false`;
      context.report(pod.resource, path, message);
    });
  },
};
