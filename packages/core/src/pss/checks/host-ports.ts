import { asArray, asRecord } from '../../values';
import { containerLabel, type PssCheck, type PssViolation } from '../check';

export const hostPorts: PssCheck = {
  id: 'hostPorts',
  level: 'baseline',
  reason: 'hostPort',
  title: 'Host ports',
  help: 'HostPort ports must be forbidden: `ports[*].hostPort` must be unset or `0` on every container.',
  versions: [
    {
      minVersion: 0,
      evaluate: (pod) =>
        pod.containers.flatMap((container) =>
          asArray(container.spec.ports).flatMap((entry, index): PssViolation[] => {
            const hostPort = asRecord(entry)?.hostPort;
            if (typeof hostPort !== 'number' || hostPort === 0) return [];
            return [{ path: [...container.path, 'ports', index, 'hostPort'], detail: `${containerLabel(container)} uses hostPort ${hostPort}` }];
          }),
        ),
    },
  ],
};
