import { celFunc, celMethod, CelScalar } from '@bufbuild/cel';
import type { CelFunc } from '@bufbuild/cel';
import { expectOpaque, opaqueValue, type Opaque } from './opaque';

const { STRING, INT, BOOL, DOUBLE, DYN } = CelScalar;
const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

/** A resource.Quantity as an exact fraction num/den (den > 0, reduced). */
export class Quantity implements Opaque {
  readonly typeName = 'kubernetes.Quantity';
  readonly num: bigint;
  readonly den: bigint;
  constructor(num: bigint, den: bigint) {
    const g = gcd(num < 0n ? -num : num, den);
    this.num = g === 0n ? 0n : num / g;
    this.den = g === 0n ? 1n : den / g;
  }
  compare(other: Quantity): number {
    const l = this.num * other.den;
    const r = other.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  plus(other: Quantity, sign = 1n): Quantity {
    return new Quantity(this.num * other.den + sign * other.num * this.den, this.den * other.den);
  }
  asInteger(): bigint | undefined {
    if (this.den !== 1n || this.num > INT64_MAX || this.num < INT64_MIN) return undefined;
    return this.num;
  }
  toString(): string {
    return this.den === 1n ? this.num.toString() : String(Number(this.num) / Number(this.den));
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const QUANTITY = /^([+-]?)(\d+\.?\d*|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

/** resource.ParseQuantity's grammar: number, then a binary or decimal SI suffix or an exponent. */
export function parseQuantity(text: string): Quantity {
  const m = QUANTITY.exec(text);
  if (m === null) throw new Error(`quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`);
  const [, sign = '', digits = '', suffix = ''] = m;
  const [whole = '', fraction = ''] = digits.split('.');
  let num = BigInt((whole || '0') + fraction) * (sign === '-' ? -1n : 1n);
  let den = 10n ** BigInt(fraction.length);
  let exp10 = 0;
  if (suffix in BINARY) num *= 2n ** BigInt(BINARY[suffix] as number);
  else if (suffix in DECIMAL) exp10 = DECIMAL[suffix] as number;
  else exp10 = Number(suffix.slice(1));
  if (Math.abs(exp10) > 1000) throw new Error('quantity exponent out of range');
  if (exp10 >= 0) num *= 10n ** BigInt(exp10);
  else den *= 10n ** BigInt(-exp10);
  return new Quantity(num, den);
}

const TYPE = 'kubernetes.Quantity';
const wrap = (q: Quantity) => opaqueValue(q, `${q.num}/${q.den}`);
const q = (v: unknown, fn: string) => expectOpaque<Quantity>(v, TYPE, fn);
const fromInt = (i: bigint) => new Quantity(i, 1n);

/** Kubernetes quantity library. */
export const QUANTITY_LIBRARY: CelFunc[] = [
  celFunc('quantity', [STRING], DYN, (s) => wrap(parseQuantity(s))),
  celFunc('isQuantity', [STRING], BOOL, (s) => {
    try {
      parseQuantity(s);
      return true;
    } catch {
      return false;
    }
  }),
  celFunc('sign', [DYN], INT, (v) => BigInt(Math.sign(Number(q(v, 'sign').num)))),
  celMethod('sign', DYN, [], INT, function () {
    return BigInt(Math.sign(Number(q(this, 'sign').num)));
  }),
  celMethod('isGreaterThan', DYN, [DYN], BOOL, function (o) {
    return q(this, 'isGreaterThan').compare(q(o, 'isGreaterThan')) > 0;
  }),
  celMethod('isLessThan', DYN, [DYN], BOOL, function (o) {
    return q(this, 'isLessThan').compare(q(o, 'isLessThan')) < 0;
  }),
  celMethod('compareTo', DYN, [DYN], INT, function (o) {
    return BigInt(q(this, 'compareTo').compare(q(o, 'compareTo')));
  }),
  celMethod('asApproximateFloat', DYN, [], DOUBLE, function () {
    const v = q(this, 'asApproximateFloat');
    return Number(v.num) / Number(v.den);
  }),
  celMethod('asInteger', DYN, [], INT, function () {
    const v = q(this, 'asInteger').asInteger();
    if (v === undefined) throw new Error('cannot convert value to integer');
    return v;
  }),
  celMethod('isInteger', DYN, [], BOOL, function () {
    return q(this, 'isInteger').asInteger() !== undefined;
  }),
  celMethod('add', DYN, [INT], DYN, function (i) {
    return wrap(q(this, 'add').plus(fromInt(i)));
  }),
  celMethod('add', DYN, [DYN], DYN, function (o) {
    return wrap(q(this, 'add').plus(q(o, 'add')));
  }),
  celMethod('sub', DYN, [INT], DYN, function (i) {
    return wrap(q(this, 'sub').plus(fromInt(i), -1n));
  }),
  celMethod('sub', DYN, [DYN], DYN, function (o) {
    return wrap(q(this, 'sub').plus(q(o, 'sub'), -1n));
  }),
];
