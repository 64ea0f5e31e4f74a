/**
 * `pnpm release` (scripts/release.js) writes the CLI tarball and SHA256SUMS, and the README's
 * install command, `npm i -g ./k8s-lint-<version>.tgz`, works offline: with `--offline` and an
 * empty npm cache, so a single dependency to fetch would fail the install.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../helpers/cli';
import { expectSuccess, run } from './npm-env';

const TIMEOUT_MS = 180_000;
const version = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'packages', 'cli', 'package.json'), 'utf8')) as { version: string }).version;
const tarballName = `k8s-lint-${version}.tgz`;

describe('pnpm release', () => {
  let temp: string;
  beforeAll(() => {
    temp = mkdtempSync(path.join(tmpdir(), 'k8s-lint-release-'));
  });
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('is the root package.json script that runs scripts/release.js', () => {
    const root = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(root.scripts.release).toBe('node scripts/release.js');
  });

  it(
    'writes the tarball and its checksum; the tarball installs globally offline and k8s-lint runs',
    () => {
      const out = path.join(temp, 'dist-release');
      // Through the script entry, as `pnpm release` runs it (npm needs no pnpm on the machine).
      expectSuccess(run('npm', ['run', '--silent', 'release', '--', '--out', out], REPO_ROOT, { timeoutMs: TIMEOUT_MS }), 'npm run release');
      expect(readdirSync(out).sort()).toEqual(['SHA256SUMS', tarballName]);
      const sha256 = createHash('sha256').update(readFileSync(path.join(out, tarballName))).digest('hex');
      expect(readFileSync(path.join(out, 'SHA256SUMS'), 'utf8')).toBe(`${sha256}  ${tarballName}\n`);

      const prefix = path.join(temp, 'prefix');
      const emptyCache = path.join(temp, 'npm-cache');
      const install = run('npm', ['i', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', path.join(out, tarballName)], temp, {
        env: { npm_config_cache: emptyCache },
        timeoutMs: TIMEOUT_MS,
      });
      expectSuccess(install, `npm i -g ./${tarballName} --offline`);

      const bin = path.join(prefix, 'bin', 'k8s-lint');
      const versionRun = run(bin, ['--version'], temp);
      expectSuccess(versionRun, 'k8s-lint --version');
      expect(versionRun.stdout.trim()).toBe(version);

      copyFileSync(path.join(REPO_ROOT, 'examples', 'bad', 'web-deployment.yaml'), path.join(temp, 'bad.yaml'));
      const lintRun = run(bin, ['bad.yaml', '--format', 'json'], temp);
      expect(lintRun.status).toBe(1);
      const findings = (JSON.parse(lintRun.stdout) as { findings: { ruleId: string; line: number; column: number }[] }).findings;
      expect(findings).toContainEqual(expect.objectContaining({ ruleId: 'privileged-container', line: 30, column: 13 }));
    },
    TIMEOUT_MS * 2,
  );

  it(
    'gives the same bytes twice: the checksum of a commit is stable',
    () => {
      const sums = ['first', 'second'].map((name) => {
        const out = path.join(temp, name);
        expectSuccess(run(process.execPath, [path.join(REPO_ROOT, 'scripts', 'release.js'), '--out', out], REPO_ROOT, { timeoutMs: TIMEOUT_MS }), 'release');
        return readFileSync(path.join(out, 'SHA256SUMS'), 'utf8');
      });
      expect(sums[1]).toBe(sums[0]);
    },
    TIMEOUT_MS * 2,
  );
});
