import { celFunc, celMethod, CelScalar, listType } from '@bufbuild/cel';
import type { CelFunc, CelList, CelValue } from '@bufbuild/cel';
import { celCompare, celEquals } from './values-compare';

const LIST = listType(CelScalar.DYN);
const { DYN, INT, BOOL } = CelScalar;
const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

function extreme(list: CelList, name: string, prefer: number): CelValue {
  let result: CelValue | undefined;
  for (const item of list) {
    if (result === undefined || celCompare(result, item) === prefer) result = item;
  }
  if (result === undefined) throw new Error(`${name} called on empty list`);
  return result;
}

function sum(list: CelList): CelValue {
  let acc: bigint | number = 0n;
  for (const item of list) {
    if (typeof item === 'bigint' && typeof acc === 'bigint') {
      acc += item;
      if (acc > INT64_MAX || acc < INT64_MIN) throw new Error('integer overflow');
    } else if (typeof item === 'number' || typeof item === 'bigint') {
      acc = Number(acc) + Number(item);
    } else {
      throw new Error('no such overload: sum of non-numbers');
    }
  }
  return acc;
}

function indexOf(list: CelList, item: CelValue, fromEnd: boolean): bigint {
  const size = list.size;
  for (let n = 0; n < size; n++) {
    const i = fromEnd ? size - 1 - n : n;
    if (celEquals(list.get(i) as CelValue, item)) return BigInt(i);
  }
  return -1n;
}

/** Kubernetes lists library (and the sets library, which works on lists). */
export const LISTS: CelFunc[] = [
  celMethod('isSorted', LIST, [], BOOL, function (this: CelList) {
    let prev: CelValue | undefined;
    for (const item of this) {
      if (prev !== undefined && celCompare(prev, item) > 0) return false;
      prev = item;
    }
    return true;
  }),
  celMethod('sum', LIST, [], DYN, function (this: CelList) {
    return sum(this);
  }),
  celMethod('min', LIST, [], DYN, function (this: CelList) {
    return extreme(this, 'min', 1);
  }),
  celMethod('max', LIST, [], DYN, function (this: CelList) {
    return extreme(this, 'max', -1);
  }),
  celMethod('indexOf', LIST, [DYN], INT, function (this: CelList, item) {
    return indexOf(this, item, false);
  }),
  celMethod('lastIndexOf', LIST, [DYN], INT, function (this: CelList, item) {
    return indexOf(this, item, true);
  }),
  celFunc('sets.contains', [LIST, LIST], BOOL, (a, b) => contains(a, b)),
  celFunc('sets.equivalent', [LIST, LIST], BOOL, (a, b) => contains(a, b) && contains(b, a)),
  celFunc('sets.intersects', [LIST, LIST], BOOL, (a, b) => {
    for (const x of b) if (indexOf(a, x, false) >= 0n) return true;
    return false;
  }),
];

function contains(a: CelList, b: CelList): boolean {
  for (const x of b) if (indexOf(a, x, false) < 0n) return false;
  return true;
}
