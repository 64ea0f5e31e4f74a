import { containerLabel, securityContextPath, type PssCheck } from '../check';

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
        pod.containers
          .filter((container) => container.securityContext.privileged === true)
          .map((container) => ({
            path: securityContextPath(container, 'privileged'),
            detail: `${containerLabel(container)} must not set securityContext.privileged=true`,
          })),
    },
  ],
};
