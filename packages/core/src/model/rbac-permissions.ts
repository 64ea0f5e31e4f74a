import type { Resource } from './resource';
import { aggregates } from './rbac-aggregation';
import { roleRefOf } from './rbac-binding';
import { ALL, isAggregated, isRole, writtenRulesOf, type PolicyRule } from './rbac-policy';

/**
 * Every verb a role can hold on ordinary resources. Holding all of them on every resource of every
 * group is cluster-admin in all but name, as much as `*` is: it reads every Secret and creates
 * privileged pods on any node. Polaris counts this list the same way.
 */
const EVERY_STANDARD_VERB = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'] as const;

/** The Roles and ClusterRoles of a run, indexed once, with what each one effectively grants. */
export class RoleIndex {
  private readonly effective = new Map<Resource, PolicyRule[]>();

  private constructor(
    private readonly byKey: ReadonlyMap<string, readonly Resource[]>,
    private readonly clusterRoles: readonly Resource[],
  ) {}

  static of(resources: readonly Resource[]): RoleIndex {
    const byKey = new Map<string, Resource[]>();
    const clusterRoles: Resource[] = [];
    for (const resource of resources) {
      if (!isRole(resource) || resource.name === null) continue;
      if (resource.kind === 'ClusterRole') clusterRoles.push(resource);
      const key = roleKey(resource.kind, resource.kind === 'Role' ? resource.namespaceKey : '', resource.name);
      const same = byKey.get(key);
      if (same) same.push(resource);
      else byKey.set(key, [resource]);
    }
    return new RoleIndex(byKey, clusterRoles);
  }

  /** The roles of the set a binding refers to: a Role in its namespace, or a ClusterRole (several when overlays repeat one). */
  rolesOf(binding: Resource): readonly Resource[] {
    const ref = roleRefOf(binding);
    if (ref.name === undefined) return [];
    if (ref.kind === 'ClusterRole') return this.byKey.get(roleKey('ClusterRole', '', ref.name)) ?? [];
    // A ClusterRoleBinding to a Role is rejected by the API server (rbac-missing-role says so).
    if (ref.kind === 'Role' && binding.kind === 'RoleBinding') return this.byKey.get(roleKey('Role', binding.namespaceKey, ref.name)) ?? [];
    return [];
  }

  /**
   * The rules a role holds: as written, or for a ClusterRole with an `aggregationRule` those of
   * every ClusterRole of the set it selects, through other aggregated ones too (the controller
   * replaces the written rules).
   */
  effectiveRules(role: Resource, visiting: ReadonlySet<Resource> = new Set()): PolicyRule[] {
    const known = this.effective.get(role);
    if (known) return known;
    if (!isAggregated(role)) return writtenRulesOf(role);
    // A cycle of aggregated roles adds nothing the roles on it do not already select.
    const path = new Set([...visiting, role]);
    const rules = this.clusterRoles
      .filter((source) => !path.has(source) && aggregates(role, source))
      .flatMap((source) => this.effectiveRules(source, path));
    if (visiting.size === 0) this.effective.set(role, rules);
    return rules;
  }
}

function roleKey(kind: string, namespace: string, name: string): string {
  return `${kind}\u0000${namespace}\u0000${name}`;
}

/**
 * The rules that together grant every verb on every resource of every API group, or null when
 * the rules do not: those with `*` in `apiGroups` and `resources` and no `resourceNames`, whose
 * verbs hold `*` (the first such rule) or every standard verb between them.
 */
export function fullAccessRules(rules: readonly PolicyRule[]): PolicyRule[] | null {
  const everywhere = rules.filter(
    (rule) => rule.resourceNames.length === 0 && rule.apiGroups.some((entry) => entry.value === ALL) && rule.resources.some((entry) => entry.value === ALL),
  );
  const withStar = everywhere.find((rule) => rule.verbs.some((entry) => entry.value === ALL));
  if (withStar) return [withStar];
  const verbs = new Set(everywhere.flatMap((rule) => rule.verbs.map((entry) => entry.value)));
  if (!EVERY_STANDARD_VERB.every((verb) => verbs.has(verb))) return null;
  return everywhere.filter((rule) => rule.verbs.some((entry) => (EVERY_STANDARD_VERB as readonly string[]).includes(entry.value)));
}
