import type { PodTemplate } from '../../model/pod';
import { containerLabel, inUserNamespace, podSecurityContextPath, securityContextPath, type PssCheck, type PssViolation } from '../check';

function evaluate1_0(pod: PodTemplate): PssViolation[] {
  const podValue = pod.securityContext.runAsNonRoot;
  const explicit: PssViolation[] = [];
  if (podValue === false) explicit.push({ path: podSecurityContextPath(pod, 'runAsNonRoot'), detail: 'pod must not set securityContext.runAsNonRoot=false' });
  const implicit: PssViolation[] = [];
  for (const container of pod.containers) {
    const value = container.securityContext.runAsNonRoot;
    const path = securityContextPath(container, 'runAsNonRoot');
    if (value === false) explicit.push({ path, detail: `${containerLabel(container)} must not set securityContext.runAsNonRoot=false` });
    else if (value === undefined || value === null) {
      if (podValue !== true) implicit.push({ path, detail: `pod or ${containerLabel(container)} must set securityContext.runAsNonRoot=true` });
    }
  }
  // Upstream reports explicit `false` settings first and only then the containers left unset.
  return explicit.length > 0 ? explicit : implicit;
}

export const runAsNonRoot: PssCheck = {
  id: 'runAsNonRoot',
  level: 'restricted',
  reason: 'runAsNonRoot != true',
  title: 'Containers not required to run as non-root',
  help: 'Containers must be required to run as non-root: `securityContext.runAsNonRoot: true` on the pod (inherited by containers) or on every container, and `false` nowhere. From v1.35 pods in a user namespace (`spec.hostUsers: false`) are exempt.',
  versions: [
    { minVersion: 0, evaluate: evaluate1_0 },
    { minVersion: 35, evaluate: (pod) => (inUserNamespace(pod) ? [] : evaluate1_0(pod)) },
  ],
};
