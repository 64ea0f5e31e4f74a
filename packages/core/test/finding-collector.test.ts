/**
 * The cap on kept findings (`maxFindings`) and the baseline applied while linting: what is kept
 * is exactly what sorting every finding and taking the first would keep (unsuppressed first),
 * the counts are those of every finding, and a baseline gives what `applyBaseline` gives after
 * linting. Also: the streamed JSON text is JSON.stringify's, byte for byte.
 */
import fc from 'fast-check';
import { applyBaseline, createBaseline, jsonChunks, LazyJsonArray, lint, type Finding, type LintResult } from '../src';
import { FindingCollector } from '../src/engine/finding-collector';
import { SmallestItems } from '../src/engine/max-heap';
import { makeTree } from './helpers';

function pod(name: string, options: { privileged?: boolean; annotation?: string; comment?: boolean; root?: boolean } = {}): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${name}`,
    '  namespace: shop',
    ...(options.annotation ? ['  annotations:', `    k8s-lint.io/ignore: "${options.annotation}"`] : []),
    'spec:',
    '  containers:',
    '    - name: app',
    '      image: nginx',
    '      securityContext:',
    ...(options.comment ? ['        # k8s-lint-disable-next-line privileged-container -- reviewed'] : []),
    `        privileged: ${options.privileged ?? false}`,
    ...(options.root ? ['        runAsUser: 0'] : []),
  ].join('\n');
}

/** Findings of every kind: plain, suppressed by annotation and by comment, and the same key twice in one file. */
const TREE = {
  'a.yaml': `${pod('web', { privileged: true })}\n---\n${pod('web', { privileged: true })}\n`,
  'b.yaml': `${pod('quiet', { annotation: 'run-as-root,image-latest-tag', root: true })}\n---\n${pod('commented', { privileged: true, comment: true })}\n`,
  'c.yaml': `${pod('api', { privileged: true })}\n`,
  'broken.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: { name: [unclosed\n',
};

const UNLIMITED = 1_000_000;

/** What the cap must keep, computed the simple way from every finding, in report order. */
function expectedKept(all: readonly Finding[], maxFindings: number): Finding[] {
  const open = all.filter((finding) => !finding.suppression).slice(0, maxFindings);
  const closed = all.filter((finding) => finding.suppression).slice(0, maxFindings - open.length);
  const kept = new Set([...open, ...closed]);
  return all.filter((finding) => kept.has(finding));
}

function expectCapped(capped: LintResult, full: LintResult, maxFindings: number): void {
  const total = full.findings.length;
  expect(capped.findings).toEqual(expectedKept(full.findings, maxFindings));
  const { omitted, ...counts } = capped.summary;
  expect(counts).toEqual(full.summary);
  expect(omitted).toBe(total > maxFindings ? total - maxFindings : undefined);
  expect(capped.maxFindings).toBe(total > maxFindings ? maxFindings : undefined);
}

describe('maxFindings', () => {
  const root = makeTree(TREE);

  test('keeps the first unsuppressed findings in report order, then suppressed ones in the room left; counts all', async () => {
    const full = await lint({ paths: ['.'], cwd: root, maxFindings: UNLIMITED });
    const suppressed = full.findings.filter((finding) => finding.suppression).length;
    expect(suppressed).toBeGreaterThan(2);
    expect(full.findings.length - suppressed).toBeGreaterThan(10);
    expect(full.summary.omitted).toBeUndefined();
    const sizes = [1, 2, 7, full.findings.length - suppressed, full.findings.length - suppressed + 1, full.findings.length - 1, full.findings.length];
    for (const maxFindings of sizes) expectCapped(await lint({ paths: ['.'], cwd: root, maxFindings }), full, maxFindings);
  });

  test('the default keeps everything on a small tree and reports as before: no omitted field', async () => {
    const result = await lint({ paths: ['.'], cwd: root });
    expect(result.summary.omitted).toBeUndefined();
    expect(result.maxFindings).toBeUndefined();
    expect(result).toEqual(await lint({ paths: ['.'], cwd: root, maxFindings: UNLIMITED }));
  });

  test('a baseline applied while linting accepts what applyBaseline accepts, with exact counts past the cap', async () => {
    const full = await lint({ paths: ['.'], cwd: root, maxFindings: UNLIMITED });
    const location = { directory: root, cwd: root };
    // Accept one of the two identical findings of each key in a.yaml and everything in c.yaml.
    const baseline = createBaseline(
      full.findings.filter((finding) => finding.file === 'c.yaml' || (finding.file === 'a.yaml' && finding.line > 15)),
      location,
    );
    expect(baseline.entries.length).toBeGreaterThan(5);
    const applied = applyBaseline(full, baseline, location);
    expect(applied.summary.baselined).toBeGreaterThan(5);
    for (const maxFindings of [UNLIMITED, 3, 10, full.findings.length - 1]) {
      const inLint = await lint({ paths: ['.'], cwd: root, maxFindings, baseline: { apply: baseline, location } });
      expectCapped(inLint, applied, maxFindings);
    }
  });

  test('recording a baseline accepts every unsuppressed finding and records them all, past the cap too', async () => {
    const full = await lint({ paths: ['.'], cwd: root, maxFindings: UNLIMITED });
    const location = { directory: root, cwd: root };
    const recorded = await lint({ paths: ['.'], cwd: root, maxFindings: 4, baseline: { record: location } });
    expect(recorded.baseline).toEqual(createBaseline(full.findings, location));
    expect(recorded.summary).toMatchObject({ findings: 0, errors: 0, warnings: 0, notes: 0, suppressed: full.summary.suppressed, baselined: full.summary.findings });
    expect(recorded.findings).toHaveLength(4);
    expect(recorded.findings.every((finding) => finding.suppression !== null)).toBe(true);
  });
});

describe('FindingCollector', () => {
  const root = makeTree(TREE);

  test('keeps, counts and matches the baseline the same whatever order findings arrive in', async () => {
    const full = await lint({ paths: ['.'], cwd: root, maxFindings: UNLIMITED });
    const location = { directory: root, cwd: root };
    const baseline = createBaseline(full.findings.filter((finding) => finding.file === 'a.yaml' && finding.line > 15), location);
    const applied = applyBaseline(full, baseline, location);
    const unsuppressed = full.findings.map((finding) => ({ ...finding, suppression: finding.suppression?.via === 'baseline' ? null : finding.suppression }));
    fc.assert(
      fc.property(fc.shuffledSubarray(unsuppressed, { minLength: unsuppressed.length }), fc.integer({ min: 1, max: unsuppressed.length }), (arrival, maxFindings) => {
        const collector = new FindingCollector(maxFindings, { apply: baseline, location });
        for (const finding of arrival) collector.add({ ...finding });
        const collected = collector.finish();
        expect(collected.findings).toEqual(expectedKept(applied.findings, maxFindings));
        const { files: _files, objects: _objects, skipped: _skipped, ...counts } = applied.summary;
        expect(collected.counts).toEqual(counts);
      }),
      { seed: 3, numRuns: 100 },
    );
  });
});

describe('SmallestItems', () => {
  test('keeps the smallest items whatever the order they come in', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 200 }), fc.integer({ min: 1, max: 30 }), (values, limit) => {
        const keeper = new SmallestItems<number>(limit, (a, b) => a - b);
        for (const value of values) keeper.offer(value);
        expect(keeper.drainSorted()).toEqual([...values].sort((a, b) => a - b).slice(0, limit));
      }),
      { seed: 12, numRuns: 300 },
    );
  });
});

describe('jsonChunks', () => {
  /** Replaces arrays by LazyJsonArrays here and there; `plain` is the same value without them. */
  const withLazyArrays = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.jsonValue({ maxDepth: 1 }),
      tie('array'),
      tie('object'),
    ),
    array: fc.tuple(fc.array(tie('value'), { maxLength: 4 }), fc.boolean()),
    object: fc.dictionary(fc.string({ maxLength: 5 }), tie('value'), { maxKeys: 4 }),
  })).value;

  function build(shape: unknown, lazy: boolean): unknown {
    if (Array.isArray(shape) && shape.length === 2 && Array.isArray(shape[0]) && typeof shape[1] === 'boolean') {
      const items = (shape[0] as unknown[]).map((item) => build(item, lazy));
      return lazy && shape[1] ? new LazyJsonArray(() => items) : items;
    }
    if (typeof shape === 'object' && shape !== null && !Array.isArray(shape)) {
      return Object.fromEntries(Object.entries(shape).map(([key, item]) => [key, build(item, lazy)]));
    }
    return shape;
  }

  test('gives the text of JSON.stringify(value, null, 2), lazy arrays written item by item', () => {
    fc.assert(
      fc.property(withLazyArrays, (shape) => {
        expect([...jsonChunks(build(shape, true))].join('')).toBe(JSON.stringify(build(shape, false), null, 2));
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  test('undefined values are left out of objects and written as null in arrays, as JSON.stringify does', () => {
    const value = { a: undefined, b: new LazyJsonArray(() => [1, undefined, { c: undefined, d: [] }]), e: {} };
    expect([...jsonChunks(value)].join('')).toBe(JSON.stringify({ a: undefined, b: [1, undefined, { c: undefined, d: [] }], e: {} }, null, 2));
  });
});
