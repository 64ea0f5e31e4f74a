import { CelCostExceeded } from './errors';

/**
 * Cost limits, like the API server's: `perExpression` bounds one evaluation, `remaining` is
 * what is left for the whole run and is decremented by every evaluation.
 */
export interface CelBudget {
  perExpression: number;
  remaining: number;
}

/** The API server's PerCallLimit (one expression). */
export const PER_EXPRESSION_COST_LIMIT = 1_000_000;
/**
 * The API server allows 10,000,000 per policy binding and object; a run covers many objects, so
 * the run total is 100 times that: about a minute of CPU at worst.
 */
export const PER_RUN_COST_LIMIT = 1_000_000_000;

export const DEFAULT_CEL_BUDGET = (): CelBudget => ({
  perExpression: PER_EXPRESSION_COST_LIMIT,
  remaining: PER_RUN_COST_LIMIT,
});

/** The cost of the evaluation in progress; evaluations nest (lazy variables), so a stack. */
export class CostMeter {
  used = 0;
  constructor(
    private readonly limit: number,
    private readonly budget: CelBudget,
  ) {}

  charge(amount: number): void {
    this.used += amount;
    if (this.used > this.limit) {
      const perRun = this.budget.remaining < this.budget.perExpression;
      throw new CelCostExceeded(
        perRun
          ? `CEL cost budget of the run exhausted: this evaluation needs more than the ${this.budget.remaining} left`
          : `CEL expression cost exceeds the limit of ${this.budget.perExpression}`,
      );
    }
  }
}

const meters: CostMeter[] = [];

export function currentMeter(): CostMeter | undefined {
  return meters[meters.length - 1];
}

/** Runs `evaluate` under a fresh meter, then takes its cost off the run budget. */
export function metered<T>(budget: CelBudget, evaluate: () => T): T {
  if (budget.remaining <= 0) {
    throw new CelCostExceeded('CEL cost budget of the run exhausted');
  }
  const meter = new CostMeter(Math.min(budget.perExpression, budget.remaining), budget);
  meters.push(meter);
  // CEL errors are values (absorbed by || and &&); capturing a stack for each is most of the
  // time of an expression that makes many.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return evaluate();
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
    meters.pop();
    budget.remaining -= meter.used;
  }
}
