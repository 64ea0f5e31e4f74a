import type { CelValue } from '@bufbuild/cel';
import type { CompiledCel } from './compile';
import type { CelBudget } from './cost';
import { fromCelValue, LAZY_RECORD, toCelValue, type LazyRecord } from './values';

interface RawProgram {
  evaluateRaw(activation: Readonly<Record<string, unknown>>, budget: CelBudget): CelValue;
}

/**
 * The `variables` map of a policy: each variable is evaluated on first access (with `base`
 * plus `variables` itself as activation), cached, and its error re-thrown at every access.
 */
export function lazyVariables(
  defs: ReadonlyArray<{ name: string; compiled: CompiledCel }>,
  base: Record<string, unknown>,
  budget: CelBudget,
): Record<string, unknown> {
  const results = new Map<string, { value: CelValue } | { error: unknown }>();
  const inProgress = new Set<string>();
  const names = defs.map((d) => d.name);
  const record: Record<string, unknown> & LazyRecord = {
    [LAZY_RECORD]: { names, rawValue },
  };
  const activation = { ...base, variables: record };

  function rawValue(name: string): CelValue {
    let result = results.get(name);
    if (result === undefined) {
      const def = defs.find((d) => d.name === name);
      if (def === undefined) throw new Error(`no variable ${name}`);
      if (inProgress.has(name)) throw new Error(`variable ${name} refers to itself`);
      inProgress.add(name);
      try {
        const compiled = def.compiled as CompiledCel & Partial<RawProgram>;
        // Our programs give the CEL value itself (opaque values such as quantities survive).
        const value = compiled.evaluateRaw
          ? compiled.evaluateRaw(activation, budget)
          : toCelValue(compiled.evaluate(activation, budget));
        result = { value };
      } catch (error) {
        result = { error };
      } finally {
        inProgress.delete(name);
      }
      results.set(name, result);
    }
    if ('error' in result) throw result.error;
    return result.value;
  }

  for (const name of names) {
    Object.defineProperty(record, name, { enumerable: true, get: () => fromCelValue(rawValue(name)) });
  }
  return record;
}
