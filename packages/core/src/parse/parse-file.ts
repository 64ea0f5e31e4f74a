import { LineCounter, parseAllDocuments, type Document, type ParseOptions, type DocumentOptions, type SchemaOptions } from 'yaml';
import type { SourceRange } from '../types';

/** One YAML document of a file, parsed with positions. */
export interface ParsedDocument {
  /** 0-based position of the document in its file's stream. */
  index: number;
  document: Document.Parsed;
  lineCounter: LineCounter;
  /** Plain JavaScript value of the document; undefined when it failed to parse. */
  value: unknown;
  /** Template named by a Helm `# Source:` comment before the document. */
  helmSource: string | null;
}

export interface SyntaxProblem extends SourceRange {
  documentIndex: number;
  message: string;
}

export interface ParsedFile {
  documents: ParsedDocument[];
  problems: SyntaxProblem[];
}

// Kubernetes decodes manifests with YAML 1.1 rules (go-yaml v2): `yes`/`on` are booleans and
// `<<` merges maps. Timestamps stay strings, as the API server sees them in string fields.
const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  merge: true,
  uniqueKeys: true,
  prettyErrors: true,
  // Library warnings (e.g. templated `{{ }}` keys) would go to process warnings on stderr.
  logLevel: 'error',
  customTags: (tags) => tags.filter((tag) => typeof tag === 'string' || tag.tag !== 'tag:yaml.org,2002:timestamp'),
};

// Bounds alias expansion so that "billion laughs" documents fail fast instead of exhausting memory.
const MAX_ALIAS_COUNT = 1000;

const HELM_SOURCE = /^\s*Source:\s*(\S.*?)\s*$/m;

export function parseFile(text: string): ParsedFile {
  const lineCounter = new LineCounter();
  const documents: ParsedDocument[] = [];
  const problems: SyntaxProblem[] = [];
  const stream = parseAllDocuments(text, { ...YAML_OPTIONS, lineCounter });
  stream.forEach((document, index) => {
    const error = document.errors[0];
    if (error) {
      problems.push({ documentIndex: index, message: cleanMessage(error.message), ...errorRange(error, lineCounter) });
      return;
    }
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (thrown) {
      const start = lineCounter.linePos(document.range[0]);
      const message = cleanMessage(thrown instanceof Error ? thrown.message : String(thrown));
      problems.push({ documentIndex: index, message, line: start.line, column: start.col, endLine: start.line, endColumn: start.col });
      return;
    }
    documents.push({ index, document, lineCounter, value, helmSource: helmSourceOf(document) });
  });
  return { documents, problems };
}

function errorRange(error: { pos: [number, number]; linePos?: [{ line: number; col: number }] | [{ line: number; col: number }, { line: number; col: number }] }, lineCounter: LineCounter): SourceRange {
  const start = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0]);
  const end = error.linePos?.[1] ?? start;
  return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
}

/** The yaml package appends a source excerpt to messages; findings carry the location separately. */
function cleanMessage(message: string): string {
  // The parser runs out of stack on absurdly deep nesting; say what that means for the file.
  if (message.includes('Maximum call stack size exceeded')) return 'document is nested too deeply to be read';
  const firstLine = message.split('\n')[0] ?? message;
  return firstLine.replace(/ at line \d+, column \d+:?$/, '');
}

function helmSourceOf(document: Document.Parsed): string | null {
  const comments = [document.commentBefore, document.contents?.commentBefore];
  for (const comment of comments) {
    const match = comment ? HELM_SOURCE.exec(comment) : null;
    if (match?.[1]) return match[1];
  }
  return null;
}
