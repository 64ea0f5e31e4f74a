import type { Resource } from './resource';
import { asArray, asRecord, asString } from '../values';
import type { RuleContext } from '../rules/rule';

/** The only served RBAC version since Kubernetes 1.22: objects of older versions are rejected. */
export const RBAC_API_VERSION = 'rbac.authorization.k8s.io/v1';
export const RBAC_GROUP = 'rbac.authorization.k8s.io';
/** The core API group is written as the empty string in `apiGroups`. */
export const CORE_GROUP = '';
export const ALL = '*';

/** One string of a list field, with its index in the list as written (non-strings are skipped). */
export interface Entry {
  value: string;
  index: number;
}

/** One `rules[i]` of a Role or ClusterRole. */
export interface PolicyRule {
  role: Resource;
  index: number;
  verbs: readonly Entry[];
  resources: readonly Entry[];
  apiGroups: readonly Entry[];
  resourceNames: readonly string[];
}

export function isRole(resource: Resource): boolean {
  return (resource.kind === 'Role' || resource.kind === 'ClusterRole') && resource.apiVersion === RBAC_API_VERSION;
}

/** A ClusterRole whose `rules` the aggregation controller overwrites with those of the roles it selects. */
export function isAggregated(resource: Resource): boolean {
  return resource.kind === 'ClusterRole' && asRecord(resource.object.aggregationRule) !== undefined;
}

function entries(value: unknown): Entry[] {
  const out: Entry[] = [];
  asArray(value).forEach((item, index) => {
    const text = asString(item);
    if (text !== undefined) out.push({ value: text, index });
  });
  return out;
}

/**
 * Calls `visit` for every rule of every Role and ClusterRole. The written rules of an aggregated
 * ClusterRole are skipped: the controller replaces them, and the roles it aggregates are checked
 * themselves.
 */
export function forEachPolicyRule<O>(context: RuleContext<O>, visit: (rule: PolicyRule) => void): void {
  for (const role of context.resources) {
    if (!isRole(role) || isAggregated(role)) continue;
    for (const rule of writtenRulesOf(role)) visit(rule);
  }
}

/** The `rules` of a Role or ClusterRole as written (entries that are not maps are skipped). */
export function writtenRulesOf(role: Resource): PolicyRule[] {
  const rules: PolicyRule[] = [];
  asArray(role.object.rules).forEach((raw, index) => {
    const rule = asRecord(raw);
    if (!rule) return;
    rules.push({
      role,
      index,
      verbs: entries(rule.verbs),
      resources: entries(rule.resources),
      apiGroups: entries(rule.apiGroups),
      resourceNames: entries(rule.resourceNames).map((entry) => entry.value),
    });
  });
  return rules;
}

/** Verb entries that grant one of `verbs` (`*` grants them all). */
export function verbsGranting(rule: PolicyRule, verbs: readonly string[]): Entry[] {
  return rule.verbs.filter((entry) => entry.value === ALL || verbs.includes(entry.value));
}

/** Whether the rule applies to one of `groups`. A rule without apiGroups is invalid and matches nothing. */
export function inGroups(rule: PolicyRule, groups: readonly string[]): boolean {
  return rule.apiGroups.some((entry) => entry.value === ALL || groups.includes(entry.value));
}

/**
 * Resource entries that name `resource` (`pods` or `pods/exec`) exactly or, for a subresource, as a
 * star followed by `/exec` (which the authorizer matches against every resource's subresource). A bare `*` is left
 * to rbac-wildcard.
 */
export function entriesNaming(rule: PolicyRule, resource: string): Entry[] {
  const slash = resource.indexOf('/');
  const anyParent = slash > 0 ? `*${resource.slice(slash)}` : null;
  return rule.resources.filter((entry) => entry.value === resource || entry.value === anyParent);
}

/**
 * Resource entries that reach `resource` (`secrets`, `pods/exec`) as the authorizer matches them:
 * the name itself, `*`, or for a subresource `*` + `/exec`. `pods/*` is no wildcard: the
 * authorizer compares it as written, and no subresource is called `*`.
 */
export function entriesReaching(rule: PolicyRule, resource: string): Entry[] {
  return rule.resources.filter((entry) => entry.value === ALL || entriesNaming({ ...rule, resources: [entry] }, resource).length > 0);
}

/** `rule 0 of ClusterRole "reader"`, for messages. */
export function describeRule(rule: PolicyRule): string {
  return `rule ${rule.index} of ${rule.role.kind} "${rule.role.name ?? '<unnamed>'}"`;
}

/** `"get", "list"` for messages. */
export function quoteAll(values: readonly string[]): string {
  return values.map((value) => `"${value}"`).join(', ');
}

/** Verbs of the entries, without duplicates, in the order written. */
export function verbNames(entries: readonly Entry[]): string[] {
  return [...new Set(entries.map((entry) => entry.value))];
}

/** ` (limited to resourceNames "a", "b")` when the rule names objects. */
export function resourceNamesNote(rule: PolicyRule): string {
  return rule.resourceNames.length > 0 ? ` (limited to resourceNames ${quoteAll(rule.resourceNames)})` : '';
}
