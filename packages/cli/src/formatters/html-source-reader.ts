import { STDIN_PATH, type LintResult } from '@k8s-lint/core';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';

export interface SourceReaderOptions {
  cwd: string;
  /** The run's maxFileSize: a file larger than this was not linted, so it has no excerpt either. */
  maxBytes: number;
  /** What `-` read, for findings on `<stdin>`. */
  stdinText?: string;
}

/**
 * The source text of files a finding names (its display path, resolved from the working
 * directory), for the HTML report's excerpts: files the run read, and the sources inside the
 * working directory that `--kustomize` and `--helm` findings are mapped to. Any other name, a
 * symbolic link, a device or FIFO, a file over `maxBytes` or one that cannot be read gives
 * undefined: the finding is then shown without its excerpt. Nothing is kept: the report asks
 * once per file.
 */
export function sourceReader(result: LintResult, options: SourceReaderOptions): (file: string) => string | undefined {
  const read = new Set(result.files);
  const inside = (file: string): boolean => !path.isAbsolute(file) && !file.split('/').includes('..');
  const named = new Set(result.findings.map((finding) => finding.file).filter((file) => read.has(file) || inside(file)));
  return (file) => {
    if (!named.has(file)) return undefined;
    if (file === STDIN_PATH) return options.stdinText;
    return readText(path.resolve(options.cwd, file), options.maxBytes);
  };
}

function readText(absolutePath: string, maxBytes: number): string | undefined {
  let fd: number;
  try {
    // Not through a symbolic link; non-blocking, so that a FIFO put in the file's place never waits.
    fd = openSync(absolutePath, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > maxBytes) return undefined;
    const bytes = Buffer.alloc(stat.size);
    let filled = 0;
    while (filled < bytes.length) {
      const count = readSync(fd, bytes, filled, bytes.length - filled, null);
      if (count === 0) break;
      filled += count;
    }
    return bytes.subarray(0, filled).toString('utf8');
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
