import { DEFAULT_CEL_BUDGET, type CelBudget } from '../cel';
import type { Resource } from '../model/resource';
import { ObjectsIndex, type KindsUsed } from './objects-index';

/** What the custom rules of one run share: the CEL budget of the run and the objects index. */
interface RunState {
  budget: CelBudget;
  index?: ObjectsIndex;
}

// Every rule of a run gets the same resources array (engine/lint.ts): it identifies the run.
const states = new WeakMap<readonly Resource[], RunState>();

/**
 * The run's CEL budget, set by the first call for the run (default: the API server's limits);
 * tests give a small one.
 */
export function runBudget(resources: readonly Resource[], budget: CelBudget = DEFAULT_CEL_BUDGET()): CelBudget {
  let state = states.get(resources);
  if (!state) {
    state = { budget };
    states.set(resources, state);
  }
  return state.budget;
}

/** The run's objects index, built by the first custom rule that runs (every one passes the same kinds). */
export function runIndex(resources: readonly Resource[], used: KindsUsed): ObjectsIndex {
  runBudget(resources);
  const state = states.get(resources) as RunState;
  state.index ??= new ObjectsIndex(resources, used);
  return state.index;
}
