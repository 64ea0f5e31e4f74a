import { asRecord } from '../../values';
import { containerLabel, podSecurityContextPath, securityContextPath, type PssCheck, type PssViolation } from '../check';

function hostProcess(securityContext: Record<string, unknown>): boolean {
  return asRecord(securityContext.windowsOptions)?.hostProcess === true;
}

export const windowsHostProcess: PssCheck = {
  id: 'windowsHostProcess',
  level: 'baseline',
  reason: 'hostProcess',
  title: 'Windows HostProcess containers',
  help: 'Windows HostProcess containers have privileged access to the host: `securityContext.windowsOptions.hostProcess` must be unset or `false` on the pod and every container.',
  versions: [
    {
      minVersion: 0,
      evaluate: (pod) => {
        const violations: PssViolation[] = [];
        if (hostProcess(pod.securityContext)) {
          violations.push({ path: podSecurityContextPath(pod, 'windowsOptions', 'hostProcess'), detail: 'pod must not set securityContext.windowsOptions.hostProcess=true' });
        }
        for (const container of pod.containers) {
          if (!hostProcess(container.securityContext)) continue;
          violations.push({ path: securityContextPath(container, 'windowsOptions', 'hostProcess'), detail: `${containerLabel(container)} must not set securityContext.windowsOptions.hostProcess=true` });
        }
        return violations;
      },
    },
  ],
};
