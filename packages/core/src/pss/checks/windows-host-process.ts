import { windowsHostProcesses } from '../../model/pod-security-conditions';
import { containerLabel, type PssCheck } from '../check';

export const windowsHostProcess: PssCheck = {
  id: 'windowsHostProcess',
  level: 'baseline',
  reason: 'hostProcess',
  title: 'Windows HostProcess containers',
  help: 'Windows HostProcess containers have privileged access to the host: `securityContext.windowsOptions.hostProcess` must be unset or `false` on the pod and every container.',
  versions: [
    {
      minVersion: 0,
      evaluate: (pod) =>
        windowsHostProcesses(pod).map(({ container, path }) => ({
          path,
          detail: `${container ? containerLabel(container) : 'pod'} must not set securityContext.windowsOptions.hostProcess=true`,
        })),
    },
  ],
};
