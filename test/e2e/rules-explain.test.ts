/**
 * `k8s-lint rules` and `k8s-lint explain` show the run that `lint` with the same configuration and
 * flags would do (one run plan in core): the profile, `rules:` and `overrides:` included. Through
 * the committed bundle, with exact lines.
 */
import path from 'node:path';
import { BUNDLE, lint, tempDir, writeTree, type Run } from '../guarantees/helpers';

interface RuleEntry {
  id: string;
  active: boolean;
  severity: string;
  source: string;
  overrides?: Array<{ index: number; level: string }>;
  defaultSeverity: string;
}

const FLUX_KUSTOMIZATION = [
  'apiVersion: kustomize.toolkit.fluxcd.io/v1',
  'kind: Kustomization',
  'metadata:',
  '  name: apps',
  '  namespace: flux-system',
  'spec:',
  '  interval: 10m',
  '  path: ./apps',
  '  prune: true',
  '  sourceRef:',
  '    kind: GitRepository',
  '    name: repo',
  '',
].join('\n');

const ROOT_POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:latest\n      securityContext:\n        runAsUser: 0\n';

function cli(args: readonly string[], cwd: string): Run {
  return lint(args, { cwd, entry: BUNDLE });
}

/** The rules listed, as `rules --format json` gives them. */
function rulesJson(args: readonly string[], cwd: string): Map<string, RuleEntry> {
  const run = cli(['rules', '--format', 'json', ...args], cwd);
  expect(run.stderr).toBe('');
  return new Map((JSON.parse(run.stdout) as RuleEntry[]).map((entry) => [entry.id, entry]));
}

/** The lines of a rule's row in the `rules` table: the rule's own, then its title's continuation lines. */
function line(text: string, id: string): string[] {
  const lines = text.split('\n');
  const at = lines.findIndex((candidate) => candidate.startsWith(`  ${id} `));
  if (at < 0) return [];
  const after = lines.slice(at + 1);
  const end = after.findIndex((candidate) => !/^ {3}/.test(candidate));
  return [lines[at] ?? '', ...after.slice(0, end < 0 ? after.length : end)];
}

function severityLine(run: Run): string | undefined {
  expect(run.stderr).toBe('');
  return run.stdout.split('\n')[2];
}

/** Ids of the rules a lint run with these arguments runs: SARIF lists them in `tool.driver.rules`. */
function rulesRunByLint(args: readonly string[], cwd: string): string[] {
  const run = cli(['.', '--format', 'sarif', ...args], cwd);
  const log = JSON.parse(run.stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } } }> };
  return (log.runs[0]?.tool.driver.rules ?? []).map((rule) => rule.id).sort();
}

function activeIds(rules: Map<string, RuleEntry>): string[] {
  return [...rules.values()].filter((entry) => entry.active).map((entry) => entry.id).sort();
}

describe('rules and explain follow the run plan', () => {
  test('with nothing configured, every rule at its default level, from its default', () => {
    const dir = tempDir('plan-none');
    const text = cli(['rules'], dir);
    expect(text.status).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe('  RULE                                  SEVERITY  TITLE');
    expect(line(text.stdout, 'image-latest-tag')).toEqual(['  image-latest-tag                      warning   Image uses latest or no tag']);
    expect(line(text.stdout, 'flux-missing-service-account')).toEqual(['  flux-missing-service-account          off       Flux Kustomization or', '                                                  HelmRelease without a service', '                                                  account']);
    const rules = rulesJson([], dir);
    expect(rules.get('image-latest-tag')).toMatchObject({ active: true, severity: 'warning', source: 'default', defaultSeverity: 'warning' });
    expect(rules.get('flux-missing-service-account')).toMatchObject({ active: false, severity: 'off', source: 'default', defaultSeverity: 'note' });
    expect(rules.get('image-latest-tag')).not.toHaveProperty('overrides');
    expect(severityLine(cli(['explain', 'image-latest-tag'], dir))).toBe('Severity:  warning');
    expect(severityLine(cli(['explain', 'flux-missing-service-account'], dir))).toBe('Severity:  note (off by default)');
  });

  test('profile: pss-baseline in .k8s-lint.yaml turns every other rule off, as in a lint run', () => {
    const dir = writeTree(tempDir('plan-profile'), { '.k8s-lint.yaml': 'profile: pss-baseline\n', 'pod.yaml': ROOT_POD });
    const text = cli(['rules'], dir);
    expect(text.status).toBe(0);
    expect(line(text.stdout, 'image-latest-tag')).toEqual(['  image-latest-tag                      off       Image uses latest or no tag', '                                                  (off under profile', '                                                  pss-baseline)']);
    expect(line(text.stdout, 'run-as-root')).toEqual(['  run-as-root                           off       Container may run as root (off', '                                                  under profile pss-baseline)']);
    expect(line(text.stdout, 'pss/runAsUser')).toEqual(['  pss/runAsUser                         error     Pod Security Standards:', '                                                  Running as UID 0']);
    expect(line(text.stdout, 'yaml-syntax')).toEqual(['  yaml-syntax                           error     YAML syntax error']);
    const rules = rulesJson([], dir);
    expect(rules.get('image-latest-tag')).toMatchObject({ active: false, severity: 'off', source: 'profile', defaultSeverity: 'warning' });
    expect(rules.get('pss/privileged')).toMatchObject({ active: true, severity: 'error', source: 'default' });
    expect(severityLine(cli(['explain', 'image-latest-tag'], dir))).toBe('Severity:  warning (off under profile pss-baseline)');
    expect(severityLine(cli(['explain', 'pss/privileged'], dir))).toBe('Severity:  error');
    // What rules calls active is exactly what lint runs: 19 pss/ checks and yaml-syntax.
    expect(rulesRunByLint([], dir)).toEqual(activeIds(rules));
    expect(activeIds(rules)).toHaveLength(20);
  });

  test('--profile on the command line, for rules and explain as for lint; it wins over the configuration', () => {
    const dir = writeTree(tempDir('plan-flag'), { 'pod.yaml': ROOT_POD });
    const text = cli(['rules', '--profile', 'pss-restricted'], dir);
    expect(line(text.stdout, 'run-as-root')).toEqual(['  run-as-root                           off       Container may run as root (off', '                                                  under profile pss-restricted)']);
    expect(severityLine(cli(['explain', 'run-as-root', '--profile', 'pss-restricted'], dir))).toBe('Severity:  warning (off under profile pss-restricted)');
    const rules = rulesJson(['--profile', 'pss-restricted'], dir);
    expect(rulesRunByLint(['--profile', 'pss-restricted'], dir)).toEqual(activeIds(rules));

    writeTree(dir, { '.k8s-lint.yaml': 'profile: pss-baseline\n' });
    expect(line(cli(['rules', '--profile', 'default'], dir).stdout, 'run-as-root')).toEqual(['  run-as-root                           warning   Container may run as root']);
    expect(severityLine(cli(['explain', 'run-as-root', '--profile', 'default'], dir))).toBe('Severity:  warning');
    expect(rulesRunByLint(['--profile', 'default'], dir)).toEqual(activeIds(rulesJson(['--profile', 'default'], dir)));
    // An unknown profile is refused by rules and explain as by lint.
    expect(cli(['rules', '--profile', 'pss-strict'], dir)).toMatchObject({ status: 2, stdout: '' });
  });

  test('an override that turns a rule on for some files: on, at its level, only there', () => {
    const dir = writeTree(tempDir('plan-override'), {
      '.k8s-lint.yaml': 'overrides:\n  - files: ["flux/**"]\n    rules: { flux-missing-service-account: error, image-latest-tag: off }\n',
      'flux/apps.yaml': FLUX_KUSTOMIZATION,
      'other/apps.yaml': FLUX_KUSTOMIZATION,
    });
    const text = cli(['rules'], dir);
    expect(line(text.stdout, 'flux-missing-service-account')).toEqual(['  flux-missing-service-account          error     Flux Kustomization or', '                                                  HelmRelease without a service', '                                                  account (on only in files of', '                                                  overrides[0]: error)']);
    expect(line(text.stdout, 'image-latest-tag')).toEqual(['  image-latest-tag                      warning   Image uses latest or no tag', '                                                  (in files of overrides[0]:', '                                                  off)']);
    const rules = rulesJson([], dir);
    expect(rules.get('flux-missing-service-account')).toMatchObject({ active: true, severity: 'error', source: 'override', overrides: [{ index: 0, level: 'error' }] });
    expect(rules.get('image-latest-tag')).toMatchObject({ active: true, severity: 'warning', source: 'default', overrides: [{ index: 0, level: 'off' }] });
    expect(severityLine(cli(['explain', 'flux-missing-service-account'], dir))).toBe('Severity:  note (off by default); on only in files of overrides[0]: error');
    expect(severityLine(cli(['explain', 'image-latest-tag'], dir))).toBe('Severity:  warning; in files of overrides[0]: off');
    // The lint run agrees: an error in flux/, nothing in other/.
    const run = cli(['.', '--format', 'json'], dir);
    const report = JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; severity: string; file: string; line: number; column: number }> };
    expect(report.findings.map(({ ruleId, severity, file, line: at, column }) => ({ ruleId, severity, file, line: at, column }))).toEqual([
      { ruleId: 'flux-missing-service-account', severity: 'error', file: 'flux/apps.yaml', line: 6, column: 1 },
    ]);
  });

  test('a rule set to off in the configuration, named with --config from another directory', () => {
    const dir = writeTree(tempDir('plan-off'), { 'conf/lint.yaml': 'rules:\n  run-as-root: off\n  missing-probes: warning\n', 'work/keep': '' });
    const cwd = path.join(dir, 'work');
    const text = cli(['rules', '--config', '../conf/lint.yaml'], cwd);
    expect(line(text.stdout, 'run-as-root')).toEqual(['  run-as-root                           off       Container may run as root']);
    expect(line(text.stdout, 'missing-probes')).toEqual(['  missing-probes                        warning   Container without liveness or', '                                                  readiness probe']);
    const rules = rulesJson(['-c', '../conf/lint.yaml'], cwd);
    expect(rules.get('run-as-root')).toMatchObject({ active: false, severity: 'off', source: 'config' });
    expect(rules.get('missing-probes')).toMatchObject({ active: true, severity: 'warning', source: 'config', defaultSeverity: 'note' });
    expect(severityLine(cli(['explain', 'run-as-root', '-c', '../conf/lint.yaml'], cwd))).toBe('Severity:  warning; configured: off');
    expect(severityLine(cli(['explain', 'missing-probes', '-c', '../conf/lint.yaml'], cwd))).toBe('Severity:  note (strict preset); configured: warning');
  });

  test('an override naming an unknown rule stops rules and explain as it stops lint', () => {
    const dir = writeTree(tempDir('plan-unknown'), { '.k8s-lint.yaml': 'overrides:\n  - files: ["a/**"]\n    rules: { run-as-rot: note }\n' });
    const stderr = 'k8s-lint: .k8s-lint.yaml: overrides[0].rules.run-as-rot: unknown rule "run-as-rot" (did you mean "run-as-root"?)\n';
    expect(cli(['rules'], dir)).toEqual({ status: 2, stdout: '', stderr });
    expect(cli(['explain', 'run-as-root'], dir)).toEqual({ status: 2, stdout: '', stderr });
    expect(cli(['.'], dir)).toEqual({ status: 2, stdout: '', stderr });
  });
});
