import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli';
import type { JsonReport } from '../helpers/json-report';

// A Pod with one privileged container; `extra` adds a second, identical finding source.
function pod(name: string): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    `metadata: { name: ${name}, namespace: shop }`,
    'spec:',
    '  containers:',
    '    - name: app',
    '      image: nginx:1.25',
    '      securityContext: { privileged: true }',
    '',
  ].join('\n');
}

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'k8s-lint-e2e-'));
  for (const [relative, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), content);
  }
  return root;
}

describe('adopting k8s-lint on a big repository', () => {
  test('--write-baseline records findings and exits 0; --baseline then reports only new ones', () => {
    const cwd = tree({ 'app/a.yaml': pod('web') });
    const write = runCli(['app', '--write-baseline', 'baseline.json'], { cwd });
    expect(write.status).toBe(0);
    const baseline = JSON.parse(readFileSync(path.join(cwd, 'baseline.json'), 'utf8')) as { version: number; entries: { file: string; ruleId: string; count: number }[] };
    expect(baseline.version).toBe(1);
    const recorded = baseline.entries.reduce((sum, entry) => sum + entry.count, 0);
    expect(write.stderr).toBe(`k8s-lint: wrote ${recorded} findings to baseline baseline.json\n`);
    expect(baseline.entries.map((entry) => entry.ruleId)).toEqual([...baseline.entries.map((entry) => entry.ruleId)].sort());
    expect(baseline.entries.every((entry) => entry.file === 'app/a.yaml' && entry.count >= 1)).toBe(true);
    expect(write.stdout).toBe(`✔ No problems (1 file, 1 object; ${recorded} in baseline)\n`);

    const clean = runCli(['app', '--baseline', 'baseline.json'], { cwd });
    expect(clean).toEqual({ status: 0, stdout: write.stdout, stderr: '' });

    // Moving the object down does not resurrect anything; a second Pod's findings are new.
    writeFileSync(path.join(cwd, 'app/a.yaml'), `# moved\n\n${pod('web')}---\n${pod('api')}`);
    const json = runCli(['app', '--baseline', 'baseline.json', '-f', 'json'], { cwd });
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout) as JsonReport;
    const fresh = report.findings.filter((finding) => !finding.suppressed);
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((finding) => finding.line > 10)).toBe(true);
    expect(report.summary).toMatchObject({ findings: fresh.length, suppressed: 0, baselined: report.findings.length - fresh.length });
    expect(report.findings.filter((finding) => finding.suppressed).every((finding) => finding.suppression?.via === 'baseline' && finding.suppression.reason === 'in baseline')).toBe(true);

    const stylish = runCli(['app', '--baseline', 'baseline.json'], { cwd });
    expect(stylish.stdout).toContain('Pod shop/api');
    expect(stylish.stdout).not.toContain('Pod shop/web');

    const sarif = JSON.parse(runCli(['app', '--baseline', 'baseline.json', '-f', 'sarif'], { cwd }).stdout) as {
      runs: { results: { suppressions?: { kind: string; justification?: string }[] }[] }[];
    };
    const suppressions = sarif.runs[0]?.results.flatMap((result) => result.suppressions ?? []) ?? [];
    expect(suppressions).toHaveLength(report.summary.baselined ?? -1);
    expect(suppressions.every((suppression) => suppression.kind === 'external' && suppression.justification === 'in baseline')).toBe(true);
  });

  test('--fail-on applies to the findings the baseline does not accept', () => {
    const cwd = tree({ 'a.yaml': pod('web') });
    expect(runCli(['a.yaml', '--write-baseline', 'b.json'], { cwd }).status).toBe(0);
    // Baselined notes no longer fail even the strictest threshold.
    expect(runCli(['a.yaml', '--baseline', 'b.json', '--fail-on', 'note'], { cwd }).status).toBe(0);
    writeFileSync(path.join(cwd, 'a.yaml'), `${pod('web')}---\n${pod('api')}`);
    expect(runCli(['a.yaml', '--baseline', 'b.json', '--fail-on', 'none'], { cwd }).status).toBe(0);
    expect(runCli(['a.yaml', '--baseline', 'b.json', '--fail-on', 'error'], { cwd }).status).toBe(1);
  });

  test('a missing or invalid baseline is exit 2 with one line', () => {
    const cwd = tree({ 'a.yaml': pod('web'), 'bad.json': '{"version": 1}' });
    const missing = runCli(['a.yaml', '--baseline', 'nope.json'], { cwd });
    expect(missing).toEqual({ status: 2, stdout: '', stderr: 'k8s-lint: cannot read baseline nope.json: ENOENT\n' });
    const invalid = runCli(['a.yaml', '--baseline', 'bad.json'], { cwd });
    expect(invalid).toEqual({ status: 2, stdout: '', stderr: 'k8s-lint: invalid baseline bad.json: "entries" must be an array\n' });
  });

  test('per-path overrides in .k8s-lint.yaml change or drop findings by file', () => {
    const cwd = tree({
      '.k8s-lint.yaml': 'overrides:\n  - files: ["legacy/**"]\n    rules: { privileged-container: off, missing-resource-limits: note }\n',
      'legacy/old.yaml': pod('old'),
      'new.yaml': pod('new'),
    });
    const report = JSON.parse(runCli(['.', '-f', 'json'], { cwd }).stdout) as { findings: { ruleId: string; file: string; severity: string }[] };
    const of = (ruleId: string): string[] => report.findings.filter((finding) => finding.ruleId === ruleId).map((finding) => `${finding.file} ${finding.severity}`);
    expect(of('privileged-container')).toEqual(['new.yaml error']);
    expect(of('missing-resource-limits')).toEqual(['legacy/old.yaml note', 'new.yaml warning']);

    const bad = tree({ '.k8s-lint.yaml': 'overrides:\n  - files: ["legacy/**"]\n    rules: { privileged: off }\n', 'a.yaml': pod('a') });
    const run = runCli(['.'], { cwd: bad });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('k8s-lint: .k8s-lint.yaml: overrides[0].rules.privileged: unknown rule "privileged"\n');
  });

  test('explain prints a rule; an unknown rule is exit 2 with a suggestion', () => {
    const run = runCli(['explain', 'run-as-root']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^run-as-root: .+\n\nSeverity: {2}warning\nCategory: {2}pod-security\n/);
    expect(run.stdout).toMatch(/\nReferences:\n {2}- /);
    expect(run.stdout).toMatch(/\nDocs: https:\/\/\S+\/docs\/rules\/run-as-root\.md\n$/);
    expect(run.stdout).not.toMatch(/```|\*\*/);
    expect(runCli(['explain', 'run-as-rot'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'k8s-lint: unknown rule "run-as-rot" (did you mean "run-as-root"?); "k8s-lint rules" lists them\n',
    });
  });

  test('a piped run over many files never prints progress, and stylish ends with a per-rule table', () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 60; index++) files[`m/p${String(index).padStart(2, '0')}.yaml`] = pod(`p${index}`);
    const cwd = tree(files);
    const run = runCli(['m'], { cwd, env: { CI: '' } });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trimEnd().split('\n');
    const table = lines.indexOf('  count  severity  rule');
    expect(table).toBeGreaterThan(0);
    expect(lines[table + 1]).toBe('     60  error     privileged-container');
    expect(lines[lines.length - 2]).toBe('');
    expect(lines[lines.length - 1]).toMatch(/^✖ \d+ problems \(60 errors, \d+ warnings, \d+ notes\) in 60 files, 60 objects$/);
  });
});
