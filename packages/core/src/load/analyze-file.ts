import { readFileSync } from 'node:fs';
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

/** A file that could not be read: the error code, thrown by the engine in input order. */
export interface UnreadableFile {
  readError: string;
}

export function analyzeText({ text, problem }: DecodedFile): AnalyzedFile {
  return { problem, parsed: parseFile(text), comments: CommentSuppressions.fromText(text) };
}

export function analyzePath(absolutePath: string): AnalyzedFile | UnreadableFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolutePath);
  } catch (error) {
    return { readError: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
  return analyzeText(decodeFile(bytes));
}
