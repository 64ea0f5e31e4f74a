import { CelCompileError, CelEvalError, compileCel, DEFAULT_CEL_BUDGET, lazyVariables } from '../../src/cel';

const budget = DEFAULT_CEL_BUDGET;

function compileError(source: string, variables: string[] = []): CelCompileError {
  try {
    compileCel(source, variables);
  } catch (error) {
    if (error instanceof CelCompileError) return error;
    throw error;
  }
  throw new Error(`${source} compiled`);
}

describe('compile errors carry the position inside the expression', () => {
  test('a syntax error', () => {
    // The parser reports where the longest valid prefix ends: here, the operator missing its operand.
    expect(compileError('object.spec.replicas <= * 2').info).toEqual({
      message: 'syntax error: cannot parse from "<= * 2"',
      offset: 21,
      line: 1,
      column: 22,
    });
  });

  test.each([
    ['object.spec.replicas <= )', "unexpected ')'", 25],
    ["object.kind == 'Pod", 'unterminated string', 16],
    ["object.spec.containers.all(c, has(c.image)", "'(' is not closed", 27],
    ["object.metadata.labels['app'] == 'a' && [1, 2).size() > 0", "unexpected ')'", 46],
    // Brackets inside strings (raw ones too) do not count: the parser's position is kept.
    ["'(' + object.kind + \"[\" == r'\\' <= * 2", 'cannot parse from "<= * 2"', 33],
  ])('brackets and quotes: %s', (source, message, column) => {
    expect(compileError(source, ['object']).info).toMatchObject({ message: `syntax error: ${message}`, line: 1, column });
  });

  test('a syntax error on the second line', () => {
    expect(compileError("object.metadata.name == 'a' &&\n  object.spec.replicas < < 3", ['object']).info).toMatchObject({
      message: 'syntax error: cannot parse from "< < 3"',
      line: 2,
      column: 24,
    });
  });

  test('an undeclared variable', () => {
    expect(compileError("object.kind == 'Pod' && params.max > 1", ['object']).info).toEqual({
      message: "undeclared reference to 'params'",
      offset: 24,
      line: 1,
      column: 25,
    });
  });

  test('an unknown function, a method and a qualified one', () => {
    expect(compileError('frobnicate(object)', ['object']).info).toMatchObject({ message: "undeclared reference to 'frobnicate'", column: 1 });
    expect(compileError('object.name.frobnicate()', ['object']).info).toMatchObject({ message: "undeclared reference to 'frobnicate'", column: 12 });
    expect(compileError('sets.nope([1], [2])').info).toMatchObject({ message: "undeclared reference to 'sets.nope'", column: 5 });
  });

  test('comprehension variables are in scope only inside the macro', () => {
    expect(compileCel('object.items.all(i, i > 0)', ['object']).source).toBe('object.items.all(i, i > 0)');
    expect(compileError('object.items.all(i, i > 0) && i > 0', ['object']).info).toMatchObject({
      message: "undeclared reference to 'i'",
      column: 31,
    });
  });

  test('the message names line and column too', () => {
    expect(compileError('nope').message).toBe("undeclared reference to 'nope' (line 1, column 1)");
  });
});

describe('evaluation', () => {
  test('YAML integers are CEL ints, other numbers doubles; results come back as plain JS', () => {
    const object = { spec: { replicas: 3, ratio: 0.5, labels: { a: 'b' }, items: [1, 2] } };
    const cel = compileCel(
      "{'int': type(object.spec.replicas) == int, 'double': type(object.spec.ratio) == double, 'sum': object.spec.replicas + 1, 'items': object.spec.items.map(x, x * 2), 'labels': object.spec.labels, 'none': null}",
      ['object'],
    );
    expect(cel.evaluate({ object }, budget())).toEqual({ int: true, double: true, sum: 4, items: [2, 4], labels: { a: 'b' }, none: null });
  });

  test('a compiled expression is reused across activations without parsing again', () => {
    const cel = compileCel('object.spec.replicas <= 5', ['object']);
    const b = budget();
    expect([1, 5, 6].map((replicas) => cel.evaluate({ object: { spec: { replicas } } }, b))).toEqual([true, true, false]);
  });

  test('a runtime error is a CelEvalError with the position of the failing part', () => {
    const cel = compileCel("object.spec.replicas > 1 && object.metadata.name == 'x'", ['object']);
    expect(() => cel.evaluate({ object: { spec: { replicas: 2 }, metadata: {} } }, budget())).toThrow(
      new CelEvalError('field not found: name (line 1, column 44)'),
    );
  });

  test('errors absorbed by logic operators are not errors, as in CEL', () => {
    const cel = compileCel("has(object.spec) && object.spec.replicas > 1 || object.kind == 'Pod'", ['object']);
    expect(cel.evaluate({ object: { kind: 'Pod' } }, budget())).toBe(true);
  });

  test('no matching overload is a runtime error', () => {
    expect(() => compileCel("object.spec.replicas + 'a'", ['object']).evaluate({ object: { spec: { replicas: 1 } } }, budget())).toThrow(
      /no matching overload/,
    );
  });
});

describe('lazyVariables', () => {
  const base = { object: { spec: { containers: [{ name: 'a', image: 'x/a' }, { name: 'b', image: 'y/b' }] } } };
  const defs = (counter: { n: number }) => [
    { name: 'images', compiled: compileCel('object.spec.containers.map(c, c.image)', ['object', 'variables']) },
    { name: 'count', compiled: compileCel('variables.images.size()', ['object', 'variables']) },
    { name: 'broken', compiled: compileCel('object.spec.missing', ['object', 'variables']) },
    {
      name: 'counted',
      compiled: {
        source: 'counted',
        evaluate: () => {
          counter.n++;
          return 1;
        },
      },
    },
  ];

  test('a variable may use an earlier one; each is evaluated once, on first access', () => {
    const counter = { n: 0 };
    const variables = lazyVariables(defs(counter), base, budget());
    const check = compileCel("variables.count == 2 && variables.images.all(i, i.contains('/'))", ['object', 'variables']);
    expect(check.evaluate({ ...base, variables }, budget())).toBe(true);
    expect(variables.images).toEqual(['x/a', 'y/b']);
    expect(counter.n).toBe(0);
    const twice = compileCel('variables.counted + variables.counted', ['variables']);
    expect(twice.evaluate({ variables }, budget())).toBe(2);
    expect(counter.n).toBe(1);
  });

  test('an error of a variable is thrown where it is read', () => {
    const variables = lazyVariables(defs({ n: 0 }), base, budget());
    const check = compileCel('variables.broken == 1', ['object', 'variables']);
    expect(() => check.evaluate({ ...base, variables }, budget())).toThrow(/field not found: missing/);
    expect(() => variables.broken).toThrow(CelEvalError);
  });
});

test('timestamps and durations come back as text', () => {
  const cel = compileCel("[timestamp('2024-01-02T03:04:05Z') + duration('1h'), duration('90s')]", []);
  expect(cel.evaluate({}, budget())).toEqual(['2024-01-02T04:04:05.000Z', '90s']);
});

test('maps and lists from YAML behave as CEL maps and lists', () => {
  const object = { items: [1, 2], labels: { app: 'web', tier: 'front' }, nested: [{ a: 1 }], empty: {} };
  const cases: Array<[string, unknown]> = [
    ['object.items == [1, 2]', true],
    ["object.labels == {'tier': 'front', 'app': 'web'}", true],
    ["object.nested == [{'a': 1}]", true],
    ['object.items + [3]', [1, 2, 3]],
    ['[0] + object.items', [0, 1, 2]],
    ['object.items[1]', 2],
    ["'app' in object.labels", true],
    ["'x' in object.labels", false],
    ['2 in object.items', true],
    ['object.labels.size() + object.items.size() + object.empty.size()', 4],
    ["object.labels.all(k, k.size() > 2) && object.labels.exists(k, object.labels[k] == 'web')", true],
    ['object.labels.map(k, k)', ['app', 'tier']],
    ['sets.contains(object.items, [2])', true],
    ["has(object.labels.app) && !has(object.labels.zone)", true],
    ['object.nested.map(n, n.a)', [1]],
  ];
  for (const [expression, expected] of cases) {
    expect([expression, compileCel(expression, ['object']).evaluate({ object }, budget())]).toEqual([expression, expected]);
  }
});
