import { sharedHostNamespaces, type HostNamespaceField } from '../../model/pod-security-conditions';
import { rejectedAtAdmission } from '../../pss/admission';
import { REF } from '../references';
import type { Rule } from '../rule';

const NAMESPACE_NAMES: Record<HostNamespaceField, string> = { hostNetwork: 'network', hostPID: 'process ID', hostIPC: 'IPC' };

export const hostNamespaces: Rule = {
  meta: {
    id: 'host-namespaces',
    title: 'Host namespaces shared',
    description: 'A pod sets `hostNetwork`, `hostPID` or `hostIPC` to true.',
    severity: 'error',
    category: 'pod-security',
    tags: ['pss-baseline', 'cis', 'nsa'],
    help: `Sharing the host's namespaces removes the isolation between the pod and the node:
\`hostNetwork\` exposes the node's interfaces and lets the pod listen on or sniff host traffic and
reach services bound to localhost; \`hostPID\` shows every process on the node and, with enough
privilege, allows entering them; \`hostIPC\` gives access to the host's shared memory.

**Fix:** remove the fields (they default to \`false\`):

\`\`\`yaml
spec:
  hostNetwork: false
  hostPID: false
  hostIPC: false
\`\`\``,
    references: [
      REF.cis('5.2.3', 'Minimize the admission of containers wishing to share the host process ID namespace'),
      REF.cis('5.2.4', 'Minimize the admission of containers wishing to share the host IPC namespace'),
      REF.cis('5.2.5', 'Minimize the admission of containers wishing to share the host network namespace'),
      REF.pssBaseline,
      REF.nsaHardening,
    ],
  },
  defaultOptions: {},
  check(context) {
    for (const pod of context.podTemplates) {
      for (const { field, path } of sharedHostNamespaces(pod)) {
        if (rejectedAtAdmission(context, pod, hostNamespaces.meta.id, path)) continue;
        context.report(pod.resource, path, `pod shares the host's ${NAMESPACE_NAMES[field]} namespace (${field}: true)`);
      }
    }
  },
};
