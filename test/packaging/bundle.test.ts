import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { REPO_ROOT, runCli } from '../helpers/cli';

interface BundleScript {
  buildBundle(): Promise<Record<string, string>>;
  BUNDLE_FILE: string;
  SCHEMA_FILE: string;
}

const bundleScript = createRequire(__filename)(path.join(REPO_ROOT, 'scripts', 'bundle.js')) as BundleScript;

function runBundle(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bundleScript.BUNDLE_FILE, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the committed single-file bundle (bin/)', () => {
  it('is what `pnpm bundle` produces from the current sources', async () => {
    const fresh = await bundleScript.buildBundle();
    for (const [file, text] of Object.entries(fresh)) {
      const committed = readFileSync(file, 'utf8');
      if (committed !== text) {
        throw new Error(`${path.relative(REPO_ROOT, file)} is out of date: run \`pnpm bundle\` and commit bin/`);
      }
    }
    const names = Object.keys(fresh).map((file) => path.relative(REPO_ROOT, file));
    expect(names.sort()).toEqual(['bin/config.schema.json', 'bin/k8s-lint.cjs', 'bin/kubernetes-1.25.json', 'bin/kubernetes-1.27.json', 'bin/kubernetes-1.33.json', 'bin/kubernetes-1.36.json']);
  });

  it('is an executable Node script with a shebang', () => {
    expect(readFileSync(bundleScript.BUNDLE_FILE, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    expect(statSync(bundleScript.BUNDLE_FILE).mode & 0o111).not.toBe(0);
  });

  it('gives the same report and exit code as the built CLI', () => {
    const args = ['examples/', '--format', 'json'];
    const bundled = runBundle(args);
    const built = runCli(args);
    expect(bundled.status).toBe(1);
    expect(bundled.stdout).toBe(built.stdout);
    expect(bundled.stderr).toBe(built.stderr);
  });

  it('finds the config schema next to itself', () => {
    const run = runBundle(['examples/good', '--config', 'test/packaging/fixtures/bad-config.yaml']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('rules.nope: must be one of off, error, warning, note');
    expect(run.stderr).not.toContain('ENOENT');
  });
});
