import type { PodTemplate } from '../../model/pod';
import { inUserNamespace, podAndContainers, type PssCheck, type PssViolation } from '../check';

function evaluate1_23(pod: PodTemplate): PssViolation[] {
  return podAndContainers(pod)
    .filter((setter) => setter.securityContext.runAsUser === 0)
    .map((setter) => ({ path: setter.path('runAsUser'), detail: `${setter.who} must not set runAsUser=0` }));
}

export const runAsUser: PssCheck = {
  id: 'runAsUser',
  level: 'restricted',
  reason: 'runAsUser=0',
  title: 'Running as UID 0',
  help: 'Containers must not set `runAsUser: 0`, on the pod or on any container. The check exists from v1.23; from v1.35 pods in a user namespace (`spec.hostUsers: false`) are exempt.',
  versions: [
    { minVersion: 23, evaluate: evaluate1_23 },
    { minVersion: 35, evaluate: (pod) => (inUserNamespace(pod) ? [] : evaluate1_23(pod)) },
  ],
};
