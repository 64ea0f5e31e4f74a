import { sharedHostNamespaces } from '../../model/pod-security-conditions';
import type { PssCheck } from '../check';

export const hostNamespaces: PssCheck = {
  id: 'hostNamespaces',
  level: 'baseline',
  reason: 'host namespaces',
  title: 'Host namespaces',
  help: 'Sharing the host network, PID or IPC namespace must be disallowed: `spec.hostNetwork`, `spec.hostPID` and `spec.hostIPC` must be unset or `false`.',
  versions: [
    {
      minVersion: 0,
      evaluate: (pod) => sharedHostNamespaces(pod).map(({ field, path }) => ({ path, detail: `${field}=true` })),
    },
  ],
};
