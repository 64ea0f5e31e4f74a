import type { Resource } from './resource';

/** The API group of an object: `argoproj.io` for `argoproj.io/v1alpha1`, `security.istio.io` for `security.istio.io/v1`, '' for the core group. */
export function apiGroup(resource: Resource): string {
  const slash = resource.apiVersion.indexOf('/');
  return slash < 0 ? '' : resource.apiVersion.slice(0, slash);
}
