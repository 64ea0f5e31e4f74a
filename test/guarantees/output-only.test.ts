/**
 * Guarantee: with --output <file>, the report file is the only thing k8s-lint writes. The
 * working directory, HOME, TMPDIR and the linted tree are compared entry by entry (names,
 * sizes, contents) before and after; with --kustomize and --helm the renderer's temporary
 * home (under TMPDIR) must be gone afterwards too.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { extractHelm } from '../../packages/core/test/render/programs';
import { BUNDLE, PRIVILEGED_POD, describeIf, fakePrograms, jsonFindings, kubectlOnPath, lint, readCalls, snapshot, tempDir, writeTree } from './helpers';

interface Layout {
  root: string;
  cwd: string;
  home: string;
  tmp: string;
  repo: string;
}

function layout(): Layout {
  const root = tempDir('output');
  const cwd = path.join(root, 'cwd');
  const home = path.join(root, 'home');
  const tmp = path.join(root, 'tmp');
  for (const directory of [cwd, home, tmp]) mkdirSync(directory);
  const repo = writeTree(path.join(root, 'repo'), {
    'plain/pod.yaml': PRIVILEGED_POD,
    'plain/broken.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: { name: [unclosed\n',
    'base/kustomization.yaml': 'resources:\n  - pod.yaml\n',
    'base/pod.yaml': PRIVILEGED_POD,
    'overlay/kustomization.yaml': 'namespace: shop\nresources:\n  - ../base\nsecretGenerator:\n  - name: generated\n    literals: [password=x]\n',
    'chart/Chart.yaml': 'apiVersion: v2\nname: chart\nversion: 1.0.0\n',
    'chart/templates/pod.yaml': PRIVILEGED_POD,
    ...Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`many/pod-${i}.yaml`, PRIVILEGED_POD.replace('name: p', `name: p${i}`)])),
  });
  return { root, cwd, home, tmp, repo };
}

interface Snapshots {
  root: string[];
  cwd: string[];
  home: string[];
  tmp: string[];
  repo: string[];
}

function snapshots(where: Layout): Snapshots {
  return { root: snapshot(where.root).filter((entry) => !/^[dfl] (cwd|home|tmp|repo)\//.test(entry)), cwd: snapshot(where.cwd), home: snapshot(where.home), tmp: snapshot(where.tmp), repo: snapshot(where.repo) };
}

/** Runs the CLI from `cwd` with HOME and TMPDIR pointed at the empty directories and nothing else inherited but PATH. */
function lintWithOutput(where: Layout, args: string[], options: { path?: string; entry?: string } = {}): ReturnType<typeof lint> {
  return lint(args, { cwd: where.cwd, entry: options.entry, env: { PATH: options.path ?? process.env.PATH ?? '', HOME: where.home, TMPDIR: where.tmp } });
}

/** Runs, then checks that exactly `output` appeared in the working directory and nothing else changed; returns the report. */
function expectOnlyOutput(where: Layout, args: string[], output: string, options: { path?: string; entry?: string } = {}): string {
  const before = snapshots(where);
  const result = lintWithOutput(where, [...args, '--output', output], options);
  expect(result.stdout).toBe('');
  expect(result.stderr).toBe('');
  expect(result.status).toBe(1);
  const after = snapshots(where);
  const added = after.cwd.filter((entry) => !before.cwd.includes(entry));
  expect(added.map((entry) => entry.replace(/^f (\S+) .*$/, '$1'))).toEqual([output]);
  expect(after.cwd.filter((entry) => !added.includes(entry))).toEqual(before.cwd);
  expect(after.home).toEqual([]);
  expect(after.tmp).toEqual([]);
  expect(after.repo).toEqual(before.repo);
  expect(after.root).toEqual(before.root);
  return readFileSync(path.join(where.cwd, output), 'utf8');
}

describe('--output writes the report file and nothing else', () => {
  test.each(['json', 'sarif', 'stylish', 'github', 'junit'])('--format %s, an absolute path argument, from an empty working directory', (format) => {
    const where = layout();
    expectOnlyOutput(where, [where.repo, '--format', format], `report.${format}`);
  });

  test('with worker threads (--jobs 2) and with the bundle', () => {
    const where = layout();
    expectOnlyOutput(where, [where.repo, '--jobs', '2', '--format', 'json'], 'threads.json');
    expectOnlyOutput(where, [where.repo, '--jobs', '2', '--format', 'json'], 'bundle.json', { entry: BUNDLE });
  });

  test('--kustomize with a fake kubectl: the renderer made its home under TMPDIR, and removed it', () => {
    const where = layout();
    // Outside the compared tree: the fake program's own log is not k8s-lint's doing.
    const fakeBin = tempDir('output-bin');
    const calls = path.join(fakeBin, 'calls.jsonl');
    fakePrograms(fakeBin, calls, ['kubectl']);
    expectOnlyOutput(where, [where.repo, '--kustomize', '--format', 'json'], 'report.json', { path: `${fakeBin}${path.delimiter}${process.env.PATH ?? ''}` });
    // One kustomization root: the overlay (the base is rendered through it).
    const homes = readCalls(calls).map((call) => call.env.HOME ?? '');
    expect(homes).toHaveLength(1);
    for (const home of homes) {
      expect(path.dirname(home)).toBe(where.tmp);
      expect(existsSync(home)).toBe(false);
    }
  });

  describeIf(kubectlOnPath() !== null, 'with the real kubectl', 'kubectl is not on the PATH')(() => {
    test('--kustomize: HOME and TMPDIR are left empty, the linted tree unchanged', () => {
      const where = layout();
      const report = expectOnlyOutput(where, [where.repo, '--kustomize', '--format', 'sarif'], 'kustomize.sarif');
      // Rendered: the overlay's namespace and generated Secret are in the results.
      const results = (JSON.parse(report) as { runs: Array<{ results: Array<{ ruleId: string; properties?: { objectNamespace?: string } }> }> }).runs[0]?.results ?? [];
      expect(results.some((result) => result.properties?.objectNamespace === 'shop')).toBe(true);
      expect(results.some((result) => result.ruleId === 'plaintext-secret')).toBe(true);
      expect(results.filter((result) => result.ruleId === 'render-error')).toEqual([]);
    });
  });

  test('--helm with the real helm: HOME and TMPDIR are left empty, the linted tree unchanged', () => {
    const where = layout();
    const helm = extractHelm();
    const report = expectOnlyOutput(where, [where.repo, '--helm', '--format', 'json'], 'helm.json', { path: `${path.dirname(helm)}${path.delimiter}${process.env.PATH ?? ''}` });
    const findings = jsonFindings(report);
    expect(findings.some((finding) => finding.file === '../repo/chart/templates/pod.yaml')).toBe(true);
    expect(findings.filter((finding) => finding.ruleId === 'render-error')).toEqual([]);
  });
});
