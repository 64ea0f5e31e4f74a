import { spawnSync } from 'node:child_process';

/**
 * The environment for running npm as a user would: without the npm_* variables that pnpm sets
 * when it runs the test script (they would turn into npm configuration).
 */
export function userEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { NO_COLOR: '1' };
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.toLowerCase().startsWith('npm_') && key !== 'FORCE_COLOR') env[key] = value;
  }
  return { ...env, ...extra };
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program with an argument array (no shell); throws when it cannot be started. */
export function run(program: string, args: string[], cwd: string, options: { env?: Record<string, string>; timeoutMs?: number } = {}): Run {
  const result = spawnSync(program, args, {
    cwd,
    encoding: 'utf8',
    env: userEnv(options.env),
    timeout: options.timeoutMs ?? 120_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Fails with the program's output, which says more than "expected 0, received 1". */
export function expectSuccess(result: Run, what: string): void {
  if (result.status !== 0) throw new Error(`${what} exited ${result.status}\n${result.stdout}\n${result.stderr}`);
}
