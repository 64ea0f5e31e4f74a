import type { PodTemplate } from '../../model/pod';
import { containerLabel, contextObject, securityContextPath, type PssCheck, type PssViolation } from '../check';
import { badSeccompTypes, validSeccompType } from './seccomp-profile-baseline';

function evaluate1_19(pod: PodTemplate): PssViolation[] {
  const explicit = badSeccompTypes(pod);
  // Upstream reports explicitly bad types first and only then the containers left uncovered.
  if (explicit.length > 0) return explicit;
  const podProfile = contextObject(pod.securityContext, 'seccompProfile');
  if (podProfile && validSeccompType(podProfile.type)) return [];
  return pod.containers
    .filter((container) => !contextObject(container.securityContext, 'seccompProfile'))
    .map((container) => ({
      path: securityContextPath(container, 'seccompProfile', 'type'),
      detail: `pod or ${containerLabel(container)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
    }));
}

export const seccompProfileRestricted: PssCheck = {
  id: 'seccompProfile_restricted',
  level: 'restricted',
  reason: 'seccompProfile',
  title: 'Seccomp profile not set',
  help: 'A seccomp profile must be set: `securityContext.seccompProfile.type` must be `RuntimeDefault` or `Localhost` on the pod, or on every container that the pod-level profile does not cover. The check exists from v1.19 and replaces the baseline `seccompProfile_baseline` check at restricted level; from v1.25 Windows pods (`spec.os.name: windows`) are exempt.',
  versions: [
    { minVersion: 19, evaluate: evaluate1_19, overrides: ['seccompProfile_baseline'] },
    { minVersion: 25, evaluate: (pod) => (pod.isWindows ? [] : evaluate1_19(pod)), overrides: ['seccompProfile_baseline'] },
  ],
};
