import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const CLI = path.join(REPO_ROOT, 'packages', 'cli', 'dist', 'bin.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `k8s-lint` as a separate process, the way users and CI do. */
export function runCli(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string>; timeout?: number } = {}): CliRun {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`pnpm build\` before the end-to-end tests`);
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env };
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env,
    // Past it the run is killed and this throws (ETIMEDOUT): a hang fails the test instead of stalling it.
    timeout: options.timeout ?? 60_000,
    // SARIF of a few hundred findings is over spawnSync's default 1 MiB.
    maxBuffer: 1 << 26,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
