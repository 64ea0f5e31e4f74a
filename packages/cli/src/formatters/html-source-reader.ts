import { readBounded, STDIN_PATH, type LintResult } from '@k8s-lint/core';
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
  // Not through a symbolic link, never a FIFO or device, never more than maxBytes.
  const bytes = readBounded(absolutePath, maxBytes, { followLinks: false });
  return Buffer.isBuffer(bytes) ? bytes.toString('utf8') : undefined;
}
