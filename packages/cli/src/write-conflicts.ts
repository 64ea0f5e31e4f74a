import { InputError, STDIN_PATH } from '@k8s-lint/core';
import { closeSync, constants, openSync, readSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { WriteTarget } from './write-file-safely';

/** A file the run reads, with what it is for messages. */
export interface ReadFile {
  /** Absolute path. */
  file: string;
  what: string;
  /** Found in a linted directory: may be replaced when it holds an earlier report or baseline. */
  found?: boolean;
}

/**
 * `--output` and `--write-baseline` never replace a file the run reads: a manifest, the
 * configuration, a values or baseline file (`-o manifest.yaml` used to overwrite it). Files
 * are compared as files (device and inode), so links and `..` make no difference. One exception
 * keeps re-running a command working: a file found in a linted directory that holds a report or
 * baseline k8s-lint wrote, or nothing, has nothing to lose (`k8s-lint . --write-baseline
 * .k8s-lint-baseline.json` lints the baseline it replaces, a document without apiVersion/kind).
 */
export function refuseReadFiles(targets: readonly WriteTarget[], reads: Iterable<ReadFile>): void {
  const existing = targets.map((target) => ({ target, stat: statOrUndefined(target.file) })).filter((entry) => entry.stat !== undefined);
  if (existing.length === 0) return;
  for (const read of reads) {
    const stat = statOrUndefined(read.file);
    if (!stat) continue;
    for (const { target, stat: targetStat } of existing) {
      if (targetStat && sameFile(stat, targetStat) && !(read.found && holdsOwnOutput(target.file))) {
        throw new InputError(`${target.option} ${target.shown}: refusing to overwrite ${read.what} of this run`);
      }
    }
  }
}

/** Two options must not name the same file: one would silently replace the other. */
export function refuseSameTarget(targets: readonly WriteTarget[]): void {
  for (const [index, target] of targets.entries()) {
    for (const other of targets.slice(index + 1)) {
      const stat = statOrUndefined(target.file);
      const otherStat = statOrUndefined(other.file);
      if (target.file === other.file || (stat && otherStat && sameFile(stat, otherStat))) {
        throw new InputError(`${target.option} ${target.shown} and ${other.option} ${other.shown} name the same file`);
      }
    }
  }
}

/**
 * The files a run linted (display paths, relative to `cwd`), as ReadFiles; only those named
 * like a target can be one of them (the linter does not follow links inside directories).
 */
export function lintedFiles(files: readonly string[], cwd: string, targets: readonly WriteTarget[]): ReadFile[] {
  const names = new Set(targets.map((target) => path.basename(target.file)));
  return files.filter((file) => file !== STDIN_PATH && names.has(path.posix.basename(file))).map((file) => ({ file: path.resolve(cwd, file), what: 'a linted file', found: true }));
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/** How k8s-lint's JSON report, baseline, SARIF log and JUnit report begin. */
const OWN_OUTPUT_STARTS = [
  /^\{\n {2}"tool": \{\n {4}"name": "k8s-lint",/,
  /^\{\n {2}"version": \d+,\n {2}"entries": \[/,
  /^\{\n {2}"\$schema": "[^"\n]*sarif[^"\n]*",\n {2}"version": "2\.1\.0",\n {2}"runs": \[\n {4}\{\n {6}"tool": \{\n {8}"driver": \{\n {10}"name": "k8s-lint",/,
  /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="k8s-lint"/,
];

function holdsOwnOutput(file: string): boolean {
  let fd: number | undefined;
  try {
    // Never blocks (the target was checked to be a regular file, but it is read again here).
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const buffer = Buffer.alloc(512);
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    const start = buffer.subarray(0, length).toString('utf8');
    return length === 0 || OWN_OUTPUT_STARTS.some((pattern) => pattern.test(start));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** What a run reads that is known before linting: files named as paths, the configuration, values and baseline files. */
export function filesNamedForRun(options: { paths: readonly string[]; cwd: string; configFile: string | null; values: readonly string[]; baseline?: string }): ReadFile[] {
  const resolve = (file: string): string => path.resolve(options.cwd, file);
  return [
    // Directories and globs among the paths match no file here; what they held is checked after linting.
    ...options.paths.filter((file) => file !== '-').map((file) => ({ file: resolve(file), what: 'a linted file' })),
    ...(options.configFile ? [{ file: options.configFile, what: 'the configuration file' }] : []),
    ...options.values.map((file) => ({ file: resolve(file), what: 'a values file' })),
    ...(options.baseline ? [{ file: options.baseline, what: 'the baseline' }] : []),
  ];
}
