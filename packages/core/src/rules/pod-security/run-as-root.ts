import { REF } from '../references';
import { REPORT_UNSET_DEFAULTS, REPORT_UNSET_SCHEMA, type ReportUnsetOptions } from '../report-unset';
import type { Rule } from '../rule';
import { forEachLinuxContainer } from '../visit';

export const runAsRoot: Rule<ReportUnsetOptions> = {
  meta: {
    id: 'run-as-root',
    title: 'Container may run as root',
    description:
      'A Linux container runs as UID 0, or neither it nor its pod sets `runAsNonRoot: true` or a non-zero `runAsUser`.',
    severity: 'warning',
    category: 'pod-security',
    tags: ['pss-restricted', 'cis', 'nsa'],
    help: `Processes running as root inside a container are root on the host kernel: a container
escape, a writable host mount or a kernel bug then gives full control of the node. Whether a
container runs as root is decided by its effective security context: a field set on the container
overrides the same field on the pod (\`spec.securityContext\`). If neither sets \`runAsUser\`, the
image's \`USER\` decides, which the manifest cannot guarantee, so \`runAsNonRoot: true\` is needed to
make the kubelet refuse to start a root process.

**Fix:** set both at pod level (containers inherit them) and build the image with a non-root user:

\`\`\`yaml
spec:
  securityContext:
    runAsNonRoot: true
    runAsUser: 10001
\`\`\`

Windows pods (\`spec.os.name: windows\`) are not checked: they use \`windowsOptions.runAsUserName\`.`,
    optionsSchema: REPORT_UNSET_SCHEMA,
    references: [REF.cis('5.2.7', 'Minimize the admission of root containers'), REF.pssRestricted, REF.nsaHardening, REF.securityContext],
  },
  defaultOptions: REPORT_UNSET_DEFAULTS,
  check(context) {
    forEachLinuxContainer(context, (container, pod, who) => {
      const runAsUser = pod.effective(container, 'runAsUser');
      if (runAsUser.value === 0 && runAsUser.path) {
        context.report(pod.resource, runAsUser.path, `${who} runs as root (runAsUser: 0)`);
        return;
      }
      if (typeof runAsUser.value === 'number' && runAsUser.value > 0) return;
      const runAsNonRoot = pod.effective(container, 'runAsNonRoot');
      if (runAsNonRoot.value === true) return;
      if (runAsNonRoot.value === false && runAsNonRoot.path) {
        context.report(pod.resource, runAsNonRoot.path, `${who} may run as root: runAsNonRoot is false and no non-zero runAsUser is set`);
        return;
      }
      if (!context.options.reportUnset) return;
      context.report(
        pod.resource,
        [...container.path, 'securityContext', 'runAsNonRoot'],
        `${who} may run as root: neither it nor its pod sets runAsNonRoot: true or a non-zero runAsUser`,
      );
    });
  },
};
