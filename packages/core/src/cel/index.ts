/**
 * CEL for custom rules and ValidatingAdmissionPolicies: @bufbuild/cel with the Kubernetes
 * libraries and the API server's cost limits. Other modules import only from here.
 */
import type { CompiledCel } from './compile';
import type { CelBudget } from './cost';
import type * as Engine from './engine';

export { CelCompileError, CelEvalError, CelCostExceeded } from './errors';
export type { CelCompileErrorInfo } from './errors';
export { DEFAULT_CEL_BUDGET, PER_EXPRESSION_COST_LIMIT, PER_RUN_COST_LIMIT } from './cost';
export type { CelBudget } from './cost';
export type { CompiledCel } from './compile';

let engine: typeof Engine | undefined;

/** @bufbuild/cel takes a good part of start-up to load: only runs that use CEL load it. */
function loadEngine(): typeof Engine {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred load, see above
  engine ??= require('./engine') as typeof Engine;
  return engine;
}

/** Compiles once (throws CelCompileError with the position); the result evaluates many times. */
export function compileCel(source: string, variables: readonly string[]): CompiledCel {
  return loadEngine().compileCel(source, variables);
}

/**
 * The `variables` map of a policy or custom rule: each entry is evaluated on first access
 * (with `base` plus `variables` as activation), cached, and its error re-thrown at each access.
 */
export function lazyVariables(
  defs: ReadonlyArray<{ name: string; compiled: CompiledCel }>,
  base: Record<string, unknown>,
  budget: CelBudget,
): Record<string, unknown> {
  return loadEngine().lazyVariables(defs, base, budget);
}
