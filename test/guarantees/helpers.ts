/**
 * Shared pieces of the guarantee tests: temporary trees, running the built CLI with an exact
 * environment, fake programs that record how they were called, a recorder of every process the
 * CLI starts, directory snapshots, and whether a network namespace can be created here.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLI, REPO_ROOT } from '../helpers/cli';
import type { JsonFinding } from '../helpers/json-report';
export type { JsonFinding } from '../helpers/json-report';

export { CLI, REPO_ROOT };
export const BUNDLE = path.join(REPO_ROOT, 'bin', 'k8s-lint.cjs');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A new empty directory under the system temporary directory, as its real path (no symlinks). */
export function tempDir(prefix: string): string {
  return realpathSync(mkdtempSync(path.join(tmpdir(), `k8s-lint-guarantee-${prefix}-`)));
}

/** Writes `files` (relative path → text) under `root`; those named in `executable` get mode 0755. */
export function writeTree(root: string, files: Record<string, string>, executable: readonly string[] = []): string {
  for (const [relative, text] of Object.entries(files)) {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    if (executable.includes(relative)) chmodSync(file, 0o755);
  }
  return root;
}

/**
 * Runs a program with exactly `env` (nothing inherited), so that HOME, TMPDIR and PATH are what
 * the test says. NO_COLOR keeps the stylish report free of escape codes.
 */
export function run(program: string, args: readonly string[], options: { cwd: string; env: Record<string, string> }): Run {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`pnpm build\` before these tests`);
  const result = spawnSync(program, [...args], { cwd: options.cwd, env: { NO_COLOR: '1', ...options.env }, encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 26 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the built CLI (`packages/cli/dist/bin.js`, or the bundle) with exactly `env` plus PATH when not given. */
export function lint(args: readonly string[], options: { cwd: string; env?: Record<string, string>; entry?: string }): Run {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), ...options.env };
  return run(process.execPath, [options.entry ?? CLI, ...args], { cwd: options.cwd, env });
}

/** PATH with `directories` first, then the test process's own PATH. */
export function pathWith(...directories: string[]): string {
  return [...directories, process.env.PATH ?? ''].join(path.delimiter);
}

export interface ProgramCall {
  program: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
}

/**
 * Fake programs in `directory` that append how they were called (name, arguments, working
 * directory, environment) as one JSON line to `log`, print `stdout` and exit 0. Each is a Node
 * script with an absolute interpreter path, so it runs under the reduced environment of the
 * renderer too.
 */
export function fakePrograms(directory: string, log: string, names: readonly string[], stdout = ''): void {
  mkdirSync(directory, { recursive: true });
  for (const name of names) {
    const script = [
      `#!${process.execPath}`,
      "const fs = require('fs');",
      `fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({ program: ${JSON.stringify(name)}, args: process.argv.slice(2), cwd: process.cwd(), env: process.env }) + '\\n');`,
      `process.stdout.write(${JSON.stringify(stdout)});`,
      '',
    ].join('\n');
    writeFileSync(path.join(directory, name), script, { mode: 0o755 });
  }
}

export function readCalls(log: string): ProgramCall[] {
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as ProgramCall);
}

export interface SpawnRecord {
  method: string;
  file: string;
  args: string[];
  shell: unknown;
}

/**
 * A `--require` preload that records every child_process call of the CLI (spawn, exec,
 * execFile, fork and their sync forms) to a log before making it. Returns the NODE_OPTIONS
 * value that loads it and the log's path.
 */
export function spawnRecorder(directory: string): { nodeOptions: string; log: string } {
  mkdirSync(directory, { recursive: true });
  const log = path.join(directory, 'spawns.jsonl');
  const preload = path.join(directory, 'record-spawns.js');
  writeFileSync(
    preload,
    [
      "'use strict';",
      "const childProcess = require('child_process');",
      "const fs = require('fs');",
      "for (const method of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {",
      '  const original = childProcess[method];',
      '  childProcess[method] = function recorded(file, ...rest) {',
      '    const args = Array.isArray(rest[0]) ? rest[0].map(String) : [];',
      "    const options = rest.find((item) => item !== null && typeof item === 'object' && !Array.isArray(item));",
      `    fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({ method, file: String(file), args, shell: options ? options.shell : undefined }) + '\\n');`,
      '    return original.call(this, file, ...rest);',
      '  };',
      '}',
      '',
    ].join('\n'),
  );
  if (/\s/.test(preload)) throw new Error(`the preload path must not contain spaces: ${preload}`);
  return { nodeOptions: `--require ${preload}`, log };
}

export function readSpawns(log: string): SpawnRecord[] {
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as SpawnRecord);
}

/**
 * Every entry under `root`, sorted: `d dir/`, `f file <size> <sha256>`, `l link -> target`.
 * Two equal snapshots mean nothing was created, removed or changed.
 */
export function snapshot(root: string): string[] {
  const entries: string[] = [];
  const visit = (directory: string): void => {
    for (const name of readdirSync(directory).sort()) {
      const file = path.join(directory, name);
      const relative = path.relative(root, file).split(path.sep).join('/');
      const stat = lstatSync(file);
      if (stat.isSymbolicLink()) entries.push(`l ${relative} -> ${readlinkSync(file)}`);
      else if (stat.isDirectory()) {
        entries.push(`d ${relative}/`);
        visit(file);
      } else entries.push(`f ${relative} ${stat.size} ${createHash('sha256').update(readFileSync(file)).digest('hex')}`);
    }
  };
  visit(root);
  return entries;
}

/** Paths of every file and directory under `root` whose name contains `needle`. */
export function findNamed(root: string, needle: string): string[] {
  return snapshot(root)
    .map((entry) => entry.slice(2).split(' ')[0] ?? '')
    .filter((relative) => path.basename(relative.replace(/\/$/, '')).includes(needle));
}

export type Namespace = { ok: true; prefix: string[] } | { ok: false; reason: string };

/**
 * How to run a command in a new network namespace (only a loopback interface, down): `unshare -n`
 * as root, else `unshare -rn` (a user namespace maps the user to root). Not ok, with the reason,
 * when unshare is missing or the kernel or sandbox refuses.
 */
export function networkNamespace(): Namespace {
  const candidates = process.getuid?.() === 0 ? [['unshare', '-n'], ['unshare', '-rn']] : [['unshare', '-rn']];
  let reason = 'unshare is not installed';
  for (const prefix of candidates) {
    const [command = 'unshare', ...flags] = prefix;
    const probe = spawnSync(command, [...flags, process.execPath, '-e', ''], { encoding: 'utf8', timeout: 30_000 });
    if (probe.error) {
      reason = (probe.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'unshare is not installed' : probe.error.message;
      continue;
    }
    if (probe.status === 0) return { ok: true, prefix };
    reason = `\`${prefix.join(' ')}\` is not permitted here: ${probe.stderr.trim().split('\n')[0] ?? `exit ${probe.status}`}`;
  }
  return { ok: false, reason };
}

/** kubectl on the PATH, as the renderer finds it, or null. */
export function kubectlOnPath(): string | null {
  for (const directory of (process.env.PATH ?? '').split(path.delimiter)) {
    if (directory === '') continue;
    const candidate = path.join(directory, 'kubectl');
    try {
      const stat = lstatSync(realpathSync(candidate));
      if (stat.isFile() && spawnSync(candidate, ['version', '--client'], { encoding: 'utf8', timeout: 30_000 }).status === 0) return candidate;
    } catch {
      // Not here.
    }
  }
  return null;
}

/** `describe`, or `describe.skip` with the reason in a visible SKIPPED title. */
export function describeIf(condition: boolean, title: string, reason: string): (fn: () => void) => void {
  return (fn) => (condition ? describe(title, fn) : describe.skip(`${title} (SKIPPED: ${reason})`, fn));
}

export const PRIVILEGED_POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: p',
  'spec:',
  '  containers:',
  '    - name: a',
  '      image: nginx:1',
  '      securityContext:',
  '        privileged: true',
  '',
].join('\n');

export function jsonFindings(stdout: string): JsonFinding[] {
  return (JSON.parse(stdout) as { findings: JsonFinding[] }).findings;
}
