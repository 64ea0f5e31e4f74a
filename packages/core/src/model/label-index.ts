import { asArray, asName, asRecord, asString, type JsonRecord } from '../values';

/**
 * Items (pod templates, say) indexed by their labels, so that finding what a selector may select
 * costs the size of the smallest matching label's list instead of a scan of every item: a
 * namespace with thousands of workloads and thousands of policies or Services stays linear.
 * `candidates` over-approximates; callers still check each candidate with the exact matcher.
 */
export class LabelIndex<T> {
  private readonly everything: T[] = [];
  private readonly byPair = new Map<string, T[]>();
  private readonly byKey = new Map<string, T[]>();

  add(item: T, labels: JsonRecord): void {
    this.everything.push(item);
    for (const [key, raw] of Object.entries(labels)) {
      // As selectorMatches reads labels: only scalar values count.
      const value = asName(raw);
      if (value === undefined) continue;
      append(this.byPair, pairKey(key, value), item);
      append(this.byKey, key, item);
    }
  }

  /** A superset of what a metav1.LabelSelector selects, in insertion order when narrowed by one label. */
  candidates(selector: unknown): readonly T[] {
    const record = asRecord(selector);
    if (!record) return selector === undefined || selector === null ? this.everything : [];
    let best: readonly T[] = this.everything;
    const consider = (list: readonly T[]): void => {
      if (list.length < best.length) best = list;
    };
    for (const [key, raw] of Object.entries(asRecord(record.matchLabels) ?? {})) {
      const value = raw === null ? '' : asName(raw);
      if (value === undefined) return [];
      consider(this.byPair.get(pairKey(key, value)) ?? []);
    }
    for (const requirement of asArray(record.matchExpressions)) {
      const expression = asRecord(requirement);
      const key = asString(expression?.key);
      if (!expression || key === undefined) continue;
      if (expression.operator === 'Exists') consider(this.byKey.get(key) ?? []);
      else if (expression.operator === 'In') consider(unique(asArray(expression.values).flatMap((value) => this.byPair.get(pairKey(key, asName(value) ?? '')) ?? [])));
    }
    return best;
  }

  /** A superset of what a Service's plain `selector` map selects. */
  candidatesForMap(selector: JsonRecord): readonly T[] {
    return this.candidates({ matchLabels: selector });
  }
}

function pairKey(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

function append<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
