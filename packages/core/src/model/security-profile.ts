import type { Container, PodTemplate } from './pod';
import type { FieldPath } from '../types';

export interface ProfileSetting {
  value: unknown;
  path: FieldPath;
}

/**
 * A profile field (`seccompProfile`, `appArmorProfile`) of the container's security context, else
 * of the pod's. Unlike `PodTemplate.effective`, an explicit `null` counts as unset, as the API
 * server decodes it.
 */
export function containerProfile(pod: PodTemplate, container: Container, field: string): ProfileSetting | undefined {
  const own = container.securityContext[field];
  if (own !== undefined && own !== null) return { value: own, path: [...container.path, 'securityContext', field] };
  return podProfile(pod, field);
}

export function podProfile(pod: PodTemplate, field: string): ProfileSetting | undefined {
  const value = pod.securityContext[field];
  if (value !== undefined && value !== null) return { value, path: [...pod.specPath, 'securityContext', field] };
  return undefined;
}
