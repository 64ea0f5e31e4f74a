/**
 * Bounded output, through the committed bundle: past `--max-findings` (default 50,000) findings
 * are counted but not listed — the unsuppressed ones first, the first in report order, the same
 * for any --jobs — every format says so, and the exit code still comes from every finding. SARIF
 * also stays within GitHub's 25,000 results per run, keeping the most severe, and says what it
 * left out.
 */
import { BUNDLE, lint, tempDir, writeTree, type Run } from '../guarantees/helpers';
import type { JsonFinding } from '../helpers/json-report';

/** A minimal Pod: 13 findings (10 warnings, 3 notes), and 2 for its namespace; `privileged` adds errors. */
function pod(name: string, options: { privileged?: boolean; ignored?: boolean } = {}): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    `metadata: { name: ${name}${options.ignored ? ', annotations: { k8s-lint.io/ignore: "*" }' : ''} }`,
    'spec:',
    `  containers: [{ name: c, image: nginx${options.privileged ? ', securityContext: { privileged: true }' : ''} }]`,
  ].join('\n');
}

function manifests(count: number, options: { privileged?: boolean; ignoredEvery?: number } = {}): string {
  return Array.from({ length: count }, (_, i) => pod(`p${i}`, { privileged: options.privileged, ignored: options.ignoredEvery !== undefined && i % options.ignoredEvery === 0 })).join('\n---\n');
}

interface JsonReport {
  summary: Record<string, number>;
  findings: JsonFinding[];
}

interface SarifLog {
  runs: Array<{
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications?: Array<{ descriptor: { id: string }; level: string; message: { text: string } }> }>;
    results: Array<{ ruleId: string; level: string; suppressions?: unknown[]; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }> }>;
    properties?: Record<string, number>;
  }>;
}

function runBundle(cwd: string, args: string[]): Run {
  return lint(args, { cwd, entry: BUNDLE });
}

// The strict preset runs every rule: reports as large as these tests need.
const STRICT = { '.k8s-lint.yaml': 'extends: [strict]\n' };

describe('--max-findings', () => {
  // 10 files of 20 Pods (one in 5 ignored by annotation), and a last file with the only errors.
  const cwd = writeTree(tempDir('max-findings'), {
    ...STRICT,
    ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`app/a-${i}.yaml`, manifests(20, { ignoredEvery: 5 })])),
    'app/z.yaml': manifests(2, { privileged: true }),
  });
  const full = runBundle(cwd, ['app', '-f', 'json', '--max-findings', '999999999']);
  const all = JSON.parse(full.stdout) as JsonReport;

  test('the first N unsuppressed findings in report order are listed, every finding is counted, the JSON summary says so', () => {
    expect(full.status).toBe(1);
    expect(all.summary.omitted).toBeUndefined();
    const unsuppressed = all.findings.filter((finding) => !finding.suppressed);
    expect(unsuppressed.length).toBeGreaterThan(2000);
    const capped = runBundle(cwd, ['app', '-f', 'json', '--max-findings', '100']);
    expect(capped.status).toBe(1);
    const report = JSON.parse(capped.stdout) as JsonReport;
    expect(report.findings).toEqual(unsuppressed.slice(0, 100));
    const total = all.findings.length;
    expect(report.summary).toEqual({ ...all.summary, omitted: total - 100, maxFindings: 100 });
    // Only then, and last.
    expect(Object.keys(report.summary).slice(-3)).toEqual(['skipped', 'omitted', 'maxFindings']);
    expect(capped.stderr).toBe(`k8s-lint: the report lists 100 of ${total} findings (--max-findings 100); the counts include them all\n`);
  });

  test('suppressed findings fill the room the unsuppressed leave', () => {
    const unsuppressed = all.findings.filter((finding) => !finding.suppressed);
    const room = 7;
    const report = JSON.parse(runBundle(cwd, ['app', '-f', 'json', '--max-findings', String(unsuppressed.length + room)]).stdout) as JsonReport;
    const suppressed = all.findings.filter((finding) => finding.suppressed).slice(0, room);
    expect(report.findings).toEqual(all.findings.filter((finding) => !finding.suppressed || suppressed.includes(finding)));
  });

  test('the exit code comes from every finding: the only errors are past the cap and --fail-on error still fails', () => {
    const capped = runBundle(cwd, ['app', '-f', 'json', '--max-findings', '100', '--fail-on', 'error']);
    const report = JSON.parse(capped.stdout) as JsonReport;
    expect(report.findings.some((finding) => finding.severity === 'error')).toBe(false);
    expect(report.summary.errors).toBe(all.summary.errors);
    expect(report.summary.errors).toBeGreaterThan(0);
    expect(capped.status).toBe(1);
  });

  test('the same bytes whatever --jobs', () => {
    const one = runBundle(cwd, ['app', '-f', 'json', '--max-findings', '150', '--jobs', '1']);
    const two = runBundle(cwd, ['app', '-f', 'json', '--max-findings', '150', '--jobs', '2']);
    expect(two).toEqual(one);
  });

  test('stylish says how many findings are not shown, above the summary line of all of them', () => {
    // Wide enough for the summary line to stay one line (stylish wraps at 80 columns otherwise).
    const run = lint(['app', '--max-findings', '100'], { cwd, entry: BUNDLE, env: { COLUMNS: '200' } });
    const lines = run.stdout.trimEnd().split('\n');
    const shown = all.findings.filter((finding) => !finding.suppressed).length;
    const { errors, warnings, notes, suppressed, objects, files } = all.summary;
    expect(lines.slice(-2)).toEqual([
      `… ${shown - 100} more findings not shown (--max-findings 100)`,
      `✖ ${shown} problems (${errors} errors, ${warnings} warnings, ${notes} notes) in ${files} files, ${objects} objects; config: .k8s-lint.yaml; ${suppressed} suppressed`,
    ]);
    expect(run.status).toBe(1);
  });

  test('SARIF lists the kept findings and says in the run what was left out', () => {
    const run = runBundle(cwd, ['app', '-f', 'sarif', '--max-findings', '100']);
    expect(run.status).toBe(1);
    const sarif = (JSON.parse(run.stdout) as SarifLog).runs[0];
    expect(sarif?.results).toHaveLength(100);
    const total = all.findings.length;
    expect(sarif?.invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            descriptor: { id: 'max-findings' },
            level: 'warning',
            message: {
              text: `k8s-lint found ${total} findings (suppressed ones included) and kept 100 (--max-findings 100: unsuppressed ones first, in report order); ${total - 100} are not in this log. The counts in the summary cover them all.`,
            },
          },
        ],
      },
    ]);
    expect(sarif?.properties).toEqual({ findings: total, resultsOmitted: total - 100 });
  });

  test.each([['0'], ['-1'], ['ten'], ['1e3']])('--max-findings %s is a usage error', (value) => {
    const run = runBundle(cwd, ['app', '--max-findings', value]);
    expect(run.stderr).toBe(`k8s-lint: invalid --max-findings "${value}": must be a whole number from 1 to 999999999\n`);
    expect(run.status).toBe(2);
  });
});

describe('the default cap and GitHub\'s 25,000 results per SARIF run', () => {
  // 4,040 Pods, over 52,000 findings: past the default of 50,000. In report order the errors of
  // b-privileged.yaml come after 32,502 warnings and notes of a-many.yaml, within the 50,000 kept.
  const cwd = writeTree(tempDir('sarif-limit'), {
    ...STRICT,
    'a-many.yaml': manifests(2500),
    'b-privileged.yaml': manifests(40, { privileged: true }),
    'c-many.yaml': manifests(1500),
  });

  test('JSON keeps 50,000 by default; SARIF keeps the 25,000 most severe, in report order, and says so', () => {
    const json = runBundle(cwd, ['.', '-f', 'json']);
    const report = JSON.parse(json.stdout) as JsonReport;
    const total = report.summary.findings ?? 0;
    expect(total).toBeGreaterThan(50_000);
    expect(report.findings).toHaveLength(50_000);
    expect(report.summary).toMatchObject({ omitted: total - 50_000, maxFindings: 50_000 });
    const kept = report.findings;

    const sarifRun = runBundle(cwd, ['.', '-f', 'sarif']);
    expect(sarifRun.status).toBe(1);
    const sarif = (JSON.parse(sarifRun.stdout) as SarifLog).runs[0];
    const results = sarif?.results ?? [];
    expect(results).toHaveLength(25_000);
    // The errors, then the first warnings in report order; results in report order.
    const severe = (finding: JsonFinding): number => ({ error: 0, warning: 1, note: 2 })[finding.severity];
    const expected = kept
      .map((finding, index) => ({ finding, index }))
      .sort((a, b) => severe(a.finding) - severe(b.finding) || a.index - b.index)
      .slice(0, 25_000)
      .sort((a, b) => a.index - b.index)
      .map(({ finding }) => finding);
    expect(results.map((result) => [result.ruleId, result.locations[0]?.physicalLocation.artifactLocation.uri, result.locations[0]?.physicalLocation.region.startLine])).toEqual(
      expected.map((finding) => [finding.ruleId, finding.file, finding.line]),
    );
    expect(results.filter((result) => result.level === 'error')).toHaveLength(kept.filter((finding) => finding.severity === 'error').length);
    expect(results.filter((result) => result.level === 'error').length).toBeGreaterThan(0);
    expect(results.every((result) => result.level === 'warning' || result.level === 'error')).toBe(true);
    const left = kept.length - 25_000;
    const leftErrors = 0;
    const leftWarnings = kept.filter((finding) => finding.severity === 'warning').length - results.filter((result) => result.level === 'warning').length;
    const leftNotes = kept.filter((finding) => finding.severity === 'note').length;
    expect(leftWarnings + leftNotes).toBe(left);
    const notifications = sarif?.invocations[0]?.toolExecutionNotifications ?? [];
    expect(notifications.map((notification) => notification.descriptor.id)).toEqual(['max-findings', 'github-results-limit']);
    expect(notifications[1]?.message.text).toBe(
      `GitHub code scanning rejects a run of more than 25000 results: this log keeps the 25000 most severe findings (unsuppressed first, then error, warning, note, in report order) and leaves out ${left} findings (${leftErrors} errors, ${leftWarnings} warnings, ${leftNotes} notes; 0 suppressed).`,
    );
    expect(sarif?.properties).toEqual({ findings: total, resultsOmitted: total - 25_000 });
  });
});
