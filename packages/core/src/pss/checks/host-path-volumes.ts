import { asArray, asRecord, asString } from '../../values';
import { isSet, quote, type PssCheck, type PssViolation } from '../check';

export const hostPathVolumes: PssCheck = {
  id: 'hostPathVolumes',
  level: 'baseline',
  reason: 'hostPath volumes',
  title: 'hostPath volumes',
  help: 'HostPath volumes must be forbidden: no entry of `spec.volumes` may set `hostPath`.',
  versions: [
    {
      minVersion: 0,
      evaluate: (pod) =>
        asArray(pod.spec.volumes).flatMap((entry, index): PssViolation[] => {
          const volume = asRecord(entry);
          if (!volume || !isSet(volume.hostPath)) return [];
          return [{ path: [...pod.specPath, 'volumes', index, 'hostPath'], detail: `volume ${quote(asString(volume.name) ?? '')}` }];
        }),
    },
  ],
};
