import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isolatedEnvironment, namespaceOptions } from './isolation';

export interface RunResult {
  /** Exit code; null when the program was killed (timeout) or could not start. */
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** Why the program did not run to completion (spawn error, timeout), if it did not. */
  failure: string | null;
}

export interface RunOptions {
  cwd: string;
  timeoutMs: number;
}

/** Runs a program with an argument array (never a shell). Injectable so unit tests need no binaries. */
export type ProgramRunner = (program: string, args: readonly string[], options: RunOptions) => Promise<RunResult>;

/** Absolute path of a program on the PATH, or null. Injectable for tests. */
export type ProgramLocator = (name: string) => string | null;

export const RENDER_TIMEOUT_MS = 60_000;
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

export const findOnPath: ProgramLocator = (name) => {
  for (const directory of (process.env.PATH ?? '').split(path.delimiter)) {
    if (directory === '') continue;
    const candidate = path.join(directory, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // Not here; keep looking.
    }
  }
  return null;
};

/** How long the namespace probe may take: starting node in a new namespace takes milliseconds. */
const PROBE_TIMEOUT_MS = 10_000;

let isolation: Promise<string[]> | undefined;

/**
 * The command prefix that runs a program without network (`<unshare> -n --` or `-rn --`), or
 * none where the platform does not allow it (no unshare, not Linux, a sandbox that refuses).
 * Probed once per process, on first use, by starting node in a new namespace.
 */
export function networkIsolation(): Promise<string[]> {
  isolation ??= probeIsolation();
  return isolation;
}

async function probeIsolation(): Promise<string[]> {
  const unshare = findOnPath('unshare');
  if (!unshare) return [];
  for (const options of namespaceOptions(process.getuid?.())) {
    const prefix = [unshare, ...options, '--'];
    const works = await new Promise<boolean>((resolve) => {
      execFile(unshare, [...options, '--', process.execPath, '-e', ''], { env: { PATH: process.env.PATH ?? '' }, timeout: PROBE_TIMEOUT_MS, windowsHide: true }, (error) => resolve(!error));
    });
    if (works) return prefix;
  }
  return [];
}

/**
 * The default runner. The environment is reduced (see isolatedEnvironment): no kubeconfig,
 * cloud credentials, Helm repositories, registry logins or git credentials of the user are
 * visible, every proxy points at a closed port, and where the platform allows it the program
 * runs in a network namespace of its own: rendering a local kustomization or chart needs none
 * of that, and nothing can reach a cluster or fetch anything. The temporary HOME is also the
 * program's TMPDIR, so whatever it writes to its home, caches or temporary files is removed
 * with it when the program ends.
 */
export const execRunner: ProgramRunner = async (program, args, options) => {
  let home: string;
  try {
    home = mkdtempSync(path.join(os.tmpdir(), 'k8s-lint-render-'));
  } catch (error) {
    // A missing or read-only temporary directory is a render failure, reported like any other.
    return { exitCode: null, stdout: '', stderr: '', failure: `cannot create a temporary directory in ${os.tmpdir()}: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
  const [command = program, ...commandArgs] = [...(await networkIsolation()), program, ...args];
  return new Promise((resolve) => {
    execFile(
      command,
      commandArgs,
      { cwd: options.cwd, env: isolatedEnvironment(home), timeout: options.timeoutMs, maxBuffer: MAX_OUTPUT_BYTES, encoding: 'utf8', windowsHide: true },
      (error, stdout, stderr) => {
        rmSync(home, { recursive: true, force: true });
        if (!error) return resolve({ exitCode: 0, stdout, stderr, failure: null });
        const code = typeof error.code === 'number' ? error.code : null;
        const failure = error.killed ? `timed out after ${options.timeoutMs / 1000}s` : code === null ? error.message : null;
        resolve({ exitCode: code, stdout, stderr, failure });
      },
    );
  });
};
