/**
 * The pre-commit hook (.pre-commit-hooks.yaml) with the real `pre-commit`: `try-repo` installs
 * the hook from a git repository holding a copy of this working tree (so nothing is ever committed
 * in the checkout) and runs it on a bad and on a good manifest.
 *
 * pre-commit's node language runs `npm install --dev --prod` in its clone before `npm pack` and
 * `npm install -g`. The root package.json is installed as it is: it declares no dependencies (the
 * development tools live in scripts/package.json), so that install is instant and offline, and its
 * `bin` is the committed bundle, which works after npm pack + npm install -g with no build step.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../helpers/cli';
import { expectSuccess, run } from './npm-env';

const PRE_COMMIT_TIMEOUT_MS = 120_000;
const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
const describeIfPreCommit = hasPreCommit ? describe : describe.skip;
const GIT_IDENTITY = { GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.com' };

/** Tracked and untracked-but-not-ignored files: the tree a commit of this checkout would hold. */
function workingTreeFiles(): string[] {
  const listed = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], REPO_ROOT);
  expectSuccess(listed, 'git ls-files');
  return listed.stdout.split('\0').filter((file) => file !== '' && existsSync(path.join(REPO_ROOT, file)));
}

function commitCopyOfWorkingTree(target: string): void {
  for (const file of workingTreeFiles()) {
    mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    copyFileSync(path.join(REPO_ROOT, file), path.join(target, file));
  }
  git(target, ['init', '-q']);
  git(target, ['add', '-A']);
  git(target, ['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'hook repository']);
}

function git(cwd: string, args: string[]): string {
  const result = run('git', args, cwd, { env: GIT_IDENTITY });
  expectSuccess(result, `git ${args.join(' ')}`);
  return result.stdout;
}

describe('the hook repository', () => {
  // pre-commit runs `npm install --dev --prod` on the root package.json of the hook repository:
  // every dependency declared there is downloaded (development tools once took 7 minutes).
  it('root package.json declares no dependencies, so installing the hook installs nothing', () => {
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    for (const field of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) expect(manifest[field]).toBeUndefined();
    expect(manifest.bin).toEqual({ 'k8s-lint': 'bin/k8s-lint.cjs' });
  });
});

describeIfPreCommit(hasPreCommit ? 'pre-commit hook' : 'pre-commit hook (SKIPPED: `pre-commit` is not installed; apt-get install -y pre-commit)', () => {
  let temp: string;
  beforeAll(() => {
    temp = mkdtempSync(path.join(tmpdir(), 'k8s-lint-pre-commit-'));
  });
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it(
    'fails on a bad manifest with file and line:column, passes on a good one',
    () => {
      const hookRepo = path.join(temp, 'hook');
      const project = path.join(temp, 'project');
      mkdirSync(hookRepo);
      mkdirSync(project);
      commitCopyOfWorkingTree(hookRepo);
      git(project, ['init', '-q']);
      copyFileSync(path.join(REPO_ROOT, 'examples', 'bad', 'web-deployment.yaml'), path.join(project, 'bad.yaml'));
      copyFileSync(path.join(REPO_ROOT, 'examples', 'good', 'api-deployment.yaml'), path.join(project, 'good.yaml'));
      // The good Deployment's namespace is covered by these NetworkPolicies: they must be linted in
      // the same k8s-lint run (require_serial), else it is reported as unprotected.
      copyFileSync(path.join(REPO_ROOT, 'examples', 'good', 'network-policies.yaml'), path.join(project, 'policies.yaml'));
      git(project, ['add', '-A']);

      const env = { PRE_COMMIT_HOME: path.join(temp, 'cache'), PRE_COMMIT_COLOR: 'never' };
      const tryRepo = (...files: string[]) =>
        run('pre-commit', ['try-repo', hookRepo, 'k8s-lint', '--files', ...files], project, { env, timeoutMs: PRE_COMMIT_TIMEOUT_MS });

      const bad = tryRepo('bad.yaml');
      expect(bad.status).toBe(1);
      expect(bad.stdout).toMatch(/^k8s-lint\.+Failed$/m);
      expect(bad.stdout).toContain('- exit code: 1');
      expect(bad.stdout).toMatch(/^bad\.yaml$/m);
      expect(bad.stdout).toMatch(/^ {2}30:13 +error +privileged-container\n +container "app" is privileged$/m);

      const good = tryRepo('good.yaml', 'policies.yaml');
      expect(`${good.stdout}${good.stderr}`).toMatch(/^k8s-lint\.+Passed$/m);
      expect(good.status).toBe(0);
    },
    PRE_COMMIT_TIMEOUT_MS * 2,
  );

  it(
    'a real `git commit` of a change to web.yaml alone passes: the committed default-deny is the context',
    () => {
      const hookRepo = path.join(temp, 'hook-for-commit');
      const project = path.join(temp, 'project-for-commit');
      mkdirSync(hookRepo);
      mkdirSync(project);
      commitCopyOfWorkingTree(hookRepo);
      const rev = git(hookRepo, ['rev-parse', 'HEAD']).trim();
      git(project, ['init', '-q']);
      writeFileSync(path.join(project, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: k8s-lint\n`);
      const web = readFileSync(path.join(REPO_ROOT, 'examples', 'good', 'api-deployment.yaml'), 'utf8');
      writeFileSync(path.join(project, 'web.yaml'), web);
      // The default-deny and the api's policy, committed once, never staged again.
      copyFileSync(path.join(REPO_ROOT, 'examples', 'good', 'network-policies.yaml'), path.join(project, 'netpol.yaml'));
      const env = { ...GIT_IDENTITY, PRE_COMMIT_HOME: path.join(temp, 'cache'), PRE_COMMIT_COLOR: 'never' };
      expectSuccess(run('pre-commit', ['install'], project, { env, timeoutMs: PRE_COMMIT_TIMEOUT_MS }), 'pre-commit install');
      git(project, ['add', '-A']);
      const commit = () => run('git', ['-c', 'commit.gpgsign=false', 'commit', '-m', 'change'], project, { env, timeoutMs: PRE_COMMIT_TIMEOUT_MS });
      const first = commit();
      expect(`${first.stdout}${first.stderr}`).toMatch(/^k8s-lint\.+Passed$/m);
      expect(first.status).toBe(0);

      // One memory value changes; only web.yaml is staged. Linted alone it would give
      // missing-default-deny for ingress and for egress.
      const changed = web.replace('limits: { cpu: 500m, memory: 256Mi }', 'limits: { cpu: 500m, memory: 384Mi }');
      expect(changed).not.toBe(web);
      writeFileSync(path.join(project, 'web.yaml'), changed);
      git(project, ['add', 'web.yaml']);
      expect(git(project, ['diff', '--cached', '--name-only']).trim()).toBe('web.yaml');
      const alone = run(process.execPath, [path.join(REPO_ROOT, 'bin', 'k8s-lint.cjs'), 'web.yaml', '--no-context'], project);
      expect(alone.status).toBe(1);
      expect(alone.stdout).toContain('missing-default-deny');
      const second = commit();
      expect(`${second.stdout}${second.stderr}`).toMatch(/^k8s-lint\.+Passed$/m);
      expect(second.status).toBe(0);
      expect(git(project, ['log', '--format=%s']).trim().split('\n')).toEqual(['change', 'change']);
    },
    PRE_COMMIT_TIMEOUT_MS * 3,
  );
});
