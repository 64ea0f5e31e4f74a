import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { parseFile, type ParsedFile } from '../parse/parse-file';
import { CommentSuppressions } from '../suppress/suppressions';
import { decodeFile, type DecodedFile } from './decode';

/** A file decoded and parsed: all the engine needs of it, as data that can cross worker threads. */
export interface AnalyzedFile {
  /** Encoding problem (binary, UTF-16, invalid UTF-8), reported at 1:1. */
  problem: string | null;
  parsed: ParsedFile;
  comments: CommentSuppressions;
}

/** A file that was not read, and why: reported as a `file-unreadable` finding. */
export interface UnreadableFile {
  unreadable: string;
}

/** Default `maxFileSize`: far above any manifest, far below what would strain memory. */
export const DEFAULT_MAX_FILE_SIZE = 10_000_000;

export function analyzeText({ text, problem }: DecodedFile): AnalyzedFile {
  // Without its byte order mark, so that columns on line 1 are the ones editors and GitHub show.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return { problem, parsed: parseFile(body), comments: CommentSuppressions.fromText(body) };
}

export function analyzePath(absolutePath: string, maxFileSize: number): AnalyzedFile | UnreadableFile {
  const bytes = readBounded(absolutePath, maxFileSize);
  return Buffer.isBuffer(bytes) ? analyzeText(decodeFile(bytes)) : bytes;
}

/** The file's bytes, read once and never more than `maxFileSize` of them. */
function readBounded(absolutePath: string, maxFileSize: number): Buffer | UnreadableFile {
  let fd: number;
  try {
    // Non-blocking: opening a FIFO put in place of a file must not wait for a writer.
    fd = openSync(absolutePath, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { unreadable: `file cannot be read (${codeOf(error)}): not linted` };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { unreadable: 'not a regular file (a FIFO, socket or device): not read' };
    if (stat.size > maxFileSize) return { unreadable: `file is ${stat.size} bytes, more than maxFileSize (${maxFileSize}): not read` };
    const bytes = Buffer.alloc(stat.size);
    let filled = 0;
    while (filled < bytes.length) {
      const read = readSync(fd, bytes, filled, bytes.length - filled, null);
      if (read === 0) break;
      filled += read;
    }
    return filled === bytes.length ? bytes : bytes.subarray(0, filled);
  } catch (error) {
    return { unreadable: `file cannot be read (${codeOf(error)}): not linted` };
  } finally {
    closeSync(fd);
  }
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}
