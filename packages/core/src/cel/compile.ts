import { celEnv, celFunc, CelScalar, isCelError, isCelList, isCelMap, parse, plan } from '@bufbuild/cel';
import type { CelEnv, CelError, CelResult, CelValue } from '@bufbuild/cel';
import { currentMeter, metered, type CelBudget } from './cost';
import { CelCompileError, CelEvalError, positionOf } from './errors';
import { bracketOrQuoteProblem } from './syntax-hint';
import { KUBERNETES_LIBRARY } from './library';
import { fromCelValue, toCelValue } from './values';

export interface CompiledCel {
  readonly source: string;
  /** Evaluates against plain JS values; returns plain JS. Throws CelEvalError / CelCostExceeded. */
  evaluate(activation: Readonly<Record<string, unknown>>, budget: CelBudget): unknown;
}

/** Charges one comprehension iteration: put around every loop condition (always evaluated). */
const TICK = '@k8s_lint_tick';

const baseEnv = celEnv({
  funcs: [...KUBERNETES_LIBRARY, celFunc(TICK, [CelScalar.DYN, CelScalar.INT], CelScalar.DYN, (v) => v)],
});

type FuncResolver = CelEnv['funcs'];
type FuncGroup = NonNullable<ReturnType<FuncResolver['find']>>;

function sizeOf(value: unknown): number {
  if (typeof value === 'string' || value instanceof Uint8Array) return value.length;
  if (isCelList(value) || isCelMap(value)) return value.size;
  return 0;
}

const REGEX_FUNCTIONS = new Set(['matches', 'find', 'findAll']);

/**
 * Cost of one call, after the API server's model: 1, plus 0.1 per character or element
 * traversed or produced. List `+` is charged on its smaller side, so the accumulator of `map`
 * and `filter` costs a constant per step rather than its length.
 */
function callCost(name: string, target: CelValue | undefined, args: CelValue[], result: CelResult | undefined): number {
  if (name === TICK) return Number(args[1]);
  if (name === 'size') return 1;
  let size = 0;
  if (REGEX_FUNCTIONS.has(name)) {
    // RE2's worst case, as the API server estimates it: text length times pattern length.
    const [text, pattern] = [target, ...args].filter((v): v is string => typeof v === 'string');
    size = (text?.length ?? 0) * Math.max(1, pattern?.length ?? 0);
  } else if (name === '_+_' && isCelList(result)) {
    size = Math.min(sizeOf(args[0]), sizeOf(args[1]));
  } else {
    if (target !== undefined) size += sizeOf(target);
    for (const arg of args) size += sizeOf(arg);
    if (!isCelError(result)) size += sizeOf(result);
  }
  return 1 + Math.ceil(size / 10);
}

/**
 * Every function call goes through here, outside @bufbuild/cel's own try/catch, so that
 * CelCostExceeded thrown by the meter ends the whole evaluation at once.
 */
function meteredGroup(name: string, group: FuncGroup): FuncGroup {
  return {
    name: group.name,
    [Symbol.iterator]: () => group[Symbol.iterator](),
    call(id, target, args) {
      const result = group.call(id, target, args);
      currentMeter()?.charge(callCost(name, target, args, result));
      return result;
    },
  };
}

const groups = new Map<string, FuncGroup | undefined>();
const meteredResolver = {
  [Symbol.iterator]: () => baseEnv.funcs[Symbol.iterator](),
  find(name: string): FuncGroup | undefined {
    if (!groups.has(name)) {
      const group = baseEnv.funcs.find(name);
      groups.set(name, group && meteredGroup(name, group));
    }
    return groups.get(name);
  },
} as unknown as FuncResolver;

// One environment object for all programs: plan() caches its planner per environment.
const env = {
  namespace: baseEnv.namespace,
  registry: baseEnv.registry,
  variables: baseEnv.variables,
  funcs: meteredResolver,
} as unknown as CelEnv;

export function compileCel(source: string, variables: readonly string[]): CompiledCel {
  const parsed = parseOrThrow(source);
  const positions = parsed.sourceInfo?.positions ?? {};
  const offsetOf = (id: bigint): number => positions[Number(id)] ?? 0;
  checkReferences(parsed.expr, new Set(variables), source, offsetOf);
  instrument(parsed.expr);
  const program = plan(env, parsed.expr) as (ctx: Record<string, unknown>) => CelResult;
  return new Program(source, program, offsetOf);
}

class Program implements CompiledCel {
  constructor(
    readonly source: string,
    private readonly program: (ctx: Record<string, unknown>) => CelResult,
    private readonly offsetOf: (id: bigint) => number,
  ) {}

  evaluate(activation: Readonly<Record<string, unknown>>, budget: CelBudget): unknown {
    return fromCelValue(this.evaluateRaw(activation, budget));
  }

  /** The CEL value itself (lazy variables keep opaque values such as quantities). */
  evaluateRaw(activation: Readonly<Record<string, unknown>>, budget: CelBudget): CelValue {
    return metered(budget, () => {
      const result = this.program(celActivation(activation));
      if (isCelError(result)) throw this.evalError(result);
      return result;
    });
  }

  /** CelCostExceeded and errors of lazy variables pass through; others get their position. */
  private evalError(error: CelError): CelEvalError {
    if (error.cause instanceof CelEvalError) return error.cause;
    if (error.exprId === undefined) return new CelEvalError(error.message);
    const { line, column } = positionOf(this.source, this.offsetOf(error.exprId));
    return new CelEvalError(`${error.message} (line ${line}, column ${column})`);
  }
}

/** Variables converted on first read; @bufbuild/cel resolves names with `data[name]`. */
function celActivation(activation: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return new Proxy(activation, {
    get: (target, name) =>
      typeof name === 'string' && Object.prototype.hasOwnProperty.call(target, name)
        ? toCelValue(target[name])
        : undefined,
  });
}

type ParsedExpr = ReturnType<typeof parse>;
type Expr = ParsedExpr['expr'];

function parseOrThrow(source: string): ParsedExpr {
  try {
    return parse(source);
  } catch (error) {
    const e = error as { rawMessage?: string; message?: string; location?: { start?: { offset: number } } };
    const hint = bracketOrQuoteProblem(source);
    if (hint !== undefined) {
      throw new CelCompileError({ message: `syntax error: ${hint.message}`, offset: hint.offset, ...positionOf(source, hint.offset) });
    }
    const offset = e.location?.start?.offset ?? 0;
    const raw = e.rawMessage ?? e.message ?? String(error);
    // The parser stops after the longest valid prefix; show where the rest begins.
    const rest = JSON.stringify(source.slice(offset, offset + 20) + (source.length > offset + 20 ? '…' : ''));
    const message = /expecting end of input$/.test(raw) ? `syntax error: cannot parse from ${rest}` : `syntax error: ${raw}`;
    throw new CelCompileError({ message, offset, ...positionOf(source, offset) });
  }
}

/** Names usable as identifiers without being declared: the type denotations. */
const TYPE_NAMES = new Set(['int', 'uint', 'double', 'bool', 'string', 'bytes', 'list', 'map', 'null_type', 'type']);
/** Operators the planner handles itself rather than through the function table. */
const PLANNER_OPERATORS = new Set([
  '_[_]', '_[?_]', '_?._', '_?_:_', '_&&_', '_||_', '@not_strictly_false', '__not_strictly_false__',
]);

function qualifiedName(expr: Expr | undefined): string | undefined {
  if (expr === undefined) return undefined;
  const kind = expr.exprKind;
  if (kind.case === 'identExpr') return kind.value.name;
  if (kind.case === 'selectExpr' && !kind.value.testOnly) {
    const parent = qualifiedName(kind.value.operand);
    return parent === undefined ? undefined : `${parent}.${kind.value.field}`;
  }
  return undefined;
}

/** Undeclared variables and unknown functions are compile errors, at their position. */
function checkReferences(root: Expr, declared: ReadonlySet<string>, source: string, offsetOf: (id: bigint) => number): void {
  const fail = (expr: Expr, message: string): never => {
    const offset = offsetOf(expr.id);
    throw new CelCompileError({ message, offset, ...positionOf(source, offset) });
  };
  const visit = (expr: Expr | undefined, bound: ReadonlySet<string>): void => {
    if (expr === undefined) return;
    const kind = expr.exprKind;
    switch (kind.case) {
      case 'identExpr':
        if (!bound.has(kind.value.name) && !declared.has(kind.value.name) && !TYPE_NAMES.has(kind.value.name)) {
          fail(expr, `undeclared reference to '${kind.value.name}'`);
        }
        return;
      case 'selectExpr':
        return visit(kind.value.operand, bound);
      case 'callExpr': {
        const call = kind.value;
        const qualified = qualifiedName(call.target);
        if (qualified !== undefined && !declared.has(qualified.split('.')[0] ?? '') && !bound.has(qualified.split('.')[0] ?? '')) {
          if (env.funcs.find(`${qualified}.${call.function}`) === undefined) {
            fail(expr, `undeclared reference to '${qualified}.${call.function}'`);
          }
          call.args.forEach((arg) => visit(arg, bound));
          return;
        }
        if (!PLANNER_OPERATORS.has(call.function) && env.funcs.find(call.function) === undefined) {
          fail(expr, `undeclared reference to '${call.function}'`);
        }
        visit(call.target, bound);
        call.args.forEach((arg) => visit(arg, bound));
        return;
      }
      case 'listExpr':
        kind.value.elements.forEach((e) => visit(e, bound));
        return;
      case 'structExpr':
        for (const entry of kind.value.entries) {
          if (entry.keyKind.case === 'mapKey') visit(entry.keyKind.value, bound);
          visit(entry.value, bound);
        }
        return;
      case 'comprehensionExpr': {
        const c = kind.value;
        visit(c.iterRange, bound);
        visit(c.accuInit, bound);
        const inner = new Set([...bound, c.iterVar, c.accuVar]);
        if (c.iterVar2) inner.add(c.iterVar2);
        visit(c.loopCondition, inner);
        visit(c.loopStep, inner);
        visit(c.result, new Set([...bound, c.accuVar]));
        return;
      }
      default:
        return;
    }
  };
  visit(root, new Set());
}

/** Wraps every comprehension's loop condition in TICK, so each iteration is charged. */
function instrument(expr: Expr | undefined): void {
  if (expr === undefined) return;
  const kind = expr.exprKind;
  switch (kind.case) {
    case 'selectExpr':
      return instrument(kind.value.operand);
    case 'callExpr':
      instrument(kind.value.target);
      kind.value.args.forEach(instrument);
      return;
    case 'listExpr':
      kind.value.elements.forEach(instrument);
      return;
    case 'structExpr':
      for (const entry of kind.value.entries) {
        if (entry.keyKind.case === 'mapKey') instrument(entry.keyKind.value);
        instrument(entry.value);
      }
      return;
    case 'comprehensionExpr': {
      const c = kind.value;
      [c.iterRange, c.accuInit, c.loopCondition, c.loopStep, c.result].forEach(instrument);
      if (c.loopCondition !== undefined) {
        c.loopCondition = tickAround(c.loopCondition, nodeCount(c.loopCondition) + nodeCount(c.loopStep));
      }
      return;
    }
    default:
      return;
  }
}

/**
 * Nodes of an expression, a nested comprehension counting as one (its own iterations are
 * charged by its own tick): the API server charges about one unit per node evaluated.
 */
function nodeCount(expr: Expr | undefined): number {
  if (expr === undefined) return 0;
  const kind = expr.exprKind;
  switch (kind.case) {
    case 'selectExpr':
      return 1 + nodeCount(kind.value.operand);
    case 'callExpr':
      return 1 + nodeCount(kind.value.target) + kind.value.args.reduce((n, a) => n + nodeCount(a), 0);
    case 'listExpr':
      return 1 + kind.value.elements.reduce((n, e) => n + nodeCount(e), 0);
    case 'structExpr':
      return 1 + kind.value.entries.reduce((n, e) => n + nodeCount(e.value) + (e.keyKind.case === 'mapKey' ? nodeCount(e.keyKind.value) : 0), 0);
    default:
      return 1;
  }
}

/** `TICK(inner, weight)`: returns inner, charging `weight` per evaluation. */
function tickAround(inner: Expr, weight: number): Expr {
  const constant = {
    $typeName: 'cel.expr.Expr',
    id: inner.id,
    exprKind: { case: 'constExpr', value: { $typeName: 'cel.expr.Constant', constantKind: { case: 'int64Value', value: BigInt(weight) } } },
  };
  return {
    $typeName: 'cel.expr.Expr',
    id: inner.id,
    exprKind: {
      case: 'callExpr',
      value: { $typeName: 'cel.expr.Expr.Call', function: TICK, args: [inner, constant] },
    },
  } as Expr;
}
