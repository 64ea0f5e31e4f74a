/**
 * Custom rules (`customRules:` in .k8s-lint.yaml) through the committed bundle: they are listed,
 * explained, printed, turned off and reported in SARIF like built-in rules, and an expression that
 * does not compile is a usage error (exit 2) naming the file, the key and the positions.
 */
import { BUNDLE, lint, tempDir, writeTree, type JsonFinding, type Run } from '../guarantees/helpers';

const CONFIG = [
  'customRules:',
  '  - id: custom/replicas-limit',
  '    severity: error',
  '    title: Too many replicas',
  '    help: Ask the platform team before running more than `params.max` replicas.',
  '    match: { apiGroups: [apps], kinds: [Deployment] }',
  '    params: { max: 5 }',
  '    validations:',
  '      - expression: "object.spec.replicas <= params.max"',
  "        messageExpression: \"'replicas ' + string(object.spec.replicas) + ' is more than ' + string(params.max)\"",
  '        path: spec.replicas',
  '',
].join('\n');

// `replicas:` is line 6, column 3.
const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 8\n  selector: { matchLabels: { app: web } }\n  template:\n    metadata: { labels: { app: web } }\n    spec:\n      containers: []\n';

function repository(config = CONFIG): string {
  return writeTree(tempDir('custom-rules'), { '.k8s-lint.yaml': config, 'web.yaml': DEPLOYMENT });
}

function cli(args: readonly string[], cwd: string): Run {
  return lint(args, { cwd, entry: BUNDLE });
}

function customFindings(run: Run): string[] {
  const findings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
  return findings.filter((f) => f.ruleId.startsWith('custom/')).map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.severity} ${f.object?.kind}/${f.object?.name} ${f.path}: ${f.message}`);
}

test('a custom rule reports at its field, with the rule severity; --rule and rules: change it like a built-in rule', () => {
  const cwd = repository();
  expect(customFindings(cli(['web.yaml', '--format', 'json'], cwd))).toEqual(['web.yaml:6:3 custom/replicas-limit error Deployment/web spec.replicas: replicas 8 is more than 5']);
  expect(customFindings(cli(['web.yaml', '--format', 'json', '--rule', 'custom/replicas-limit=note'], cwd))).toEqual([
    'web.yaml:6:3 custom/replicas-limit note Deployment/web spec.replicas: replicas 8 is more than 5',
  ]);
  expect(customFindings(cli(['web.yaml', '--format', 'json', '--rule', 'custom/replicas-limit=off'], cwd))).toEqual([]);
  const raised = repository(`${CONFIG}rules:\n  custom/replicas-limit: { options: { max: 10 } }\n`);
  expect(customFindings(cli(['web.yaml', '--format', 'json'], raised))).toEqual([]);
});

test('an unknown custom rule id in --rule is a usage error with the near miss', () => {
  const run = cli(['web.yaml', '--rule', 'custom/replica-limit=off'], repository());
  expect(run.status).toBe(2);
  expect(run.stderr).toBe('k8s-lint: --rule custom/replica-limit: unknown rule "custom/replica-limit" (did you mean "custom/replicas-limit"?)\n');
});

test('rules lists custom rules under the custom category; explain shows title, help, match and validations', () => {
  const cwd = repository();
  const rules = cli(['rules'], cwd);
  expect(rules.status).toBe(0);
  expect(rules.stdout).toContain('\ncustom\n  custom/replicas-limit ');
  const json = JSON.parse(cli(['rules', '--format', 'json'], cwd).stdout) as Array<{ id: string; category: string; severity: string; helpUri?: string; defaultOptions: unknown }>;
  expect(json.find((rule) => rule.id === 'custom/replicas-limit')).toEqual(expect.objectContaining({ category: 'custom', severity: 'error', defaultOptions: { max: 5 } }));
  expect(json.find((rule) => rule.id === 'custom/replicas-limit')?.helpUri).toBeUndefined();
  const explain = cli(['explain', 'custom/replicas-limit'], cwd);
  expect(explain.status).toBe(0);
  expect(explain.stdout).toBe(
    [
      'custom/replicas-limit: Too many replicas',
      '',
      'Severity:  error',
      'Category:  custom',
      'Tags:      custom',
      '',
      'Objects that fail a validation of the custom rule "Too many replicas".',
      '',
      'Ask the platform team before running more than params.max replicas.',
      '',
      'Custom rule of the configuration. Matches: API groups apps; kinds Deployment.',
      '',
      'Params: {"max":5}',
      '',
      'Validation 1: object.spec.replicas <= params.max',
      "- message expression: 'replicas ' + string(object.spec.replicas) + ' is more than ' + string(params.max)",
      '- field: spec.replicas',
      '',
      'Options (default values):',
      '  max: 5',
      '',
    ].join('\n'),
  );
});

test('--print-config shows the custom rules that apply to a file, and why', () => {
  const run = cli(['--print-config', 'web.yaml', '--format', 'json', '--rule', 'custom/replicas-limit=warning'], repository());
  expect(run.status).toBe(0);
  const printed = JSON.parse(run.stdout) as { rules: Record<string, unknown>; settings: { customRules: Array<{ id: string }> } };
  expect(printed.rules['custom/replicas-limit']).toEqual({ severity: 'warning', why: 'flag', options: { max: 5 } });
  expect(printed.settings.customRules.map((rule) => rule.id)).toEqual(['custom/replicas-limit']);
});

test('SARIF describes a custom rule with its help and no link to a page that does not exist', () => {
  const run = cli(['web.yaml', '--format', 'sarif'], repository());
  const log = JSON.parse(run.stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; helpUri?: string; help: { markdown: string } }> } }; results: Array<{ ruleId: string }> }> };
  const [sarifRun] = log.runs;
  const descriptor = sarifRun?.tool.driver.rules.find((rule) => rule.id === 'custom/replicas-limit');
  expect(descriptor?.help.markdown).toContain('Validation 1: `object.spec.replicas <= params.max`');
  expect(descriptor?.helpUri).toBeUndefined();
  expect(sarifRun?.results.map((result) => result.ruleId)).toContain('custom/replicas-limit');
});

test('an expression that does not compile is exit 2, naming the file, the key and both positions', () => {
  const broken = CONFIG.replace('"object.spec.replicas <= params.max"', '"object.spec.replicas <= params.max)"');
  const run = cli(['web.yaml'], repository(broken));
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^k8s-lint: \.k8s-lint\.yaml: customRules\[0\]\.validations\[0\]\.expression: does not compile: syntax error: .* at line 1, column 35 of the expression \(the value starts at line 9, column 21\)\n$/);
});

test('a file linted alone (pre-commit) sees the kinds its custom rules look up in the rest of the repository', () => {
  const config = [
    'customRules:',
    '  - id: custom/pdb-exists',
    '    severity: warning',
    '    title: Deployment without a PodDisruptionBudget',
    '    match: { kinds: [Deployment] }',
    '    validations:',
    '      - expression: "objectsInNamespace.PodDisruptionBudget.exists(p, p.spec.selector.matchLabels == object.spec.selector.matchLabels)"',
    '        message: no PodDisruptionBudget selects these pods',
    '',
  ].join('\n');
  const pdb = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n  selector: { matchLabels: { app: web } }\n';
  const cwd = writeTree(tempDir('custom-rules-context'), { '.git/HEAD': 'ref: refs/heads/main\n', '.k8s-lint.yaml': config, 'web.yaml': DEPLOYMENT, 'pdb.yaml': pdb });
  expect(customFindings(cli(['web.yaml', '--format', 'json'], cwd))).toEqual([]);
  expect(customFindings(cli(['web.yaml', '--no-context', '--format', 'json'], cwd))).toEqual(['web.yaml:3:1 custom/pdb-exists warning Deployment/web metadata: no PodDisruptionBudget selects these pods']);
});
