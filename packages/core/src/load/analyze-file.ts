import { parseFile, type ParsedFile } from '../parse/parse-file';
import { CommentSuppressions } from '../suppress/suppressions';
import { decodeFile, type DecodedFile } from './decode';
import { readBounded, type ReadProblem } from './read-bounded';

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

/**
 * Most YAML indicators (`:`, `-`, `,`, `[`, `{`, `?`) a file may hold. Each entry of a map or a
 * sequence needs one, and parsing costs a few hundred bytes of memory per entry, so this bounds
 * what any file can take: real manifests hold about 3 indicators per 100 characters (the largest
 * real file seen, 1 MB, 44,000), so a 10 MB manifest holds some 300,000.
 */
export const MAX_INDICATORS = 500_000;

export function analyzeText({ text, problem }: DecodedFile): AnalyzedFile | UnreadableFile {
  // Without its byte order mark, so that columns on line 1 are the ones editors and GitHub show.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (indicatorCount(body) > MAX_INDICATORS) return { unreadable: `file holds more than ${MAX_INDICATORS} YAML indicators (: - , [ { ?): not read, it could take gigabytes to parse` };
  return { problem, parsed: parseFile(body), comments: CommentSuppressions.fromText(body) };
}

export function indicatorCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // : - , [ { ?
    if (code === 0x3a || code === 0x2d || code === 0x2c || code === 0x5b || code === 0x7b || code === 0x3f) count++;
  }
  return count;
}

export function analyzePath(absolutePath: string, maxFileSize: number): AnalyzedFile | UnreadableFile {
  const bytes = readBounded(absolutePath, maxFileSize);
  return Buffer.isBuffer(bytes) ? analyzeText(decodeFile(bytes)) : unreadable(bytes, maxFileSize);
}

/** The `file-unreadable` message for a file the bounded reader did not read. */
function unreadable(problem: ReadProblem, maxFileSize: number): UnreadableFile {
  switch (problem.kind) {
    case 'error':
      return { unreadable: `file cannot be read (${problem.code}): not linted` };
    case 'not-a-file':
      return { unreadable: 'not a regular file (a FIFO, socket or device): not read' };
    case 'too-large':
      // size null: the file turned out longer than it said, so its real size is not known.
      if (problem.size === null) return { unreadable: `file is longer than maxFileSize (${maxFileSize} bytes): not read` };
      return { unreadable: `file is ${problem.size} bytes, more than maxFileSize (${maxFileSize}): not read` };
  }
}
