import { celFunc, CelScalar, listType } from '@bufbuild/cel';
import type { CelFunc, CelList, CelValue } from '@bufbuild/cel';

// @bufbuild/cel recognises its lists by this registered symbol.
const LIST = Symbol.for('@bufbuild/cel/list');

/**
 * A list that `+` extends in place when nobody else has extended it (Go's slice append):
 * the accumulator of `map` and `filter` grows in amortised O(1) per step. @bufbuild/cel's own
 * concatenation nests one level per step, which overflows the stack past ~10,000 elements.
 */
class AppendList {
  readonly [LIST] = {};
  constructor(
    private readonly items: CelValue[],
    readonly size: number,
  ) {}
  get(index: number): CelValue | undefined {
    return index >= 0 && index < this.size ? this.items[index] : undefined;
  }
  *values(): IterableIterator<CelValue> {
    for (let i = 0; i < this.size; i++) yield this.items[i] as CelValue;
  }
  [Symbol.iterator](): IterableIterator<CelValue> {
    return this.values();
  }
  append(other: CelList): AppendList {
    // Shared storage is extended only by the view that owns its end; others copy.
    const items = this.items.length === this.size ? this.items : this.items.slice(0, this.size);
    for (const item of other) items.push(item);
    return new AppendList(items, items.length);
  }
}

export function concatLists(a: CelList, b: CelList): CelList {
  const result = a instanceof AppendList ? a.append(b) : new AppendList([...a], a.size).append(b);
  return result as unknown as CelList;
}

const DYN_LIST = listType(CelScalar.DYN);

/** Replaces the standard list `+` (same overload id). */
export const LIST_CONCAT: CelFunc[] = [celFunc('_+_', [DYN_LIST, DYN_LIST], DYN_LIST, concatLists)];
