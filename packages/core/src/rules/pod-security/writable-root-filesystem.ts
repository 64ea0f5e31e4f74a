import { REF } from '../references';
import { REPORT_UNSET_DEFAULTS, REPORT_UNSET_SCHEMA, type ReportUnsetOptions } from '../report-unset';
import type { Rule } from '../rule';
import { describeContainer, forEachContainer } from '../visit';

export const writableRootFilesystem: Rule<ReportUnsetOptions> = {
  meta: {
    id: 'writable-root-filesystem',
    title: 'Writable root filesystem',
    description: 'A Linux container does not set `securityContext.readOnlyRootFilesystem: true`.',
    severity: 'warning',
    category: 'pod-security',
    tags: ['cis', 'nsa'],
    help: `With a writable root filesystem an attacker who gets code execution can drop tools,
modify binaries or plant persistence inside the container. A read-only root filesystem makes the
image immutable at run time; directories the application must write to become explicit volumes.

**Fix:**

\`\`\`yaml
containers:
  - name: app
    securityContext:
      readOnlyRootFilesystem: true
    volumeMounts:
      - name: tmp
        mountPath: /tmp
volumes:
  - name: tmp
    emptyDir: {}
\`\`\`

Windows pods (\`spec.os.name: windows\`) are not checked: the setting does not exist there.`,
    optionsSchema: REPORT_UNSET_SCHEMA,
    references: [REF.cis('5.7.3', 'Apply security context to your pods and containers'), REF.nsaHardening, REF.securityContext],
  },
  defaultOptions: REPORT_UNSET_DEFAULTS,
  check(context) {
    forEachContainer(context, (container, pod) => {
      const value = container.securityContext.readOnlyRootFilesystem;
      if (pod.isWindows || value === true || (value === undefined && !context.options.reportUnset)) return;
      context.report(
        pod.resource,
        [...container.path, 'securityContext', 'readOnlyRootFilesystem'],
        `${describeContainer(container)} has a writable root filesystem`,
      );
    });
  },
};
