import type { Resource } from './resource';
import { asArray, asName, asRecord, asString } from '../values';
import { RBAC_API_VERSION } from './rbac-policy';

export interface RoleRef {
  /** `Role` or `ClusterRole` as written (anything else is rejected by the API server). */
  kind: string | undefined;
  name: string | undefined;
}

export interface Subject {
  index: number;
  kind: string | undefined;
  name: string | undefined;
  /** The namespace the subject lives in, for messages: as written, or the RoleBinding's for a ServiceAccount (null when unknown). */
  namespace: string | null;
  /** The same for matching (Resource.namespaceKey): the RoleBinding's key when inherited. */
  namespaceKey: string | null;
}

export function isBinding(resource: Resource): boolean {
  return (resource.kind === 'RoleBinding' || resource.kind === 'ClusterRoleBinding') && resource.apiVersion === RBAC_API_VERSION;
}

export function roleRefOf(binding: Resource): RoleRef {
  const ref = asRecord(binding.object.roleRef);
  return { kind: asString(ref?.kind), name: asName(ref?.name) };
}

export function subjectsOf(binding: Resource): Subject[] {
  const subjects: Subject[] = [];
  asArray(binding.object.subjects).forEach((raw, index) => {
    const subject = asRecord(raw);
    if (!subject) return;
    const kind = asString(subject.kind);
    const written = asName(subject.namespace) ?? null;
    // The authorizer takes a RoleBinding's own namespace for a ServiceAccount subject without one.
    const inherits = written === null && kind === 'ServiceAccount' && binding.kind === 'RoleBinding';
    const namespace = inherits ? binding.placement.namespace : written;
    subjects.push({ index, kind, name: asName(subject.name), namespace, namespaceKey: inherits ? binding.namespaceKey : written });
  });
  return subjects;
}

/** `User "alice"`, `ServiceAccount "ci/deployer"`, for messages. */
export function describeSubject(subject: Subject): string {
  const namespace = subject.kind === 'ServiceAccount' && subject.namespace ? `${subject.namespace}/` : '';
  return `${subject.kind ?? 'subject'} "${namespace}${subject.name ?? '<unnamed>'}"`;
}

/** `ClusterRole "view"`, for messages. */
export function describeRoleRef(ref: RoleRef): string {
  return `${ref.kind ?? 'role'} "${ref.name ?? '<unnamed>'}"`;
}

/** Calls `visit` for every subject of every RoleBinding and ClusterRoleBinding among `resources`. */
export function forEachBoundSubject(
  resources: readonly Resource[],
  visit: (binding: Resource, ref: RoleRef, subject: Subject) => void,
): void {
  for (const binding of resources) {
    if (!isBinding(binding)) continue;
    const ref = roleRefOf(binding);
    for (const subject of subjectsOf(binding)) visit(binding, ref, subject);
  }
}
