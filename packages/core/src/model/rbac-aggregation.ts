import type { Resource } from './resource';
import { selectorMatches } from './selector';
import { asArray, asName, asRecord, type JsonRecord } from '../values';
import { isAggregated, isRole } from './rbac-policy';

/** Built-in aggregated roles, least powerful first: `view` carries aggregate-to-edit, `edit` aggregate-to-admin. */
const BUILT_IN_CHAIN = ['view', 'edit', 'admin'] as const;
export type BuiltInAggregate = (typeof BUILT_IN_CHAIN)[number];

export const AGGREGATE_LABEL_PREFIX = 'rbac.authorization.k8s.io/aggregate-to-';

/** Where the rules of a ClusterRole end up besides the role itself. */
export interface AggregationTargets {
  /** The least powerful built-in role it aggregates into (the more powerful ones follow). */
  builtIn: BuiltInAggregate | null;
  /** Aggregated ClusterRoles of the linted set that select it. */
  clusterRoles: readonly string[];
}

interface Aggregator {
  name: string;
  selectors: readonly JsonRecord[];
}

/** The aggregated ClusterRoles of a run, collected once so that each lookup costs only their number. */
export class Aggregation {
  private constructor(private readonly aggregators: readonly Aggregator[]) {}

  static of(resources: readonly Resource[]): Aggregation {
    const aggregators: Aggregator[] = [];
    for (const resource of resources) {
      if (!isRole(resource) || !isAggregated(resource)) continue;
      aggregators.push({ name: resource.name ?? '<unnamed>', selectors: aggregationSelectors(resource) });
    }
    return new Aggregation(aggregators);
  }

  targetsOf(role: Resource): AggregationTargets {
    if (role.kind !== 'ClusterRole') return { builtIn: null, clusterRoles: [] };
    const labels = role.labels;
    const builtIn = BUILT_IN_CHAIN.find((target) => asName(labels[`${AGGREGATE_LABEL_PREFIX}${target}`]) === 'true') ?? null;
    const clusterRoles = this.aggregators
      .filter((aggregator) => aggregator.name !== role.name && aggregator.selectors.some((selector) => selectorMatches(selector, labels)))
      .map((aggregator) => aggregator.name);
    return { builtIn, clusterRoles: [...new Set(clusterRoles)] };
  }

  /**
   * ` and aggregates into the built-in "view" role (and through it "edit" and "admin"), granting it
   * to everyone bound to them`, or '' when the role aggregates nowhere.
   */
  note(role: Resource): string {
    return aggregationNote(this.targetsOf(role));
  }
}

/** The `clusterRoleSelectors` of an aggregated ClusterRole. */
export function aggregationSelectors(role: Resource): JsonRecord[] {
  // A null selector matches nothing for the controller (unlike a missing podSelector).
  return asArray(asRecord(role.object.aggregationRule)?.clusterRoleSelectors)
    .map(asRecord)
    .filter((selector): selector is JsonRecord => selector !== undefined);
}

/** Whether an aggregated ClusterRole selects `role` (by its labels; never itself). */
export function aggregates(aggregated: Resource, role: Resource): boolean {
  if (role === aggregated || role.kind !== 'ClusterRole') return false;
  return aggregationSelectors(aggregated).some((selector) => selectorMatches(selector, role.labels));
}

export function aggregationNote(targets: AggregationTargets): string {
  const parts: string[] = [];
  let roles = 0;
  if (targets.builtIn) {
    const above = BUILT_IN_CHAIN.slice(BUILT_IN_CHAIN.indexOf(targets.builtIn) + 1);
    parts.push(`the built-in "${targets.builtIn}" role${above.length > 0 ? ` (and through it ${joinAnd(above.map((name) => `"${name}"`))})` : ''}`);
    roles += 1 + above.length;
  }
  for (const name of targets.clusterRoles) parts.push(`ClusterRole "${name}"`);
  roles += targets.clusterRoles.length;
  if (parts.length === 0) return '';
  return ` and aggregates into ${joinAnd(parts)}, granting it to everyone bound to ${roles === 1 ? 'it' : 'them'}`;
}

function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}
