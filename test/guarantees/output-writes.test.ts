/**
 * Guarantee: `--output` and `--write-baseline` never write through a symbolic link and never
 * replace a file the run reads. In CI the working directory is the pull request's checkout: a PR
 * that commits `k8s-lint.sarif -> /some/file` must not make the Action overwrite that file. Each
 * refusal is exit 2 with a message naming the path relative to the working directory, and
 * nothing is written; a normal write replaces the file through a temporary file beside it that
 * is renamed over it, so no temporary file is left behind. All run through the committed bundle.
 */
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE, PRIVILEGED_POD, lint, snapshot, tempDir, writeTree, type Run } from './helpers';

interface Repo {
  /** The working directory: a checkout holding manifests. */
  cwd: string;
  /** A file outside the checkout that a link in it points at. */
  victim: string;
  /** Everything, the checkout and the victim's directory, for before/after snapshots. */
  root: string;
}

const VICTIM_TEXT = 'precious: do not overwrite\n';

function repo(files: Record<string, string> = {}): Repo {
  const root = tempDir('writes');
  const cwd = writeTree(path.join(root, 'checkout'), { 'deploy/pod.yaml': PRIVILEGED_POD, ...files });
  const victim = writeTree(path.join(root, 'outside'), { 'victim.txt': VICTIM_TEXT });
  return { cwd, root, victim: path.join(victim, 'victim.txt') };
}

function run(where: Repo, args: string[]): Run {
  return lint(args, { cwd: where.cwd, entry: BUNDLE });
}

/** Runs, expects exit 2 with exactly `message` and no change anywhere (no report, no temporary file). */
function expectRefused(where: Repo, args: string[], message: string): void {
  const before = snapshot(where.root);
  const result = run(where, args);
  expect(result.stderr).toBe(`k8s-lint: ${message}\n`);
  expect(result.stdout).toBe('');
  expect(result.status).toBe(2);
  expect(snapshot(where.root)).toEqual(before);
  expect(readFileSync(where.victim, 'utf8')).toBe(VICTIM_TEXT);
}

describe('writes never follow links', () => {
  test('--output at a symbolic link (the Action default k8s-lint.sarif committed as a link): exit 2, the target untouched', () => {
    const where = repo();
    symlinkSync(where.victim, path.join(where.cwd, 'k8s-lint.sarif'));
    expectRefused(where, ['.', '-f', 'sarif', '-o', 'k8s-lint.sarif'], '--output k8s-lint.sarif: refusing to write through a symbolic link');
  });

  test('--output at a link that points nowhere yet (it would create the file elsewhere): exit 2', () => {
    const where = repo();
    symlinkSync(path.join(path.dirname(where.victim), 'created.txt'), path.join(where.cwd, 'report.json'));
    expectRefused(where, ['deploy', '-f', 'json', '--output', 'report.json'], '--output report.json: refusing to write through a symbolic link');
  });

  test('--output in a directory of the checkout that is a link: exit 2, nothing created there', () => {
    const where = repo();
    symlinkSync(path.dirname(where.victim), path.join(where.cwd, 'reports'));
    expectRefused(where, ['deploy', '-f', 'sarif', '-o', 'reports/k8s-lint.sarif'], '--output reports/k8s-lint.sarif: refusing to write through a symbolic link (reports)');
  });

  test('--write-baseline at a symbolic link: exit 2, the target untouched', () => {
    const where = repo();
    symlinkSync(where.victim, path.join(where.cwd, '.k8s-lint-baseline.json'));
    expectRefused(where, ['deploy', '--write-baseline', '.k8s-lint-baseline.json'], '--write-baseline .k8s-lint-baseline.json: refusing to write through a symbolic link');
  });

  test('paths in the messages are relative to the working directory, also for absolute arguments', () => {
    const where = repo();
    symlinkSync(where.victim, path.join(where.cwd, 'out.json'));
    expectRefused(where, ['deploy', '-f', 'json', '-o', path.join(where.cwd, 'out.json')], '--output out.json: refusing to write through a symbolic link');
    expectRefused(where, ['deploy', '-f', 'json', '-o', path.join(where.root, 'outside', 'victim.txt', 'x')], '--output ../outside/victim.txt/x: ../outside/victim.txt is not a directory');
  });
});

describe('writes never replace what the run reads', () => {
  test('-o naming a manifest found in a linted directory: exit 2, the manifest unchanged', () => {
    const where = repo();
    expectRefused(where, ['.', '-f', 'json', '-o', 'deploy/pod.yaml'], '--output deploy/pod.yaml: refusing to overwrite a linted file of this run');
  });

  test('-o naming a manifest given on the command line, or through a link to it: exit 2', () => {
    const where = repo();
    symlinkSync('deploy/pod.yaml', path.join(where.cwd, 'pod-link.yaml'));
    expectRefused(where, ['deploy/pod.yaml', '-o', 'deploy/pod.yaml'], '--output deploy/pod.yaml: refusing to overwrite a linted file of this run');
    expectRefused(where, ['pod-link.yaml', '-o', 'deploy/pod.yaml'], '--output deploy/pod.yaml: refusing to overwrite a linted file of this run');
  });

  test('--write-baseline naming a linted manifest, and -o naming the baseline read or the configuration: exit 2', () => {
    const where = repo({ '.k8s-lint.yaml': 'rules: {}\n' });
    expectRefused(where, ['deploy', '--write-baseline', 'deploy/pod.yaml'], '--write-baseline deploy/pod.yaml: refusing to overwrite a linted file of this run');
    expect(run(where, ['deploy', '--write-baseline', 'b.json']).status).toBe(0);
    const before = readFileSync(path.join(where.cwd, 'b.json'), 'utf8');
    expectRefused(where, ['deploy', '--baseline', 'b.json', '-f', 'json', '-o', 'b.json'], '--output b.json: refusing to overwrite the baseline of this run');
    expect(readFileSync(path.join(where.cwd, 'b.json'), 'utf8')).toBe(before);
    expectRefused(where, ['deploy', '-o', '.k8s-lint.yaml'], '--output .k8s-lint.yaml: refusing to overwrite the configuration file of this run');
  });

  test('--output and --write-baseline naming the same file: exit 2', () => {
    const where = repo();
    expectRefused(where, ['deploy', '-o', 'same.json', '--write-baseline', './same.json'], '--output same.json and --write-baseline same.json name the same file');
  });

  test('re-running writes over its own earlier report and baseline, even where they are linted', () => {
    const where = repo();
    for (const again of [false, true]) {
      // The second time `.` holds the baseline and report.json, linted (documents without apiVersion/kind) and replaced.
      const baseline = run(where, ['.', '--write-baseline', '.k8s-lint-baseline.json']);
      expect(baseline.stderr).toBe('k8s-lint: wrote 4 findings to baseline .k8s-lint-baseline.json\n');
      expect(baseline.status).toBe(0);
      for (const format of ['json', 'sarif', 'junit']) {
        const report = run(where, ['.', '--baseline', '.k8s-lint-baseline.json', '-f', format, '-o', `report.${format}`]);
        expect(report.stderr).toBe('');
        expect(report.status).toBe(0);
      }
      expect(JSON.parse(readFileSync(path.join(where.cwd, 'report.json'), 'utf8'))).toMatchObject({ summary: { files: again ? 3 : 2, baselined: 4 } });
    }
    // Named on the command line, even an earlier report is an input the run reads: not replaced.
    expectRefused(where, ['report.json', '-f', 'json', '-o', 'report.json'], '--output report.json: refusing to overwrite a linted file of this run');
    expect(readdirSync(where.cwd).sort()).toEqual(['.k8s-lint-baseline.json', 'deploy', 'report.json', 'report.junit', 'report.sarif']);
  });
});

describe('what --output and --write-baseline accept', () => {
  test.each([
    [['-o', ''], '--output needs a file name'],
    [['--output='], '--output needs a file name'],
    [['--write-baseline', ''], '--write-baseline needs a file name'],
  ])('%j is a usage error', (args, message) => {
    expectRefused(repo(), ['deploy', ...args], message);
  });

  test('a directory and a missing directory: exit 2, nothing written', () => {
    const where = repo();
    mkdirSync(path.join(where.cwd, 'out'));
    expectRefused(where, ['deploy', '-o', 'out'], '--output out: is a directory');
    expectRefused(where, ['deploy', '-o', 'missing/report.json'], '--output missing/report.json: directory missing does not exist');
    expectRefused(where, ['deploy', '--write-baseline', 'missing/deeper/b.json'], '--write-baseline missing/deeper/b.json: directory missing does not exist');
  });

  test('a FIFO: exit 2, never opened (opening it would block)', () => {
    const where = repo();
    // Not through expectRefused: its snapshot would block reading the FIFO.
    expect(spawnSync('mkfifo', [path.join(where.cwd, 'fifo')]).status).toBe(0);
    const fifo = run(where, ['deploy', '-o', 'fifo']);
    expect(fifo.stderr).toBe('k8s-lint: --output fifo: not a regular file\n');
    expect(fifo.status).toBe(2);
    expect(lstatSync(path.join(where.cwd, 'fifo')).isFIFO()).toBe(true);
  });

  test('a normal write replaces an existing regular file, and leaves no temporary file', () => {
    const where = repo();
    writeFileSync(path.join(where.cwd, 'report.json'), 'old report\n');
    const before = snapshot(where.root);
    const result = run(where, ['deploy', '-f', 'json', '-o', 'report.json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const written = readFileSync(path.join(where.cwd, 'report.json'), 'utf8');
    expect(written).toBe(lint(['deploy', '-f', 'json'], { cwd: where.cwd, entry: BUNDLE }).stdout);
    expect(lstatSync(path.join(where.cwd, 'report.json')).isFile()).toBe(true);
    const changed = snapshot(where.root).filter((entry) => !before.includes(entry));
    expect(changed.map((entry) => entry.split(' ')[1])).toEqual(['checkout/report.json']);
    expect(snapshot(where.root)).toHaveLength(before.length);
  });
});
