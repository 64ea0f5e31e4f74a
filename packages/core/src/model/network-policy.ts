import { asArray, asRecord, type JsonRecord } from '../values';
import type { Resource } from './resource';

export type Direction = 'ingress' | 'egress';

export const DIRECTIONS: readonly Direction[] = ['ingress', 'egress'];

const POLICY_TYPES: ReadonlyMap<unknown, Direction> = new Map<unknown, Direction>([['Ingress', 'ingress'], ['Egress', 'egress']]);

/**
 * The spec as the API server decodes it: a missing one is the empty spec (its empty podSelector
 * selects every pod); any other non-object is refused, so the policy isolates nothing (undefined).
 */
export function networkPolicySpec(policy: Resource): JsonRecord | undefined {
  const spec = policy.object.spec;
  return spec === undefined || spec === null ? {} : asRecord(spec);
}

/**
 * The directions a policy isolates the pods it selects for: its effective `policyTypes`. Absent
 * or empty, the API server sets Ingress, plus Egress only when the policy has egress rules. A
 * value other than a list of `Ingress` and `Egress` (case matters) is refused: no direction.
 */
export function effectiveDirections(spec: JsonRecord): Direction[] {
  const types = spec.policyTypes;
  if (types === undefined || types === null || (Array.isArray(types) && types.length === 0)) {
    return asArray(spec.egress).length > 0 ? ['ingress', 'egress'] : ['ingress'];
  }
  if (!Array.isArray(types)) return [];
  const directions = types.map((type) => POLICY_TYPES.get(type));
  if (directions.some((direction) => direction === undefined)) return [];
  return DIRECTIONS.filter((direction) => directions.includes(direction));
}
