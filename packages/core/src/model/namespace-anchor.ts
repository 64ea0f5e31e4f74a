import { compareStrings } from '../text/strings';
import type { FieldPath } from '../types';
import type { Resource } from './resource';
import { push } from './workload-index';

/**
 * Where a finding about a whole namespace goes (something is missing from it): a place that
 * does not move when files are renamed or reordered, and never an object of another namespace.
 */
export interface NamespaceAnchor {
  target: Resource;
  path: FieldPath;
}

/**
 * Kind, then name, then apiVersion; file path and document order only between copies of the
 * same object, so that renaming a file never moves a finding to another object.
 */
export function compareByKindAndName(a: Resource, b: Resource): number {
  return (
    compareStrings(a.kind, b.kind) ||
    compareStrings(a.name ?? '', b.name ?? '') ||
    compareStrings(a.apiVersion, b.apiVersion) ||
    compareStrings(a.file, b.file) ||
    a.documentIndex - b.documentIndex
  );
}

export function firstByKindAndName(resources: readonly Resource[]): Resource | undefined {
  let first: Resource | undefined;
  for (const resource of resources) {
    if (!first || compareByKindAndName(resource, first) < 0) first = resource;
  }
  return first;
}

/** `v1` Namespace objects by their own name (the namespace they are, not one they would be in). */
export function namespaceObjectsByName(resources: readonly Resource[]): Map<string, Resource[]> {
  const index = new Map<string, Resource[]>();
  for (const resource of resources) {
    if (resource.kind !== 'Namespace' || resource.apiVersion !== 'v1' || resource.name === null) continue;
    push(index, resource.name, resource);
  }
  return index;
}

/**
 * The namespace's Namespace object when the set holds one (the fix is made for the namespace);
 * else the first of `members` by kind and name. `members` must all be in the namespace: callers
 * pass objects they know to be namespaced (workloads, policies), because an object without
 * `metadata.namespace` of an unknown cluster-scoped kind would otherwise pass for one of `default`.
 */
export function namespaceAnchor(namespaceObjects: readonly Resource[] | undefined, members: readonly Resource[]): NamespaceAnchor | undefined {
  const namespaceObject = firstByKindAndName(namespaceObjects ?? []);
  if (namespaceObject) return { target: namespaceObject, path: ['metadata', 'name'] };
  const member = firstByKindAndName(members);
  return member ? { target: member, path: ['metadata', 'namespace'] } : undefined;
}
