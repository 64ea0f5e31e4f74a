import { privilegedContainers } from '../../model/pod-security-conditions';
import { containerLabel, type PssCheck } from '../check';

export const privileged: PssCheck = {
  id: 'privileged',
  level: 'baseline',
  reason: 'privileged',
  title: 'Privileged containers',
  help: 'Privileged pods disable most security mechanisms: `securityContext.privileged` must be unset or `false` on every container (init and ephemeral containers included).',
  versions: [
    {
      minVersion: 0,
      evaluate: (pod) =>
        privilegedContainers(pod).map(({ container, path }) => ({
          path,
          detail: `${containerLabel(container)} must not set securityContext.privileged=true`,
        })),
    },
  ],
};
