import { windowsHostProcesses } from '../../model/pod-security-conditions';
import { rejectedAtAdmission } from '../../pss/admission';
import { REF } from '../references';
import type { Rule } from '../rule';
import { describeContainer } from '../visit';

export const windowsHostProcess: Rule = {
  meta: {
    id: 'windows-host-process',
    title: 'Windows HostProcess container',
    description: 'A pod or container sets `securityContext.windowsOptions.hostProcess: true`.',
    severity: 'error',
    category: 'pod-security',
    tags: ['pss-baseline'],
    help: `A Windows HostProcess container runs directly on the node, as a process of the host with
the host's network and file system and, typically, as \`NT AUTHORITY\\SYSTEM\`. It is the Windows
counterpart of a privileged container with host namespaces: a compromise of it is a compromise of
the node, hence an error.

Set on the pod, it applies to every container; each place it is set is reported.

**Fix:** remove \`hostProcess: true\`. Node agents that need it (CNI, CSI and monitoring agents)
belong in a namespace reserved for them, with a suppression that says why:

\`\`\`yaml
securityContext:
  windowsOptions:
    hostProcess: false
\`\`\``,
    references: [REF.pssBaseline, { title: 'Kubernetes: Create a Windows HostProcess Pod', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/' }],
  },
  defaultOptions: {},
  check(context) {
    for (const pod of context.podTemplates) {
      for (const { container, path } of windowsHostProcesses(pod)) {
        if (rejectedAtAdmission(context, pod, windowsHostProcess.meta.id, path)) continue;
        const who = container ? describeContainer(container) : 'pod';
        context.report(pod.resource, path, `${who} runs as a Windows HostProcess, with the node's privileges`);
      }
    }
  },
};
