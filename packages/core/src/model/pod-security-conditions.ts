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

/** Containers whose `securityContext.procMount` is set (not null) to anything but `Default`: /proc unmasked. */
export function unmaskedProcMounts(pod: PodTemplate): Array<ContainerMatch & { procMount: unknown }> {
  return pod.containers.flatMap((container) => {
    const procMount = container.securityContext.procMount;
    if (procMount === undefined || procMount === null || procMount === 'Default') return [];
    return [{ container, procMount, path: [...container.path, 'securityContext', 'procMount'] }];
  });
}

/** Entries of `spec.securityContext.sysctls` whose name is not in `allowed` (a Pod Security Standards safe set). */
export function sysctlsOutside(pod: PodTemplate, allowed: ReadonlySet<string>): Array<{ name: string; path: FieldPath }> {
  return asArray(pod.securityContext.sysctls).flatMap((entry, index) => {
    const name = asString(asRecord(entry)?.name) ?? '';
    return allowed.has(name) ? [] : [{ name, path: [...pod.specPath, 'securityContext', 'sysctls', index, 'name'] }];
  });
}

/** A security context field set on the pod (`container` undefined) or on one container. */
export interface SecurityContextMatch {
  container: Container | undefined;
  path: FieldPath;
}

function podAndContainerContexts(pod: PodTemplate): Array<{ container: Container | undefined; securityContext: Record<string, unknown>; path: FieldPath }> {
  return [
    { container: undefined, securityContext: pod.securityContext, path: [...pod.specPath, 'securityContext'] },
    ...pod.containers.map((container) => ({ container, securityContext: container.securityContext, path: [...container.path, 'securityContext'] })),
  ];
}

/**
 * SELinux options beyond what the Pod Security Standards allow: a `type` not in `allowedTypes`
 * (unset counts as `""`), or any `user` or `role`; pod first, then each container.
 */
export function forbiddenSeLinuxOptions(pod: PodTemplate, allowedTypes: readonly string[]): Array<SecurityContextMatch & { field: 'type' | 'user' | 'role'; value: string }> {
  return podAndContainerContexts(pod).flatMap(({ container, securityContext, path }) => {
    const options = asRecord(securityContext.seLinuxOptions);
    if (!options) return [];
    const type = asString(options.type) ?? '';
    const found: Array<SecurityContextMatch & { field: 'type' | 'user' | 'role'; value: string }> = [];
    if (!allowedTypes.includes(type)) found.push({ container, field: 'type', value: type, path: [...path, 'seLinuxOptions', 'type'] });
    for (const field of ['user', 'role'] as const) {
      const value = asString(options[field]) ?? '';
      if (value !== '') found.push({ container, field, value, path: [...path, 'seLinuxOptions', field] });
    }
    return found;
  });
}

/** `securityContext.windowsOptions.hostProcess: true` on the pod or a container. */
export function windowsHostProcesses(pod: PodTemplate): SecurityContextMatch[] {
  return podAndContainerContexts(pod).flatMap(({ container, securityContext, path }) =>
    asRecord(securityContext.windowsOptions)?.hostProcess === true ? [{ container, path: [...path, 'windowsOptions', 'hostProcess'] }] : [],
  );
}

const HOST_HANDLERS: ReadonlyArray<readonly string[]> = [
  ['livenessProbe'], ['readinessProbe'], ['startupProbe'], ['lifecycle', 'postStart'], ['lifecycle', 'preStop'],
];

/** A non-empty `host` in the `httpGet` or `tcpSocket` of a container's probes and lifecycle handlers. */
export function probeAndLifecycleHosts(pod: PodTemplate): Array<ContainerMatch & { host: string; handler: string }> {
  return pod.containers.flatMap((container) =>
    HOST_HANDLERS.flatMap((handlerPath) => {
      let handler: Record<string, unknown> | undefined = container.spec;
      for (const key of handlerPath) handler = asRecord(handler?.[key]);
      return ['httpGet', 'tcpSocket'].flatMap((kind) => {
        const host = asString(asRecord(handler?.[kind])?.host) ?? '';
        if (host === '') return [];
        return [{ container, host, handler: handlerPath.join('.'), path: [...container.path, ...handlerPath, kind, 'host'] }];
      });
    }),
  );
}
