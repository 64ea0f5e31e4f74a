import { spawnSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { applyBaseline, BASELINE_VERSION, createBaseline, formatBaseline, InputError, lint, parseBaseline, readBaseline, type Baseline, type LintResult } from '../src';
import { makeTree } from './helpers';

function pod(name: string, privileged: boolean): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    `metadata: { name: ${name}, namespace: shop }`,
    'spec:',
    '  containers:',
    '    - name: app',
    '      image: nginx:1.25@sha256:0000000000000000000000000000000000000000000000000000000000000000',
    `      securityContext: { privileged: ${privileged} }`,
  ].join('\n');
}

function mkfifoIn(directory: string, name: string): void {
  const made = spawnSync('mkfifo', [path.join(directory, name)]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr.toString()}`);
}

async function lintTree(root: string): Promise<LintResult> {
  return lint({ paths: ['.'], cwd: root });
}

function privileged(result: LintResult): { name: string | null; via: string | null }[] {
  return result.findings
    .filter((finding) => finding.ruleId === 'privileged-container')
    .map((finding) => ({ name: finding.object?.name ?? null, via: finding.suppression?.via ?? null }));
}

describe('baseline', () => {
  test('records unsuppressed findings keyed by rule, file, object and path, with a count, in a stable format', async () => {
    const root = makeTree({
      'a.yaml': pod('web', true),
      'b.yaml': `${pod('ignored', true).replace('metadata: { name: ignored, namespace: shop }', 'metadata:\n  name: ignored\n  namespace: shop\n  annotations: { k8s-lint.io/ignore: "*" }')}\n`,
    });
    const result = await lintTree(root);
    const baseline = createBaseline(result.findings, { directory: root, cwd: root });
    expect(baseline.version).toBe(BASELINE_VERSION);
    expect(baseline.entries.every((entry) => entry.file === 'a.yaml')).toBe(true);
    expect(baseline.entries.find((entry) => entry.ruleId === 'privileged-container')).toEqual({
      ruleId: 'privileged-container',
      file: 'a.yaml',
      object: { apiVersion: 'v1', kind: 'Pod', namespace: 'shop', name: 'web' },
      path: 'spec.containers[0].securityContext.privileged',
      count: 1,
    });
    const text = formatBaseline(baseline);
    expect(text).toBe(formatBaseline(createBaseline([...result.findings].reverse(), { directory: root, cwd: root })));
    expect(text.startsWith('{\n  "version": 1,\n  "entries": [\n')).toBe(true);
    expect(parseBaseline(text, 'b.json')).toEqual(baseline);
  });

  test('paths are relative to the baseline file, so another working directory matches the same files', async () => {
    const root = makeTree({ 'manifests/a.yaml': pod('web', true) });
    const fromRoot = await lint({ paths: ['manifests'], cwd: root });
    const baseline = createBaseline(fromRoot.findings, { directory: root, cwd: root });
    const cwd = path.join(root, 'manifests');
    const fromSubdir = applyBaseline(await lint({ paths: ['.'], cwd }), baseline, { directory: root, cwd });
    expect(fromSubdir.summary.findings).toBe(0);
    expect(fromSubdir.summary.baselined).toBe(fromRoot.summary.findings);
  });

  test('moving lines keeps findings baselined; a second identical finding is new', async () => {
    const root = makeTree({ 'a.yaml': pod('web', true) });
    const location = { directory: root, cwd: root };
    const baseline = createBaseline((await lintTree(root)).findings, location);
    const moved = makeTree({ 'a.yaml': `# a comment\n# another\n${pod('web', true)}` });
    const movedResult = applyBaseline(await lintTree(moved), baseline, { directory: moved, cwd: moved });
    expect(movedResult.summary.findings).toBe(0);
    expect(privileged(movedResult)).toEqual([{ name: 'web', via: 'baseline' }]);

    const twice = makeTree({ 'a.yaml': `${pod('web', true)}\n---\n${pod('web', true)}` });
    const twiceResult = applyBaseline(await lintTree(twice), baseline, { directory: twice, cwd: twice });
    expect(privileged(twiceResult)).toEqual([
      { name: 'web', via: 'baseline' },
      { name: 'web', via: null },
    ]);
    // Every finding of the second copy is new, every one of the first is baselined.
    const firstCopyLines = pod('web', true).split('\n').length;
    const unsuppressed = twiceResult.findings.filter((finding) => !finding.suppression);
    expect(unsuppressed.every((finding) => finding.line > firstCopyLines)).toBe(true);
    expect(twiceResult.summary.findings).toBe(unsuppressed.length);
  });

  test('a baselined finding carries the reason "in baseline" and moves from the counts to baselined', async () => {
    const root = makeTree({ 'a.yaml': pod('web', true) });
    const result = await lintTree(root);
    const applied = applyBaseline(result, createBaseline(result.findings, { directory: root, cwd: root }), { directory: root, cwd: root });
    expect(applied.findings.every((finding) => finding.suppression?.via === 'baseline' && finding.suppression.reason === 'in baseline')).toBe(true);
    expect(applied.summary).toEqual({ ...result.summary, findings: 0, errors: 0, warnings: 0, notes: 0, suppressed: 0, baselined: result.summary.findings });
    // The input result is left as it was.
    expect(result.findings.some((finding) => finding.suppression === null)).toBe(true);
  });

  test('findings suppressed in the manifest keep their suppression and are counted apart from baselined ones', async () => {
    const suppressedInSource = makeTree({
      'a.yaml': pod('web', true).replace('      securityContext: { privileged: true }', '      # k8s-lint-disable-next-line privileged-container -- device plugin\n      securityContext: { privileged: true }'),
    });
    const inSource = await lintTree(suppressedInSource);
    expect(inSource.summary.suppressed).toBe(1);
    const location = { directory: suppressedInSource, cwd: suppressedInSource };
    const applied = applyBaseline(inSource, createBaseline(inSource.findings, location), location);
    expect(privileged(applied)).toEqual([{ name: 'web', via: 'comment' }]);
    expect(applied.summary).toMatchObject({ findings: 0, suppressed: 1, baselined: inSource.summary.findings });
    expect(applied.summary.baselined).toBeGreaterThan(0);
  });

  test('findings of other files, rules or objects are not matched', async () => {
    const root = makeTree({ 'a.yaml': pod('web', true) });
    const baseline: Baseline = {
      version: 1,
      entries: [
        { ruleId: 'privileged-container', file: 'other.yaml', object: { apiVersion: 'v1', kind: 'Pod', namespace: 'shop', name: 'web' }, path: 'spec.containers[0].securityContext.privileged', count: 1 },
        { ruleId: 'privileged-container', file: 'a.yaml', object: { apiVersion: 'v1', kind: 'Pod', namespace: 'other', name: 'web' }, path: 'spec.containers[0].securityContext.privileged', count: 1 },
      ],
    };
    expect(privileged(applyBaseline(await lintTree(root), baseline, { directory: root, cwd: root }))).toEqual([{ name: 'web', via: null }]);
  });

  test('a missing or invalid baseline file is an InputError with one line', () => {
    const root = makeTree({ 'bad.json': '{ nope', 'v2.json': '{"version":2,"entries":[]}', 'entry.json': '{"version":1,"entries":[{"ruleId":"x","file":"a","object":null,"path":"","count":0}]}' });
    const message = (file: string): string => {
      try {
        readBaseline(path.join(root, file));
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        return (error as Error).message.replace(root + path.sep, '');
      }
      throw new Error('expected an InputError');
    };
    expect(message('missing.json')).toBe('cannot read baseline missing.json: ENOENT');
    expect(message('bad.json')).toMatch(/^invalid baseline bad\.json: [^\n]+$/);
    expect(message('v2.json')).toBe('invalid baseline v2.json: unsupported version 2 (expected 1)');
    expect(message('entry.json')).toBe('invalid baseline entry.json: entries[0]: "count" must be a positive integer');
  });

  test('a baseline from the linted repository is read with bounds and never quoted', () => {
    const root = makeTree({ 'secret.json': '{"version": ghp_SECRETTOKEN123}', 'version.json': '{"version":"ghp_SECRETTOKEN123","entries":[]}' });
    symlinkSync('/dev/zero', path.join(root, 'zero.json'));
    mkfifoIn(root, 'fifo.json');
    const message = (file: string): string => {
      try {
        readBaseline(path.join(root, file), file);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('expected an InputError');
    };
    expect(message('secret.json')).toBe('invalid baseline secret.json: not valid JSON');
    expect(message('version.json')).toBe('invalid baseline version.json: unsupported version (expected 1)');
    expect(message('zero.json')).toBe('cannot read baseline zero.json: not a regular file');
    expect(message('fifo.json')).toBe('cannot read baseline fifo.json: not a regular file');
  });
});
