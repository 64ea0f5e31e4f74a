import { isClusterScoped } from '../model/cluster-scoped';
import type { Resource } from '../model/resource';
import { selectorMatches } from '../model/selector';
import { asArray, asRecord, asString, type JsonRecord } from '../values';
import type { MatchResources } from './policy-model';
import type { GroupVersionResource } from './resource-names';

/** `unknown`: it depends on the labels of a Namespace that is not in the set. */
export type Match = 'yes' | 'no' | 'unknown';

/** What matching needs to know about the object being admitted. */
export interface Admitted {
  resource: Resource;
  gvr: GroupVersionResource;
  clusterScoped: boolean;
  /** The namespace it lands in; null when cluster-scoped or not known. */
  namespace: string | null;
  /** The Namespace object of the set it lands in (itself for a Namespace), or null. */
  namespaceObject: Resource | null;
}

export function admittedOf(resource: Resource, gvr: GroupVersionResource, namespaces: ReadonlyMap<string, Resource>): Admitted {
  const clusterScoped = isClusterScoped(resource.apiVersion, resource.kind);
  const namespace = clusterScoped ? null : resource.placement.namespace;
  const namespaceObject = resource.kind === 'Namespace' && resource.apiVersion === 'v1' ? resource : namespace === null ? null : (namespaces.get(namespace) ?? null);
  return { resource, gvr, clusterScoped, namespace, namespaceObject };
}

/**
 * Whether matchConstraints (or a binding's matchResources) match an object, as the API server's
 * matcher decides for a CREATE (or UPDATE) of it: resource rules, then the selectors. A binding's
 * matchResources without resourceRules leaves the resources to the policy (`of: 'binding'`).
 */
export function matchesResources(match: MatchResources, admitted: Admitted, of: 'policy' | 'binding'): Match {
  if (isExemptConfiguration(admitted.gvr)) return 'no';
  const constrains = of === 'policy' || match.resourceRules.length > 0;
  if (constrains && !match.resourceRules.some((rule) => ruleMatches(rule, admitted, match.matchPolicy))) return 'no';
  if (match.excludeResourceRules.some((rule) => ruleMatches(rule, admitted, 'Exact'))) return 'no';
  if (!selectorMatches(emptyIfNull(match.objectSelector), admitted.resource.labels)) return 'no';
  return namespaceMatches(match.namespaceSelector, admitted);
}

/** The API server never applies admission policies to admission configuration itself, so that it cannot lock itself out. */
const EXEMPT_RESOURCES = new Set(['validatingwebhookconfigurations', 'mutatingwebhookconfigurations', 'validatingadmissionpolicies', 'validatingadmissionpolicybindings', 'mutatingadmissionpolicies', 'mutatingadmissionpolicybindings']);

function isExemptConfiguration(gvr: GroupVersionResource): boolean {
  return gvr.group === 'admissionregistration.k8s.io' && EXEMPT_RESOURCES.has(gvr.resource);
}

function namespaceMatches(selector: unknown, admitted: Admitted): Match {
  const record = asRecord(selector);
  // An absent or empty selector matches every namespace, known or not.
  if (!record || (Object.keys(asRecord(record.matchLabels) ?? {}).length === 0 && asArray(record.matchExpressions).length === 0)) return 'yes';
  // Cluster-scoped objects other than Namespaces have no namespace to select.
  if (admitted.clusterScoped && admitted.resource.kind !== 'Namespace') return 'yes';
  if (!admitted.namespaceObject) return 'unknown';
  return selectorMatches(record, admitted.namespaceObject.labels) ? 'yes' : 'no';
}

function ruleMatches(rule: JsonRecord, admitted: Admitted, matchPolicy: 'Exact' | 'Equivalent'): boolean {
  const { gvr } = admitted;
  const operations = strings(rule.operations);
  if (!operations.some((operation) => operation === '*' || operation === 'CREATE' || operation === 'UPDATE')) return false;
  if (!strings(rule.apiGroups).some((group) => group === '*' || group === gvr.group)) return false;
  // Equivalent: the API server converts the object to a version the rule names, so any served version matches.
  if (matchPolicy === 'Exact' && !strings(rule.apiVersions).some((version) => version === '*' || version === gvr.version)) return false;
  if (!strings(rule.resources).some((entry) => resourceMatches(entry, gvr.resource))) return false;
  const scope = asString(rule.scope) ?? '*';
  if (scope === 'Cluster' && !admitted.clusterScoped) return false;
  if (scope === 'Namespaced' && admitted.clusterScoped) return false;
  const names = strings(rule.resourceNames);
  return names.length === 0 || (admitted.resource.name !== null && names.includes(admitted.resource.name));
}

// `pods`, `*`, `*/*`, `pods/*`: the object itself is the resource with no subresource, which `x/*` covers too.
function resourceMatches(entry: string, resource: string): boolean {
  const slash = entry.indexOf('/');
  const name = slash < 0 ? entry : entry.slice(0, slash);
  const sub = slash < 0 ? '' : entry.slice(slash + 1);
  return (name === '*' || name === resource) && (sub === '' || sub === '*');
}

function strings(value: unknown): string[] {
  return asArray(value).flatMap((item) => asString(item) ?? []);
}

function emptyIfNull(selector: unknown): unknown {
  return selector === null ? undefined : selector;
}
