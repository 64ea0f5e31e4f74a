import { hostPorts as hostPortsOf } from '../../model/pod-security-conditions';
import { containerLabel, type PssCheck } from '../check';

export const hostPorts: PssCheck = {
  id: 'hostPorts',
  level: 'baseline',
  reason: 'hostPort',
  title: 'Host ports',
  help: 'HostPort ports must be forbidden: `ports[*].hostPort` must be unset or `0` on every container.',
  versions: [
    {
      minVersion: 0,
      evaluate: (pod) => hostPortsOf(pod).map(({ container, port, path }) => ({ path, detail: `${containerLabel(container)} uses hostPort ${port}` })),
    },
  ],
};
