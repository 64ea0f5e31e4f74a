import { celMap } from '@bufbuild/cel';
import type { CelMap, CelValue } from '@bufbuild/cel';

/**
 * Kubernetes' opaque CEL types (Quantity, URL, IP, CIDR) carried as CEL maps: @bufbuild/cel
 * has no custom value types. The map holds the type and canonical form, so `==` compares
 * canonical forms; the JS value is found through a WeakMap, so a map literal cannot pose as one.
 */
export interface Opaque {
  readonly typeName: string;
  toString(): string;
}

const opaques = new WeakMap<object, Opaque>();

export function opaqueValue(value: Opaque, canonical: string): CelMap {
  const map = celMap(new Map<string, CelValue>([[`@${value.typeName}`, canonical]]));
  opaques.set(map, value);
  return map;
}

export function opaqueOf(value: unknown): Opaque | undefined {
  return typeof value === 'object' && value !== null ? opaques.get(value) : undefined;
}

/** The opaque value of `typeName`, or a no-such-overload error. */
export function expectOpaque<T extends Opaque>(value: unknown, typeName: string, fn: string): T {
  const opaque = opaqueOf(value);
  if (opaque === undefined || opaque.typeName !== typeName) {
    throw new Error(`found no matching overload for '${fn}' (expected ${typeName})`);
  }
  return opaque as T;
}
