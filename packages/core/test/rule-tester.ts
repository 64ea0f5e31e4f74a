import { EMPTY_CONFIG, lint, type Finding, type Rule } from '../src';

/** Expected finding: rule, object (`Kind namespace/name`), 1-based line and column, field path. */
export interface ExpectedFinding {
  line: number;
  column: number;
  object: string;
  path: string;
  /** Substring of the message, when the wording matters. */
  message?: string;
}

export interface RuleCase<Options> {
  name: string;
  /** Manifest text; write it with `yaml` (below) so that line numbers read naturally. */
  code: string;
  options?: Partial<Options>;
  defaultNamespace?: string;
}

export interface InvalidRuleCase<Options> extends RuleCase<Options> {
  errors: ExpectedFinding[];
}

/** Strips the common indentation and the first newline, so `yaml\`\n  a: 1\`` is line 1 = `a: 1`. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((out, part, i) => out + part + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').replace(/\n[ \t]*$/, '\n').split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)?.[0].length ?? 0));
  return lines.map((line) => line.slice(indent)).join('\n');
}

export async function runRule<Options>(rule: Rule<Options>, testCase: RuleCase<Options>): Promise<Finding[]> {
  const config = {
    ...EMPTY_CONFIG,
    defaultNamespace: testCase.defaultNamespace ?? EMPTY_CONFIG.defaultNamespace,
    // A rule is tested as written: the strict preset runs it with its own default options.
    extends: ['strict' as const],
    // The severity is given explicitly so that rules that are off by default run too.
    rules: { [rule.meta.id]: { severity: rule.meta.severity, ...(testCase.options ? { options: testCase.options as Record<string, unknown> } : {}) } },
  };
  const result = await lint({ paths: ['-'], cwd: process.cwd(), stdinText: testCase.code, config, rules: [rule] });
  const syntax = result.findings.find((finding) => finding.ruleId === 'yaml-syntax');
  if (syntax) throw new Error(`test case "${testCase.name}" is not valid YAML: ${syntax.message}`);
  return result.findings;
}

function describeObject(finding: Finding): string {
  if (!finding.object) return '';
  const namespace = finding.object.namespace ? `${finding.object.namespace}/` : '';
  return `${finding.object.kind} ${namespace}${finding.object.name ?? ''}`;
}

/**
 * ESLint-style rule tests: every valid case yields no finding of the rule; every invalid case
 * yields exactly the listed findings (rule, object, line, column, path), in output order.
 */
export function testRule<Options>(
  rule: Rule<Options>,
  cases: { valid: RuleCase<Options>[]; invalid: InvalidRuleCase<Options>[] },
): void {
  describe(rule.meta.id, () => {
    test.each(cases.valid.map((c) => [c.name, c] as const))('valid: %s', async (_name, testCase) => {
      const findings = await runRule(rule, testCase);
      expect(findings.map((f) => `${f.line}:${f.column} ${f.path} ${f.message}`)).toEqual([]);
    });
    test.each(cases.invalid.map((c) => [c.name, c] as const))('invalid: %s', async (_name, testCase) => {
      const findings = await runRule(rule, testCase);
      const actual = findings.map((f) => ({ ruleId: f.ruleId, line: f.line, column: f.column, object: describeObject(f), path: f.path }));
      const expected = testCase.errors.map((e) => ({ ruleId: rule.meta.id, line: e.line, column: e.column, object: e.object, path: e.path }));
      expect(actual).toEqual(expected);
      testCase.errors.forEach((e, i) => {
        if (e.message !== undefined) expect(findings[i]?.message).toContain(e.message);
      });
    });
  });
}
