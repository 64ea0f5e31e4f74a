import type { PodTemplate } from '../../model/pod';
import { containerLabel, securityContextPath, type PssCheck, type PssViolation } from '../check';

function evaluate1_8(pod: PodTemplate): PssViolation[] {
  return pod.containers
    .filter((container) => container.securityContext.allowPrivilegeEscalation !== false)
    .map((container) => ({
      path: securityContextPath(container, 'allowPrivilegeEscalation'),
      detail: `${containerLabel(container)} must set securityContext.allowPrivilegeEscalation=false`,
    }));
}

export const allowPrivilegeEscalation: PssCheck = {
  id: 'allowPrivilegeEscalation',
  level: 'restricted',
  reason: 'allowPrivilegeEscalation != false',
  title: 'Privilege escalation allowed',
  help: 'Privilege escalation (for example through set-user-ID binaries) must be disallowed: every container must set `securityContext.allowPrivilegeEscalation: false`. The check exists from v1.8; from v1.25 Windows pods (`spec.os.name: windows`) are exempt.',
  versions: [
    { minVersion: 8, evaluate: evaluate1_8 },
    { minVersion: 25, evaluate: (pod) => (pod.isWindows ? [] : evaluate1_8(pod)) },
  ],
};
