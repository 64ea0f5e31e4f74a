import type { PodTemplate } from '../../model/pod';
import type { FieldPath } from '../../types';
import { asArray } from '../../values';
import { REF } from '../references';
import type { Rule } from '../rule';
import { describeContainer } from '../visit';

interface RootGroup {
  path: FieldPath;
  message: string;
}

/** `runAsGroup: 0` where it takes effect: on a container, or on the pod when a container inherits it. */
function primaryRootGroups(pod: PodTemplate): RootGroup[] {
  const found: RootGroup[] = [];
  let podLevelUsed = false;
  for (const container of pod.containers) {
    const runAsGroup = pod.effective(container, 'runAsGroup');
    if (runAsGroup.value !== 0 || !runAsGroup.path) continue;
    if (container.securityContext.runAsGroup === undefined) podLevelUsed = true;
    else found.push({ path: runAsGroup.path, message: `${describeContainer(container)} runs with group 0 (root) as its primary group (runAsGroup: 0)` });
  }
  // The pod's value is reported once, however many containers inherit it.
  if (podLevelUsed) found.unshift({ path: [...pod.specPath, 'securityContext', 'runAsGroup'], message: 'pod runs its containers with group 0 (root) as their primary group (runAsGroup: 0)' });
  return found;
}

function podLevelRootGroups(pod: PodTemplate): RootGroup[] {
  const contextPath = [...pod.specPath, 'securityContext'];
  const found: RootGroup[] = [];
  if (pod.securityContext.fsGroup === 0) {
    found.push({ path: [...contextPath, 'fsGroup'], message: 'pod makes its volumes owned and writable by group 0 (root) (fsGroup: 0)' });
  }
  asArray(pod.securityContext.supplementalGroups).forEach((group, index) => {
    if (group === 0) found.push({ path: [...contextPath, 'supplementalGroups', index], message: 'pod adds group 0 (root) to the groups of every container (supplementalGroups)' });
  });
  return found;
}

export const runAsRootGroup: Rule = {
  meta: {
    id: 'run-as-root-group',
    title: 'Container runs with the root group',
    description: 'A Linux pod or container sets group 0 (root) in `runAsGroup`, `fsGroup` or `supplementalGroups`.',
    severity: 'warning',
    category: 'pod-security',
    tags: ['least-privilege'],
    help: `Group 0 is the root group. Processes in it can read and write every file that the host,
the image or a volume leaves to group \`root\`: after a container escape or through a
\`hostPath\` mount, that includes much of the node's configuration. \`fsGroup: 0\` makes the pod's
volumes owned by group root, and \`supplementalGroups: [0]\` adds root to every container's groups.
A warning rather than an error: group 0 alone gives no capability and no root user, but a
reviewer should see it, and any non-zero group works as well for the workload.

Where \`runAsGroup: 0\` is set on the pod it is reported once, when at least one container
inherits it (a container's own \`runAsGroup\` wins). Windows pods (\`spec.os.name: windows\`) are not
checked.

**Fix:** choose a non-zero group at pod level:

\`\`\`yaml
spec:
  securityContext:
    runAsUser: 10001
    runAsGroup: 10001
    fsGroup: 10001
\`\`\``,
    references: [REF.securityContext, REF.nsaHardening],
  },
  defaultOptions: {},
  check(context) {
    for (const pod of context.podTemplates) {
      if (pod.isWindows) continue;
      for (const { path, message } of [...primaryRootGroups(pod), ...podLevelRootGroups(pod)]) context.report(pod.resource, path, message);
    }
  },
};
