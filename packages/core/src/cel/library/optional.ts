import { celFunc, celMethod, CelScalar } from '@bufbuild/cel';
import type { CelFunc, CelValue } from '@bufbuild/cel';
import { expectOpaque, opaqueValue, type Opaque } from './opaque';

const { DYN, BOOL } = CelScalar;
const TYPE = 'optional_type';
let serial = 0;

/** CEL optional values (@bufbuild/cel has none); enough for format.validate's result. */
class Optional implements Opaque {
  readonly typeName = TYPE;
  constructor(readonly value: CelValue | undefined) {}
  toString(): string {
    return this.value === undefined ? 'optional.none()' : 'optional.of(...)';
  }
}

export const optionalOf = (value: CelValue) => opaqueValue(new Optional(value), `of#${serial++}`);
export const optionalNone = () => opaqueValue(new Optional(undefined), 'none');
const opt = (v: unknown, fn: string) => expectOpaque<Optional>(v, TYPE, fn);

export const OPTIONAL_LIBRARY: CelFunc[] = [
  celFunc('optional.of', [DYN], DYN, (v) => optionalOf(v)),
  celFunc('optional.none', [], DYN, () => optionalNone()),
  celMethod('hasValue', DYN, [], BOOL, function () {
    return opt(this, 'hasValue').value !== undefined;
  }),
  celMethod('value', DYN, [], DYN, function () {
    const value = opt(this, 'value').value;
    if (value === undefined) throw new Error('optional.none() dereference');
    return value;
  }),
  celMethod('orValue', DYN, [DYN], DYN, function (fallback) {
    return opt(this, 'orValue').value ?? fallback;
  }),
];

/** The JS value of an optional for callers: its value, or null when none. */
export function optionalValue(value: Opaque): CelValue | null | undefined {
  return value instanceof Optional ? (value.value ?? null) : undefined;
}
