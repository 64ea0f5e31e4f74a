import { apiGroup } from '../model/api-group';
import type { Resource } from '../model/resource';
import { selectorMatches } from '../model/selector';
import type { CustomRuleMatch } from './types';

/**
 * Whether a custom rule checks the object. Each given list must name the object's value (or
 * `"*"`); `namespaces` is compared with the namespace the object lands in, so an object whose
 * namespace is unknown or that is cluster-scoped matches no list of namespaces.
 */
export function customRuleMatches(match: CustomRuleMatch | undefined, resource: Resource): boolean {
  if (!match) return true;
  if (resource.kind === '') return false;
  if (!listed(match.apiGroups, apiGroup(resource))) return false;
  if (!listed(match.kinds, resource.kind)) return false;
  if (match.excludeKinds?.some((kind) => kind === '*' || kind === resource.kind)) return false;
  if (match.namespaces !== undefined) {
    const namespace = resource.placement.namespace;
    if (resource.namespaceKey === '' || namespace === null || !listed(match.namespaces, namespace)) return false;
  }
  return match.labelSelector === undefined || selectorMatches(match.labelSelector, resource.labels);
}

function listed(values: readonly string[] | undefined, value: string): boolean {
  return values === undefined || values.includes('*') || values.includes(value);
}
