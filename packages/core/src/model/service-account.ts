import type { PodTemplate } from './pod';
import type { FieldPath } from '../types';
import { asString } from '../values';

export interface PodServiceAccount {
  name: string;
  /** The field that names it; undefined when neither field is set and `default` applies. */
  path: FieldPath | undefined;
}

/**
 * The ServiceAccount the pods run as: `serviceAccountName`, else the deprecated `serviceAccount`
 * (the API server copies it over when the new field is empty), else `default`.
 */
export function serviceAccountOf(pod: PodTemplate): PodServiceAccount {
  for (const field of ['serviceAccountName', 'serviceAccount']) {
    const name = asString(pod.spec[field]);
    if (name !== undefined && name !== '') return { name, path: [...pod.specPath, field] };
  }
  return { name: 'default', path: undefined };
}

/** `Deployment "web"`, for messages about a whole workload. */
export function describeWorkload(pod: PodTemplate): string {
  return `${pod.resource.kind} "${pod.resource.name ?? '<unnamed>'}"`;
}
