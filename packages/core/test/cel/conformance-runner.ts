/**
 * Runs the cel-spec conformance data (as @bufbuild/cel-spec ships it, JSON) through
 * compileCel/evaluate and counts, per section, what passes, fails or is skipped and why.
 */
import { celList, celMap, celUint, isCelList, isCelMap, isCelType, isCelUint } from '@bufbuild/cel';
import type { CelValue } from '@bufbuild/cel';
import { CelCompileError, CelEvalError, compileCel, DEFAULT_CEL_BUDGET } from '../../src/cel';

type Json = Record<string, unknown>;
interface Suite {
  name: string;
  suites?: Suite[];
  tests?: Array<{ original: Json }>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { tests: conformance } = require('@bufbuild/cel-spec/testdata/conformance.js') as { tests: Suite };

export interface SectionResult {
  section: string;
  total: number;
  passed: number;
  failed: string[];
  skipped: Map<string, number>;
}

class Skip extends Error {}

function value(v: Json): CelValue {
  if ('int64Value' in v) return BigInt(v.int64Value as string);
  if ('uint64Value' in v) return celUint(BigInt(v.uint64Value as string));
  if ('doubleValue' in v) return Number(v.doubleValue);
  if ('stringValue' in v) return v.stringValue as string;
  if ('boolValue' in v) return v.boolValue as boolean;
  if ('nullValue' in v) return null;
  if ('bytesValue' in v) return new Uint8Array(Buffer.from(v.bytesValue as string, 'base64'));
  if ('listValue' in v) return celList((((v.listValue as Json).values ?? []) as Json[]).map(value));
  if ('mapValue' in v) {
    const entries = ((v.mapValue as Json).entries ?? []) as Array<{ key: Json; value: Json }>;
    return celMap(new Map(entries.map((e) => [value(e.key) as string, value(e.value)])));
  }
  if ('typeValue' in v) return { typeName: v.typeValue } as unknown as CelValue;
  throw new Skip('protobuf messages or enums');
}

function same(actual: CelValue, expected: CelValue): boolean {
  if (typeof expected === 'bigint' || typeof expected === 'string' || typeof expected === 'boolean' || expected === null) {
    return actual === expected;
  }
  if (typeof expected === 'number') {
    return typeof actual === 'number' && (actual === expected || (Number.isNaN(actual) && Number.isNaN(expected)));
  }
  if (isCelUint(expected)) return isCelUint(actual) && actual.value === expected.value;
  if (expected instanceof Uint8Array) {
    return actual instanceof Uint8Array && Buffer.from(actual).equals(Buffer.from(expected));
  }
  if (isCelList(expected)) {
    if (!isCelList(actual) || actual.size !== expected.size) return false;
    for (let i = 0; i < expected.size; i++) if (!same(actual.get(i) as CelValue, expected.get(i) as CelValue)) return false;
    return true;
  }
  if (isCelMap(expected)) {
    if (!isCelMap(actual) || actual.size !== expected.size) return false;
    for (const [k, v] of expected) {
      const got = actual.get(k);
      if (got === undefined || !same(got, v)) return false;
    }
    return true;
  }
  const typeName = (expected as unknown as { typeName?: string }).typeName;
  if (typeName !== undefined) return isCelType(actual) && actual.name === typeName;
  return false;
}

/** YAML gives no double with an integral value (it is an int); such bindings cannot be expressed. */
function hasIntegralDouble(v: CelValue): boolean {
  if (typeof v === 'number') return Number.isInteger(v);
  if (isCelList(v)) return Array.from(v).some(hasIntegralDouble);
  if (isCelMap(v)) return Array.from(v.values()).some(hasIntegralDouble);
  return false;
}

function runTest(t: Json): 'pass' | 'fail' {
  const expr = t.expr as string;
  if (t.container) throw new Skip('container (qualified names)');
  if (/TestAllTypes|google\.protobuf|cel\.expr/.test(expr)) throw new Skip('protobuf messages or enums');
  if ('unknown' in t || 'anyUnknowns' in t) throw new Skip('unknown values');
  const typeEnv = (t.typeEnv ?? []) as Json[];
  if (typeEnv.some((d) => 'function' in d)) throw new Skip('declared functions');
  const bindings: Record<string, CelValue> = {};
  for (const [name, b] of Object.entries((t.bindings ?? {}) as Record<string, Json>)) {
    bindings[name] = value(b.value as Json);
    if (hasIntegralDouble(bindings[name])) throw new Skip('binding of an integral double');
  }
  const names = [...typeEnv.map((d) => d.name as string), ...Object.keys(bindings)];
  const expectsError = 'evalError' in t || 'anyEvalErrors' in t;
  const expected = expectsError ? undefined : value((t.value ?? { boolValue: true }) as Json);
  let actual: CelValue;
  try {
    const program = compileCel(expr, names) as unknown as {
      evaluateRaw(a: Record<string, unknown>, b: ReturnType<typeof DEFAULT_CEL_BUDGET>): CelValue;
    };
    actual = program.evaluateRaw(bindings, DEFAULT_CEL_BUDGET());
  } catch (error) {
    if (error instanceof CelEvalError || error instanceof CelCompileError) return expectsError ? 'pass' : 'fail';
    throw error;
  }
  if (expectsError) return 'fail';
  return same(actual, expected as CelValue) ? 'pass' : 'fail';
}

export function runSection(section: string): SectionResult {
  const suite = conformance.suites?.find((s) => s.name === section);
  if (suite === undefined) throw new Error(`no conformance section ${section}`);
  const result: SectionResult = { section, total: 0, passed: 0, failed: [], skipped: new Map() };
  const walk = (s: Suite, path: string) => {
    for (const { original } of s.tests ?? []) {
      result.total++;
      try {
        if (runTest(original) === 'pass') result.passed++;
        else result.failed.push(`${path}/${String(original.name)}: ${String(original.expr)}`);
      } catch (error) {
        if (!(error instanceof Skip)) throw error;
        result.skipped.set(error.message, (result.skipped.get(error.message) ?? 0) + 1);
      }
    }
    for (const child of s.suites ?? []) walk(child, `${path}/${child.name}`);
  };
  walk(suite, section);
  return result;
}
