import type { PodTemplate } from '../../model/pod';
import { asString } from '../../values';
import { contextObject, podAndContainers, quote, type PssCheck, type PssViolation } from '../check';

const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

export function validSeccompType(type: unknown): boolean {
  return type === 'RuntimeDefault' || type === 'Localhost';
}

function validAnnotationValue(value: string): boolean {
  return value === 'runtime/default' || value === 'docker/default' || value.startsWith('localhost/');
}

/** Before v1.19 seccomp was set with alpha annotations on the pod. */
function annotations1_0(pod: PodTemplate): PssViolation[] {
  const keys = [POD_ANNOTATION, ...pod.containers.map((container) => `${CONTAINER_ANNOTATION_PREFIX}${container.name}`)];
  return [...new Set(keys)].sort().flatMap((key): PssViolation[] => {
    const value = pod.annotations[key];
    if (value === undefined) return [];
    // Annotation values are strings; null decodes to "", anything else is not a valid profile.
    const text = asString(value) ?? '';
    if (validAnnotationValue(text)) return [];
    return [{ path: [...pod.metadataPath, 'annotations', key], detail: `forbidden annotation ${key}=${quote(text)}` }];
  });
}

/** Explicitly set seccompProfile types other than RuntimeDefault/Localhost (shared with restricted). */
export function badSeccompTypes(pod: PodTemplate): PssViolation[] {
  return podAndContainers(pod).flatMap((setter): PssViolation[] => {
    const profile = contextObject(setter.securityContext, 'seccompProfile');
    if (!profile || validSeccompType(profile.type)) return [];
    const type = asString(profile.type) ?? '';
    return [{ path: setter.path('seccompProfile', 'type'), detail: `${setter.who} must not set securityContext.seccompProfile.type to ${quote(type)}` }];
  });
}

export const seccompProfileBaseline: PssCheck = {
  id: 'seccompProfile_baseline',
  level: 'baseline',
  reason: 'seccompProfile',
  title: 'Seccomp profile disabled',
  help: 'If a seccomp profile is set, it must be the runtime default or a localhost profile. Before v1.19 this means the annotations `seccomp.security.alpha.kubernetes.io/pod` and `container.seccomp.security.alpha.kubernetes.io/<container>` must be `runtime/default`, `docker/default` or `localhost/*`; from v1.19 `securityContext.seccompProfile.type` (pod or container) must be `RuntimeDefault` or `Localhost` and the annotations are ignored.',
  versions: [
    { minVersion: 0, evaluate: annotations1_0 },
    { minVersion: 19, evaluate: badSeccompTypes },
  ],
};
