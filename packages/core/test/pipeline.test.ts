/**
 * The findings pipeline (engine/pipeline.ts): every stage returns new findings and never edits
 * one. Findings are deep-frozen before each stage, so any write throws (test files are modules,
 * in strict mode); and the result is what the stages are meant to give.
 */
import { applyBaseline, BASELINE_REASON, createBaseline, createOverrides, parseConfig, type Finding, type LintResult } from '../src';
import { resourcesOf } from '../src/engine/documents';
import { FindingPipeline } from '../src/engine/pipeline';
import { BaselineStage } from '../src/engine/stages/baseline';
import { SummaryStage } from '../src/engine/stages/summary';
import { parseFile } from '../src/parse/parse-file';
import type { Rendering } from '../src/render';
import { CommentSuppressions } from '../src/suppress/suppressions';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}

function finding(line: number, overrides: Partial<Finding> = {}): Finding {
  return deepFreeze({
    ruleId: 'run-as-root',
    severity: 'warning',
    message: `at ${line}`,
    file: 'app/pod.yaml',
    line,
    column: 3,
    endLine: line,
    endColumn: 9,
    object: { apiVersion: 'v1', kind: 'Pod', namespace: 'shop', name: 'web' },
    path: 'spec.containers[0].securityContext',
    source: null,
    suppression: null,
    ...overrides,
  });
}

const CWD = '/repo';
const LOCATION = { directory: CWD, cwd: CWD };
const CONFIG = parseConfig('overrides:\n  - files: ["legacy/**"]\n    rules: { run-as-root: error, image-latest-tag: off }\n', '/repo/.k8s-lint.yaml');
const COMMENTS = CommentSuppressions.fromText('a: 1\n# k8s-lint-disable-next-line yaml-syntax -- reviewed\nb: 2\n');

const POD = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', '  annotations: { k8s-lint.io/ignore: missing-probes }', 'spec:', '  containers:', '    - name: app', '      image: nginx'].join('\n');

describe('each stage returns new findings and leaves its input as it was', () => {
  test('overrides: a new finding with the severity for its file, null when off there, the same one otherwise', () => {
    const apply = createOverrides(CONFIG, ['run-as-root', 'image-latest-tag'], CWD);
    const legacy = finding(4, { file: 'legacy/pod.yaml' });
    expect(apply(legacy)).toEqual({ ...legacy, severity: 'error' });
    expect(legacy.severity).toBe('warning');
    expect(apply(finding(4, { file: 'legacy/pod.yaml', ruleId: 'image-latest-tag' }))).toBeNull();
    const elsewhere = finding(4);
    expect(apply(elsewhere)).toBe(elsewhere);
  });

  test('baseline: applying gives accepted copies at the end; recording accepts copies and records every one', () => {
    const findings = [finding(7), finding(3), finding(5, { suppression: { via: 'comment', reason: null } })];
    const baseline = createBaseline([finding(1)], LOCATION);
    const applying = new BaselineStage({ apply: baseline, location: LOCATION });
    const passed = findings.flatMap((item, seq) => applying.pass({ finding: item, seq }) ?? []);
    const accepted = applying.finish();
    // The first in report order (line 3) is the one accepted, whatever the arrival order.
    expect(accepted.map((item) => [item.finding.line, item.finding.suppression])).toEqual([[3, { via: 'baseline', reason: BASELINE_REASON }]]);
    expect(passed.map((item) => item.finding)).toEqual([findings[0], findings[2]]);
    expect(findings.every((item) => item.suppression?.via !== 'baseline')).toBe(true);

    const recording = new BaselineStage({ record: LOCATION });
    const recorded = findings.flatMap((item, seq) => recording.pass({ finding: item, seq }) ?? []);
    expect(recorded.map((item) => item.finding.suppression?.via)).toEqual(['baseline', 'baseline', 'comment']);
    expect(recording.recorded()?.entries).toEqual([{ ruleId: 'run-as-root', file: 'app/pod.yaml', object: findings[0]?.object, path: findings[0]?.path, count: 2 }]);
  });

  test('summary: counts and keeps frozen findings in report order', () => {
    const summary = new SummaryStage(2);
    const findings = [finding(9, { severity: 'error' }), finding(2), finding(5, { suppression: { via: 'baseline', reason: BASELINE_REASON } })];
    findings.forEach((item, seq) => summary.add({ finding: item, seq }));
    expect(summary.finish()).toEqual({ findings: [findings[1], findings[0]], counts: { findings: 2, errors: 1, warnings: 1, notes: 0, suppressed: 0, baselined: 1 }, omitted: 1 });
  });

  test('applyBaseline: a new result, through the same stages; the one given is unchanged', () => {
    const findings = [finding(2), finding(6)];
    const result: LintResult = deepFreeze({
      summary: { files: 1, objects: 1, skipped: 0, findings: 2, errors: 0, warnings: 2, notes: 0, suppressed: 0 },
      files: ['app/pod.yaml'],
      findings,
      rules: [],
    });
    const applied = applyBaseline(result, createBaseline([finding(1)], LOCATION), LOCATION);
    expect(applied.summary).toEqual({ files: 1, objects: 1, skipped: 0, findings: 1, errors: 0, warnings: 1, notes: 0, suppressed: 0, baselined: 1 });
    expect(applied.findings).toEqual([{ ...findings[0], suppression: { via: 'baseline', reason: BASELINE_REASON } }, findings[1]]);
  });

  test('the whole pipeline, from a rule report to the summary, over findings frozen from the map stage on', () => {
    const [document] = parseFile(POD).documents;
    if (!document) throw new Error('no document');
    const [resource] = resourcesOf(document, 'rendered.yaml').resources;
    if (!resource) throw new Error('no resource');
    // A rendering that moves every finding to legacy/pod.yaml and hands it on frozen.
    const rendering = { map: (item: Finding) => deepFreeze({ ...item, file: 'legacy/pod.yaml' }) } as unknown as Rendering;
    const pipeline = new FindingPipeline({
      rendering,
      overrides: createOverrides(CONFIG, ['run-as-root', 'image-latest-tag', 'yaml-syntax'], CWD),
      commentsOf: (file) => (file === 'legacy/pod.yaml' ? COMMENTS : undefined),
      maxFindings: 10,
      baseline: { record: LOCATION },
    });
    pipeline.report({ ruleId: 'run-as-root', severity: 'warning', resource, path: ['spec', 'containers', 0], message: 'runs as root' });
    pipeline.report({ ruleId: 'missing-probes', severity: 'note', resource, path: ['spec', 'containers', 0, 'image'], message: 'no probes' });
    pipeline.loaded(finding(3, { ruleId: 'yaml-syntax', object: null, path: '' }));
    pipeline.atSource(finding(1, { ruleId: 'render-error', file: 'kustomization.yaml', object: null, path: '' }));
    const collected = pipeline.finish();
    expect(collected.findings.map(({ ruleId, file, line, severity, suppression }) => ({ ruleId, file, line, severity, via: suppression?.via ?? null }))).toEqual([
      { ruleId: 'render-error', file: 'kustomization.yaml', line: 1, severity: 'warning', via: 'baseline' },
      // Suppressed by the comment on line 2 of the file it was mapped to; run-as-root got its override there (error).
      { ruleId: 'yaml-syntax', file: 'legacy/pod.yaml', line: 3, severity: 'warning', via: 'comment' },
      { ruleId: 'run-as-root', file: 'legacy/pod.yaml', line: 8, severity: 'error', via: 'baseline' },
      { ruleId: 'missing-probes', file: 'legacy/pod.yaml', line: 9, severity: 'note', via: 'annotation' },
    ]);
    expect(collected.counts).toEqual({ findings: 0, errors: 0, warnings: 0, notes: 0, suppressed: 2, baselined: 2 });
    expect(collected.recorded?.entries.map((entry) => [entry.ruleId, entry.count])).toEqual([['render-error', 1], ['run-as-root', 1]]);
  });
});
