import { InputError } from '@k8s-lint/core';
import { randomBytes } from 'node:crypto';
import { closeSync, lstatSync, openSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import path from 'node:path';

/**
 * A file k8s-lint writes (`--output`, `--write-baseline`). In CI the directory is often the
 * checkout of a pull request, so the path is treated as the pull request's: a symbolic link at
 * it is never written through, and the file is replaced, never written in place.
 */
export interface WriteTarget {
  /** The option that named it, for messages. */
  option: string;
  /** Absolute path. */
  file: string;
  /** Relative to the working directory, for messages. */
  shown: string;
}

/** Relative to `cwd` with `/` separators, as every path in k8s-lint's messages. */
export function shownPath(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/') || '.';
}

/**
 * Checks the path an option names before anything is linted or written; an InputError (exit 2)
 * for an empty name, a symbolic link (at the path, or a directory of it below the working
 * directory), a directory or other non-regular file, or a directory that does not exist.
 */
export function writeTarget(option: string, name: string, cwd: string): WriteTarget {
  if (name === '') throw new InputError(`${option} needs a file name`);
  const file = path.resolve(cwd, name);
  const target = { option, file, shown: shownPath(cwd, file) };
  const refuse = (problem: string): never => {
    throw new InputError(`${option} ${target.shown}: ${problem}`);
  };
  // A link among the directories below the working directory would take the file elsewhere.
  const below = path.relative(cwd, path.dirname(file));
  if (below !== '' && !below.startsWith('..') && !path.isAbsolute(below)) {
    let directory = cwd;
    for (const part of below.split(path.sep)) {
      directory = path.join(directory, part);
      const stat = lstatOrUndefined(directory, refuse);
      if (!stat) refuse(`directory ${shownPath(cwd, directory)} does not exist`);
      else if (stat.isSymbolicLink()) refuse(`refusing to write through a symbolic link (${shownPath(cwd, directory)})`);
      else if (!stat.isDirectory()) refuse(`${shownPath(cwd, directory)} is not a directory`);
    }
  } else {
    const parent = statOrUndefined(path.dirname(file), refuse);
    if (!parent) refuse(`directory ${shownPath(cwd, path.dirname(file))} does not exist`);
    else if (!parent.isDirectory()) refuse(`${shownPath(cwd, path.dirname(file))} is not a directory`);
  }
  const stat = lstatOrUndefined(file, refuse);
  if (stat?.isSymbolicLink()) refuse('refusing to write through a symbolic link');
  if (stat?.isDirectory()) refuse('is a directory');
  if (stat && !stat.isFile()) refuse('not a regular file');
  return target;
}

/**
 * Writes `chunks` to a new file beside the target (exclusive create, an unpredictable name, the
 * umask's usual mode), then renames it over the target: a link or file put at the path after the
 * checks is replaced, never followed. The temporary file is removed on any failure.
 */
export function writeFileSafely(target: WriteTarget, chunks: Iterable<string>): void {
  const temporary = path.join(path.dirname(target.file), `.k8s-lint-${randomBytes(9).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx', 0o666);
    writeAll(fd, chunks);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, target.file);
  } catch (error) {
    if (fd !== undefined) closeQuietly(fd);
    rmSync(temporary, { force: true });
    // File-system errors are the user's to fix (exit 2); anything else is a bug and stays one.
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && (error as NodeJS.ErrnoException).syscall !== undefined) throw new InputError(`${target.option} ${target.shown}: cannot write: ${code}`);
    throw error;
  }
}

/** Pieces are joined into writes of about 64 KB: few system calls, little memory. */
const WRITE_SIZE = 1 << 16;

function writeAll(fd: number, chunks: Iterable<string>): void {
  let pending = '';
  for (const chunk of chunks) {
    pending += chunk;
    if (pending.length >= WRITE_SIZE) {
      writeBuffer(fd, Buffer.from(pending, 'utf8'));
      pending = '';
    }
  }
  if (pending !== '') writeBuffer(fd, Buffer.from(pending, 'utf8'));
}

function writeBuffer(fd: number, buffer: Buffer): void {
  for (let offset = 0; offset < buffer.length; ) offset += writeSync(fd, buffer, offset, buffer.length - offset);
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already failing; the first error is the one to report.
  }
}

function lstatOrUndefined(file: string, refuse: (problem: string) => never): Stats | undefined {
  try {
    return lstatSync(file);
  } catch (error) {
    return missingOrRefuse(error, refuse);
  }
}

function statOrUndefined(file: string, refuse: (problem: string) => never): Stats | undefined {
  try {
    return statSync(file);
  } catch (error) {
    return missingOrRefuse(error, refuse);
  }
}

function missingOrRefuse(error: unknown, refuse: (problem: string) => never): undefined {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return undefined;
  return refuse(`cannot write: ${code ?? String(error)}`);
}
