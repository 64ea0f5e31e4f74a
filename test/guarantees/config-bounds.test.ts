/**
 * Guarantee: the configuration is bounded. `.k8s-lint.yaml` comes with the code being linted (in
 * CI, the pull request's), so the one found by the search must be a regular file inside the
 * repository, and the search stops at the repository root. Any configuration, the one named with
 * `--config` too, is read without blocking and at most 1 MB of it. Its errors name the key and its
 * position, never other keys or values, and every path on standard error is relative to the
 * working directory. All through the committed bundle.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE, PRIVILEGED_POD, describeIf, jsonFindings, tempDir, writeTree, type Run } from './helpers';

const SECRET = 'ghp_SECRETTOKEN123';
const TOP_LEVEL_KEYS = 'allowed: $schema, extends, rules, exclude, overrides, profile, pssVersion, kubernetesVersion, defaultNamespace, maxFileSize, charts, honorPeerAnnotations, workloads, customRules';

/**
 * Runs the bundle with a short timeout: a blocking open or an endless read shows as a failed
 * spawn (ETIMEDOUT), not as a test that hangs.
 */
function lintBundle(args: readonly string[], cwd: string, env: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, [BUNDLE, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd, NO_COLOR: '1', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A repository (it holds `.git`) with one privileged Pod, under a new temporary directory. */
function repository(files: Record<string, string> = {}): { root: string; repo: string } {
  const root = tempDir('config');
  const repo = path.join(root, 'repo');
  writeTree(repo, { '.git/HEAD': 'ref: refs/heads/main\n', 'apps/pod.yaml': PRIVILEGED_POD, ...files });
  return { root, repo };
}

function ruleIds(run: Run): string[] {
  return [...new Set(jsonFindings(run.stdout).map((finding) => finding.ruleId))];
}

const usageError = (stderr: string): Run => ({ status: 2, stdout: '', stderr });

const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;

describe('the configuration found by the search is inside the repository', () => {
  test('a link to /dev/zero is refused at once, without reading it', () => {
    const { repo } = repository();
    symlinkSync('/dev/zero', path.join(repo, '.k8s-lint.yaml'));
    const started = Date.now();
    expect(lintBundle(['apps'], repo)).toEqual(
      usageError('k8s-lint: .k8s-lint.yaml: configuration not read: it is a link to a file outside the repository ("."); a configuration from elsewhere must be named with --config\n'),
    );
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  test('a link to a file outside the repository is not read, and nothing of that file is printed', () => {
    const { root, repo } = repository();
    writeFileSync(path.join(root, 'credentials.yaml'), `${SECRET}: x\n`);
    symlinkSync(path.join(root, 'credentials.yaml'), path.join(repo, '.k8s-lint.yaml'));
    const run = lintBundle(['apps', '--format', 'json'], path.join(repo, 'apps'));
    expect(run).toEqual(
      usageError('k8s-lint: ../.k8s-lint.yaml: configuration not read: it is a link to a file outside the repository (".."); a configuration from elsewhere must be named with --config\n'),
    );
    expect(run.stdout + run.stderr).not.toContain('SECRET');
    // A relative link that climbs out is the same.
    const other = repository();
    writeFileSync(path.join(other.root, 'credentials.yaml'), `${SECRET}: x\n`);
    symlinkSync('../credentials.yaml', path.join(other.repo, '.k8s-lint.yaml'));
    const relative = lintBundle(['apps'], other.repo);
    expect(relative.status).toBe(2);
    expect(relative.stderr).toContain('it is a link to a file outside the repository');
    expect(relative.stdout + relative.stderr).not.toContain('SECRET');
  });

  test('a link to a file inside the repository is used', () => {
    const { repo } = repository({ 'config/k8s-lint.yaml': 'rules:\n  privileged-container: off\n' });
    symlinkSync(path.join('config', 'k8s-lint.yaml'), path.join(repo, '.k8s-lint.yaml'));
    const run = lintBundle(['apps', '--format', 'json'], repo);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(ruleIds(run)).not.toContain('privileged-container');
    expect(ruleIds(run)).toContain('missing-resource-limits');
  });

  test('a link to nothing, or a directory of that name, is an error rather than skipped', () => {
    const dangling = repository();
    symlinkSync('missing.yaml', path.join(dangling.repo, '.k8s-lint.yaml'));
    expect(lintBundle(['apps'], dangling.repo)).toEqual(usageError('k8s-lint: .k8s-lint.yaml: cannot read configuration: a symbolic link to nothing (ENOENT)\n'));
    const directory = repository();
    mkdirSync(path.join(directory.repo, '.k8s-lint.yaml'));
    expect(lintBundle(['apps'], directory.repo)).toEqual(usageError('k8s-lint: .k8s-lint.yaml: cannot read configuration: not a regular file (a FIFO, socket, device or directory)\n'));
  });

  test('the search goes up to the repository root and no further', () => {
    const { root, repo } = repository();
    // Above the repository: someone else's configuration, which would hide the finding.
    writeFileSync(path.join(root, '.k8s-lint.yaml'), 'rules:\n  privileged-container: off\n');
    expect(ruleIds(lintBundle(['.', '--format', 'json'], path.join(repo, 'apps')))).toContain('privileged-container');
    // At the repository root it is found from a subdirectory.
    writeFileSync(path.join(repo, '.k8s-lint.yaml'), 'rules:\n  run-as-root: off\n');
    const fromSubdirectory = ruleIds(lintBundle(['.', '--format', 'json'], path.join(repo, 'apps')));
    expect(fromSubdirectory).toContain('privileged-container');
    expect(fromSubdirectory).not.toContain('run-as-root');
  });

  test('outside a repository, only the working directory is searched', () => {
    const root = tempDir('config-plain');
    writeTree(root, { '.k8s-lint.yaml': 'rules:\n  privileged-container: off\n', 'apps/pod.yaml': PRIVILEGED_POD });
    expect(ruleIds(lintBundle(['.', '--format', 'json'], path.join(root, 'apps')))).toContain('privileged-container');
    expect(ruleIds(lintBundle(['apps', '--format', 'json'], root))).not.toContain('privileged-container');
  });
});

describe('every configuration is read with bounds', () => {
  test('--config /dev/zero is not a regular file', () => {
    const { repo } = repository();
    expect(lintBundle(['apps', '--config', '/dev/zero'], repo)).toEqual(
      usageError(`k8s-lint: ${path.relative(repo, '/dev/zero')}: cannot read configuration: not a regular file (a FIFO, socket, device or directory)\n`),
    );
  });

  test('a configuration of more than 1 MB is refused, found or named', () => {
    const { repo } = repository();
    const big = `# ${'x'.repeat(99)}\n`.repeat(20_000); // 2 MB of comments
    writeFileSync(path.join(repo, '.k8s-lint.yaml'), big);
    expect(lintBundle(['apps'], repo)).toEqual(usageError('k8s-lint: .k8s-lint.yaml: cannot read configuration: larger than 1 MB (1000000 bytes)\n'));
    writeFileSync(path.join(repo, 'big.yaml'), big);
    expect(lintBundle(['apps', '--config', 'big.yaml'], path.join(repo))).toEqual(usageError('k8s-lint: big.yaml: cannot read configuration: larger than 1 MB (1000000 bytes)\n'));
    // Just under the bound is read.
    writeFileSync(path.join(repo, '.k8s-lint.yaml'), `${'#'.repeat(999_998)}\n`);
    expect(lintBundle(['apps'], repo).status).toBe(1);
  });

  test('a configuration of more than 50,000 YAML indicators is not parsed (it could take gigabytes)', () => {
    const { repo } = repository({ '.k8s-lint.yaml': `exclude: [${Array.from({ length: 50_001 }, () => 'a').join(',')}]\n` });
    expect(lintBundle(['apps'], repo)).toEqual(
      usageError('k8s-lint: .k8s-lint.yaml: configuration not parsed: it holds more than 50000 YAML indicators (: - , [ { ?), far more than any configuration needs\n'),
    );
  });

  describeIf(hasMkfifo, 'a FIFO', 'mkfifo is not installed')(() => {
    test('as .k8s-lint.yaml or as --config, it is never opened for a blocking read', () => {
      const { repo } = repository();
      expect(spawnSync('mkfifo', [path.join(repo, '.k8s-lint.yaml')]).status).toBe(0);
      expect(lintBundle(['apps'], repo)).toEqual(usageError('k8s-lint: .k8s-lint.yaml: cannot read configuration: not a regular file (a FIFO, socket, device or directory)\n'));
      expect(spawnSync('mkfifo', [path.join(repo, 'apps', 'config.fifo')]).status).toBe(0);
      expect(lintBundle(['pod.yaml', '--config', 'config.fifo'], path.join(repo, 'apps'))).toEqual(
        usageError('k8s-lint: config.fifo: cannot read configuration: not a regular file (a FIFO, socket, device or directory)\n'),
      );
    });
  });

  describeIf(existsSync('/proc/self/environ'), '--config /proc/self/environ', 'no /proc here')(() => {
    test('a kernel file (its size says 0) is read to its end, and nothing of it is printed', () => {
      const { repo } = repository();
      const run = lintBundle(['apps', '--config', '/proc/self/environ'], repo, { K8S_LINT_TEST_TOKEN: SECRET });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^k8s-lint: [./]*proc\/self\/environ: /);
      expect(run.stdout + run.stderr).not.toContain('SECRET');
    });
  });
});

describe('configuration errors name the key, not what was written', () => {
  test('an unknown key is shown by its position, a typo by its text with the known key', () => {
    const { repo } = repository({ '.k8s-lint.yaml': `rules: {}\n${SECRET}: x\n` });
    const run = lintBundle(['apps'], repo);
    expect(run).toEqual(usageError(`k8s-lint: .k8s-lint.yaml: (top level): unknown key at line 2, column 1 (${TOP_LEVEL_KEYS})\n`));
    writeFileSync(path.join(repo, '.k8s-lint.yaml'), 'rulse:\n  run-as-root: off\n');
    expect(lintBundle(['apps'], repo)).toEqual(usageError('k8s-lint: .k8s-lint.yaml: rulse: unknown key at line 1, column 1 (did you mean "rules"?)\n'));
  });

  test('a file named with --config outside the repository is read, and its keys and values are not printed', () => {
    const { root, repo } = repository();
    writeFileSync(path.join(root, 'credentials.yaml'), `${SECRET}: x\n`);
    const run = lintBundle(['apps', '--config', path.join(root, 'credentials.yaml')], repo);
    expect(run).toEqual(usageError(`k8s-lint: ../credentials.yaml: (top level): unknown key at line 1, column 1 (${TOP_LEVEL_KEYS})\n`));
    writeFileSync(path.join(root, 'credentials.yaml'), `profile: ${SECRET}\nexclude: ["{${SECRET}"]\n`);
    const values = lintBundle(['apps', '--config', '../credentials.yaml'], repo);
    expect(values).toEqual(usageError('k8s-lint: ../credentials.yaml: profile: must be one of default, pss-baseline, pss-restricted\n'));
  });
});

describe('paths on standard error are relative to the working directory', () => {
  test('configuration errors, from a subdirectory and for an absolute --config', () => {
    const { root, repo } = repository({ '.k8s-lint.yaml': 'exclude: ["{a"]\n', 'conf/lint.yaml': 'rules:\n  run-as-rot: off\n' });
    const apps = path.join(repo, 'apps');
    expect(lintBundle(['.'], apps)).toEqual(usageError('k8s-lint: ../.k8s-lint.yaml: exclude[0]: invalid glob at line 1, column 11: unbalanced "{" in pattern\n'));
    expect(lintBundle(['.', '--config', path.join(repo, 'conf', 'lint.yaml')], apps)).toEqual(
      usageError('k8s-lint: ../conf/lint.yaml: rules.run-as-rot: unknown rule "run-as-rot" (did you mean "run-as-root"?)\n'),
    );
    expect(lintBundle(['.', '--config', path.join(repo, 'conf', 'missing.yaml')], apps)).toEqual(usageError('k8s-lint: ../conf/missing.yaml: cannot read configuration: ENOENT\n'));
    for (const run of [lintBundle(['.'], apps), lintBundle(['.', '--config', path.join(repo, 'conf', 'lint.yaml')], apps)]) expect(run.stderr).not.toContain(root);
  });

  test('baseline errors, for absolute --baseline and --write-baseline paths', () => {
    const { root, repo } = repository({ 'bad.json': '{"version": 1, "entries": {}}\n' });
    const apps = path.join(repo, 'apps');
    expect(lintBundle(['.', '--baseline', path.join(repo, 'missing.json')], apps)).toEqual(usageError('k8s-lint: cannot read baseline ../missing.json: ENOENT\n'));
    expect(lintBundle(['.', '--baseline', path.join(repo, 'bad.json')], apps)).toEqual(usageError('k8s-lint: invalid baseline ../bad.json: "entries" must be an array\n'));
    const write = lintBundle(['.', '--write-baseline', path.join(repo, 'no', 'such', 'dir', 'b.json')], apps);
    expect(write.status).toBe(2);
    // The wording is the writer's; the path is relative.
    expect(write.stderr).toContain(' ../no/such/dir');
    expect(write.stderr).not.toContain(root);
  });
});
