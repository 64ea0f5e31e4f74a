/**
 * The packed @k8s-lint/cli works with no workspace around it: `npm pack` of packages/cli, then
 * `npm install <tarball>` in an empty directory, gives a working `k8s-lint`. Talks to the npm
 * registry only if the packed package has dependencies (it should have none).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT, runCli } from '../helpers/cli';
import { expectSuccess, run } from './npm-env';

const PACK_TIMEOUT_MS = 180_000;

interface PackEntry {
  filename: string;
  files: { path: string }[];
}

function pack(directory: string, destination: string, dryRun = false): PackEntry {
  const args = ['pack', '--json', '--pack-destination', destination, ...(dryRun ? ['--dry-run'] : [])];
  const result = run('npm', args, directory);
  expectSuccess(result, `npm ${args.join(' ')} in ${directory}`);
  const entries = JSON.parse(result.stdout) as PackEntry[];
  const [entry] = entries;
  if (entries.length !== 1 || entry === undefined) throw new Error(`npm pack reported ${entries.length} packages`);
  return entry;
}

/** The bundle and the data files it reads beside itself (config schema, Kubernetes API schemas). */
const BUNDLE_FILES = ['config.schema.json', 'k8s-lint.cjs', 'kubernetes-1.25.json', 'kubernetes-1.27.json', 'kubernetes-1.33.json', 'kubernetes-1.36.json'];

describe('npm packages', () => {
  let temp: string;
  beforeAll(() => {
    temp = mkdtempSync(path.join(tmpdir(), 'k8s-lint-pack-'));
  });
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it(
    'packages/cli packs into a self-contained k8s-lint that installs into an empty directory',
    () => {
      const entry = pack(path.join(REPO_ROOT, 'packages', 'cli'), temp);
      expect(entry.files.map((file) => file.path).sort()).toEqual(['package.json', ...BUNDLE_FILES.map((name) => `bundle/${name}`)].sort());

      const app = mkdtempSync(path.join(temp, 'app-'));
      writeFileSync(path.join(app, 'package.json'), '{ "name": "app", "version": "1.0.0", "private": true }\n');
      const install = run('npm', ['install', '--no-audit', '--no-fund', path.join(temp, entry.filename)], app, { timeoutMs: PACK_TIMEOUT_MS });
      expectSuccess(install, 'npm install <tarball>');
      const installed = JSON.parse(readFileSync(path.join(app, 'node_modules', '@k8s-lint', 'cli', 'package.json'), 'utf8')) as Record<string, unknown>;
      expect(installed.dependencies).toBeUndefined();

      const bin = path.join(app, 'node_modules', '.bin', 'k8s-lint');
      copyFileSync(path.join(REPO_ROOT, 'examples', 'bad', 'web-deployment.yaml'), path.join(app, 'bad.yaml'));
      // Run through the bin link itself (its shebang), as a user's shell would.
      const lintRun = run(bin, ['bad.yaml', '--format', 'json'], app);
      expect(lintRun.status).toBe(1);
      expect(lintRun.stdout).toBe(runCli(['bad.yaml', '--format', 'json'], { cwd: app }).stdout);

      expect(run(bin, ['--version'], app).stdout.trim()).toBe(runCli(['--version']).stdout.trim());
      // The config schema is read at runtime: an invalid config is reported, not an ENOENT crash.
      const badConfig = run(bin, ['bad.yaml', '--config', path.join(REPO_ROOT, 'test', 'packaging', 'fixtures', 'bad-config.yaml')], app);
      expect(badConfig.status).toBe(2);
      expect(badConfig.stderr).toContain('rules.nope: must be one of off, error, warning, note');
    },
    PACK_TIMEOUT_MS * 2,
  );

  it('the root package (what pre-commit installs) ships the bundle as its k8s-lint bin', () => {
    const root = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; dependencies?: unknown };
    expect(root.bin).toEqual({ 'k8s-lint': 'bin/k8s-lint.cjs' });
    // npm cannot install workspace: dependencies; the bundle needs none.
    expect(root.dependencies).toBeUndefined();
    const entry = pack(REPO_ROOT, temp, true);
    const files = entry.files.map((file) => file.path);
    const expected = ['package.json', ...BUNDLE_FILES.map((name) => `bin/${name}`)];
    expect(files).toEqual(expect.arrayContaining(expected));
    expect(files.filter((file) => ![...expected, 'README.md'].includes(file))).toEqual([]);
  });
});
