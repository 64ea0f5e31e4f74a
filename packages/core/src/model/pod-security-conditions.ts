import type { FieldPath } from '../types';
import { asArray, asRecord, asString } from '../values';
import type { Container, PodTemplate } from './pod';

/**
 * Conditions on a pod that a default rule and its Pod Security Standards counterpart both test
 * (as kube-linter separates a check's template from its declarations): each is written once here,
 * and the rules only word and filter what it finds.
 */

/** A container field that a condition matched. */
export interface ContainerMatch {
  container: Container;
  path: FieldPath;
}

/** Containers (init, regular and ephemeral) with `securityContext.privileged: true`. */
export function privilegedContainers(pod: PodTemplate): ContainerMatch[] {
  return pod.containers
    .filter((container) => container.securityContext.privileged === true)
    .map((container) => ({ container, path: [...container.path, 'securityContext', 'privileged'] }));
}

export type HostNamespaceField = 'hostNetwork' | 'hostPID' | 'hostIPC';

export const HOST_NAMESPACE_FIELDS: readonly HostNamespaceField[] = ['hostNetwork', 'hostPID', 'hostIPC'];

/** `spec.hostNetwork`, `spec.hostPID` and `spec.hostIPC` set to true. */
export function sharedHostNamespaces(pod: PodTemplate): Array<{ field: HostNamespaceField; path: FieldPath }> {
  return HOST_NAMESPACE_FIELDS.filter((field) => pod.spec[field] === true).map((field) => ({ field, path: [...pod.specPath, field] }));
}

/** Container ports with a non-zero `hostPort` (an int32; 0 and absence mean none). */
export function hostPorts(pod: PodTemplate): Array<ContainerMatch & { port: number }> {
  return pod.containers.flatMap((container) =>
    asArray(container.spec.ports).flatMap((entry, index) => {
      const port = asRecord(entry)?.hostPort;
      if (typeof port !== 'number' || port === 0) return [];
      return [{ container, port, path: [...container.path, 'ports', index, 'hostPort'] }];
    }),
  );
}

export interface HostPathVolume {
  /** The volume's `name`, when it is a string. */
  name: string | undefined;
  index: number;
  /** The `hostPath` field as written: set (not null), of whatever type. */
  hostPath: unknown;
  path: FieldPath;
}

/** Entries of `spec.volumes` that set `hostPath` (to anything but null, as Go decodes it). */
export function hostPathVolumes(pod: PodTemplate): HostPathVolume[] {
  return asArray(pod.spec.volumes).flatMap((entry, index) => {
    const volume = asRecord(entry);
    if (!volume || volume.hostPath === undefined || volume.hostPath === null) return [];
    return [{ name: asString(volume.name), index, hostPath: volume.hostPath, path: [...pod.specPath, 'volumes', index, 'hostPath'] }];
  });
}
