import { hostPathVolumes as hostPathVolumesOf } from '../../model/pod-security-conditions';
import { quote, type PssCheck } from '../check';

export const hostPathVolumes: PssCheck = {
  id: 'hostPathVolumes',
  level: 'baseline',
  reason: 'hostPath volumes',
  title: 'hostPath volumes',
  help: 'HostPath volumes must be forbidden: no entry of `spec.volumes` may set `hostPath`.',
  versions: [
    {
      minVersion: 0,
      evaluate: (pod) => hostPathVolumesOf(pod).map(({ name, path }) => ({ path, detail: `volume ${quote(name ?? '')}` })),
    },
  ],
};
