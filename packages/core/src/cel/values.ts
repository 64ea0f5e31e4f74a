import { celMap, isCelList, isCelMap, isCelType, isCelUint } from '@bufbuild/cel';
import type { CelValue } from '@bufbuild/cel';
import { opaqueOf } from './library/opaque';
import { optionalValue } from './library/optional';

/** Marks a record whose entries are computed on first access (see lazyVariables). */
export const LAZY_RECORD = Symbol('k8s-lint.cel.lazyRecord');

export interface LazyRecord {
  readonly [LAZY_RECORD]: { names: readonly string[]; rawValue(name: string): CelValue };
}

function isLazyRecord(value: object): value is LazyRecord {
  return LAZY_RECORD in value;
}

// Each object or array from YAML gets one CEL view, reused by every later evaluation.
const converted = new WeakMap<object, CelValue>();

/**
 * JSON-like JS value to CEL: integral numbers become CEL `int` (as the API server's schemas
 * type them), other numbers `double`. Maps and lists are views converting their items when
 * read, so an expression over `objects` converts only what it reads.
 */
export function toCelValue(value: unknown): CelValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'bigint':
      return value;
    case 'number':
      return Number.isInteger(value) ? BigInt(value) : value;
    case 'undefined':
      return null;
    case 'object':
      break;
    default:
      throw new TypeError(`cannot use a ${typeof value} in CEL`);
  }
  if (value === null) return null;
  if (value instanceof Uint8Array || isCelList(value) || isCelMap(value) || isCelUint(value)) {
    return value;
  }
  const cached = converted.get(value);
  if (cached !== undefined) return cached;
  let result: CelValue;
  if (Array.isArray(value)) {
    result = new ArrayView(value) as unknown as CelValue;
  } else if (isLazyRecord(value)) {
    const lazy = value[LAZY_RECORD];
    result = celMap(new MapView(() => lazy.names, (key) => (lazy.names.includes(key) ? lazy.rawValue(key) : undefined)));
  } else {
    const record = value as Record<string, unknown>;
    result = celMap(
      new MapView(
        () => Object.keys(record),
        (key) => (Object.prototype.hasOwnProperty.call(record, key) ? toCelValue(record[key]) : undefined),
      ),
    );
  }
  converted.set(value, result);
  return result;
}

// @bufbuild/cel recognises its lists by this registered symbol.
const LIST = Symbol.for('@bufbuild/cel/list');

/** A JS array seen as a CEL list, items converted when read. */
class ArrayView {
  readonly [LIST] = {};
  constructor(private readonly items: readonly unknown[]) {}
  get size(): number {
    return this.items.length;
  }
  get(index: number): CelValue | undefined {
    return index >= 0 && index < this.items.length ? toCelValue(this.items[index]) : undefined;
  }
  *values(): IterableIterator<CelValue> {
    for (const item of this.items) yield toCelValue(item);
  }
  [Symbol.iterator](): IterableIterator<CelValue> {
    return this.values();
  }
}

/** The Map @bufbuild/cel's map wraps: entries looked up (and converted) when read. */
class MapView extends Map<string, CelValue> {
  constructor(
    private readonly keysOf: () => readonly string[],
    private readonly lookup: (key: string) => CelValue | undefined,
  ) {
    super();
  }
  override get(key: string): CelValue | undefined {
    return typeof key === 'string' ? this.lookup(key) : undefined;
  }
  override has(key: string): boolean {
    return this.get(key) !== undefined;
  }
  override get size(): number {
    return this.keysOf().length;
  }
  override keys(): MapIterator<string> {
    return this.keysOf().values();
  }
  override *entries(): MapIterator<[string, CelValue]> {
    for (const key of this.keysOf()) yield [key, this.get(key) as CelValue];
  }
  override values(): MapIterator<CelValue> {
    return Array.from(this.entries(), ([, v]) => v).values();
  }
  override forEach(callback: (value: CelValue, key: string, map: Map<string, CelValue>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }
  override [Symbol.iterator](): MapIterator<[string, CelValue]> {
    return this.entries();
  }
}

/** CEL result to plain JS: ints become numbers, lists arrays, maps objects. */
export function fromCelValue(value: CelValue): unknown {
  switch (typeof value) {
    case 'bigint':
      return Number(value);
    case 'string':
    case 'boolean':
    case 'number':
      return value;
  }
  if (value === null || value instanceof Uint8Array) return value;
  const opaque = opaqueOf(value);
  if (opaque !== undefined) {
    // An optional becomes its value or null; other opaque values their text.
    const inner = optionalValue(opaque);
    if (inner === undefined) return opaque.toString();
    return inner === null ? null : fromCelValue(inner);
  }
  if (isCelUint(value)) return Number(value.value);
  if (isCelList(value)) return Array.from(value, fromCelValue);
  if (isCelMap(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of value) out[String(isCelUint(key) ? key.value : key)] = fromCelValue(item);
    return out;
  }
  if (isCelType(value)) return value.name;
  return wellKnownText(value) ?? Object.prototype.toString.call(value);
}

/** Timestamps as RFC 3339 text, durations as seconds ("90s"), as their JSON forms. */
function wellKnownText(value: object): string | undefined {
  const { desc, message } = value as { desc?: { typeName?: string }; message?: { seconds?: bigint; nanos?: number } };
  const seconds = Number(message?.seconds ?? 0) + (message?.nanos ?? 0) / 1e9;
  if (desc?.typeName === 'google.protobuf.Timestamp') return new Date(seconds * 1000).toISOString();
  if (desc?.typeName === 'google.protobuf.Duration') return `${seconds}s`;
  return undefined;
}
