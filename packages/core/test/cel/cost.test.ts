/** Cost bounds: hostile expressions stop with CelCostExceeded (asserting the error, not timing). */
import { CelCostExceeded, compileCel, DEFAULT_CEL_BUDGET, lazyVariables, PER_EXPRESSION_COST_LIMIT } from '../../src/cel';

const list = Array.from({ length: 10_000 }, (_, i) => i);

function evaluate(expression: string, activation: Record<string, unknown> = { l: list }, budget = DEFAULT_CEL_BUDGET()): unknown {
  return compileCel(expression, Object.keys(activation)).evaluate(activation, budget);
}

describe('per-expression limit (the API server PerCallLimit)', () => {
  test.each([
    ['nested comprehensions over a 10,000-element list', 'l.all(x, l.all(y, x != y || true))'],
    ['nested comprehensions with no function call inside', 'l.all(x, l.all(y, true))'],
    ['nested comprehensions whose steps are errors', 'l.all(x, l.exists(y, y.missing))'],
    ['membership tests inside a comprehension', 'l.all(x, x in l)'],
    ['string growth by concatenation in map', "l.map(x, '" + 'a'.repeat(1000) + "' + '" + 'b'.repeat(1000) + "').size() > 0"],
    ['regular expressions over a long text', "l.exists(x, s.matches('a.*b.*c.*d'))"],
  ])('%s', (_, expression) => {
    const activation = { l: list, s: 'x'.repeat(100_000) };
    let thrown: unknown;
    try {
      evaluate(expression, activation);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toEqual(new CelCostExceeded(`CEL expression cost exceeds the limit of ${PER_EXPRESSION_COST_LIMIT}`));
    expect(thrown).toBeInstanceOf(CelCostExceeded);
  });

  test('exceeding the budget is not absorbed by || or &&', () => {
    expect(() => evaluate('l.all(x, l.all(y, true)) || true')).toThrow(CelCostExceeded);
    expect(() => evaluate('false && l.all(x, l.all(y, true))')).not.toThrow();
  });

  test('exponential string growth through variables stops', () => {
    const budget = DEFAULT_CEL_BUDGET();
    const defs = Array.from({ length: 40 }, (_, i) => ({
      name: `s${i}`,
      compiled: compileCel(i === 0 ? "'ab'" : `variables.s${i - 1} + variables.s${i - 1}`, ['variables']),
    }));
    const variables = lazyVariables(defs, {}, budget);
    expect(() => evaluate('variables.s39.size() > 0', { variables }, budget)).toThrow(CelCostExceeded);
  });

  test('an ordinary expression over the same list passes and is charged', () => {
    const budget = DEFAULT_CEL_BUDGET();
    const before = budget.remaining;
    expect(evaluate('l.map(x, x + 1).filter(x, x % 2 == 0).size()', { l: list }, budget)).toBe(5000);
    expect(before - budget.remaining).toBeGreaterThan(20_000);
    expect(before - budget.remaining).toBeLessThan(PER_EXPRESSION_COST_LIMIT);
  });
});

describe('per-run budget', () => {
  test('evaluations draw from the run total until it is spent', () => {
    const budget = { perExpression: PER_EXPRESSION_COST_LIMIT, remaining: 200_000 };
    const cel = compileCel('l.all(x, x >= 0)', ['l']);
    expect(cel.evaluate({ l: list }, budget)).toBe(true);
    // About 7 units per iteration: the loop condition and step, node by node.
    expect(budget.remaining).toBeLessThan(200_000 - 60_000);
    expect(() => {
      for (let i = 0; i < 10; i++) cel.evaluate({ l: list }, budget);
    }).toThrow(/^CEL cost budget of the run exhausted: this evaluation needs more than the \d+ left$/);
    expect(budget.remaining).toBeLessThanOrEqual(0);
    expect(() => cel.evaluate({ l: [] }, budget)).toThrow(new CelCostExceeded('CEL cost budget of the run exhausted'));
  });
});
