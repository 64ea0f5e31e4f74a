import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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

/**
 * The default runner. The environment is reduced to PATH plus an empty temporary HOME, so no
 * kubeconfig, cloud credentials, Helm repositories or registry logins of the user are visible:
 * rendering a local kustomization or chart needs none of them, and nothing can reach a cluster.
 * The same directory is the program's TMPDIR, so whatever it writes to its home, caches or
 * temporary files is removed with it when the program ends.
 */
export const execRunner: ProgramRunner = (program, args, options) =>
  new Promise((resolve) => {
    let home: string;
    try {
      home = mkdtempSync(path.join(os.tmpdir(), 'k8s-lint-render-'));
    } catch (error) {
      // A missing or read-only temporary directory is a render failure, reported like any other.
      resolve({ exitCode: null, stdout: '', stderr: '', failure: `cannot create a temporary directory in ${os.tmpdir()}: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
      return;
    }
    const env = { PATH: process.env.PATH ?? '', HOME: home, TMPDIR: home, LANG: 'C', KUBECONFIG: path.join(home, 'no-kubeconfig') };
    execFile(
      program,
      [...args],
      { cwd: options.cwd, env, timeout: options.timeoutMs, maxBuffer: MAX_OUTPUT_BYTES, encoding: 'utf8', windowsHide: true },
      (error, stdout, stderr) => {
        rmSync(home, { recursive: true, force: true });
        if (!error) return resolve({ exitCode: 0, stdout, stderr, failure: null });
        const code = typeof error.code === 'number' ? error.code : null;
        const failure = error.killed ? `timed out after ${options.timeoutMs / 1000}s` : code === null ? error.message : null;
        resolve({ exitCode: code, stdout, stderr, failure });
      },
    );
  });
