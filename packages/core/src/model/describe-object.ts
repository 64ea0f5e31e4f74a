import type { ObjectRef } from '../types';

/** How an object without `metadata.name` is shown. */
export const UNNAMED = '<unnamed>';

/** `Deployment shop/web`, the way kubectl names objects; cluster-scoped: `ClusterRole admin`. */
export function describeObject(object: Pick<ObjectRef, 'kind' | 'namespace' | 'name'>): string {
  const namespace = object.namespace ? `${object.namespace}/` : '';
  return `${object.kind} ${namespace}${object.name ?? UNNAMED}`;
}

/**
 * `shop/Deployment/web`: the object as a path from its namespace, the form of SARIF's logical
 * locations; cluster-scoped objects have no namespace part.
 */
export function objectPath(object: Pick<ObjectRef, 'kind' | 'namespace' | 'name'>): string {
  const namespace = object.namespace ? `${object.namespace}/` : '';
  return `${namespace}${object.kind}/${object.name ?? UNNAMED}`;
}
