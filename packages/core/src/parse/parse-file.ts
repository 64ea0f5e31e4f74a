import { Composer, Parser, type CST, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions, type YAMLError } from 'yaml';
import type { SourceRange } from '../types';
import { lineStartsOf, linePos, type LineStarts } from './line-starts';
import { brokenBound, type BrokenBound } from './nesting';
import { indexDocument, MAX_ALIAS_NODES_PER_DOCUMENT, type SourceIndex } from './source-index';

/** One YAML document of a file: its value and, instead of the syntax tree, what locating needs. */
export interface ParsedDocument {
  /** 0-based position of the document in its file's stream. */
  index: number;
  source: SourceIndex;
  /** Line starts of the whole file (shared by its documents). */
  lines: LineStarts;
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
  // Duplicate keys are found by indexDocument in linear time (the package's check is quadratic).
  uniqueKeys: false,
  // Library warnings (e.g. templated `{{ }}` keys) would go to process warnings on stderr.
  logLevel: 'error',
  customTags: (tags) => tags.filter((tag) => typeof tag === 'string' || tag.tag !== 'tag:yaml.org,2002:timestamp'),
};

// The yaml package's `maxAliasCount`: how far resolving aliases may multiply the nodes a document
// expands to, so that "billion laughs" documents fail fast instead of exhausting memory. (The
// number of alias nodes a document may hold is MAX_ALIAS_NODES_PER_DOCUMENT.)
const MAX_ALIAS_EXPANSION = 1000;

const HELM_SOURCE = /^\s*Source:\s*(\S.*?)\s*$/m;

export function parseFile(text: string): ParsedFile {
  const lines = lineStartsOf(text);
  // Offsets clamped to the text: the parser puts some errors just past its end (or at -1).
  const position = (offset: number): { line: number; col: number } => linePos(lines, Math.min(Math.max(offset, 0), text.length));
  const documents: ParsedDocument[] = [];
  const problems: SyntaxProblem[] = [];
  const broken = new Map<number, BrokenBound>();
  // One document at a time, from tokens to value: only the current one's syntax tree is alive.
  let index = -1;
  for (const document of new Composer(YAML_OPTIONS).compose(bounded(new Parser().parse(text), broken))) {
    index++;
    const bound = broken.get(index);
    if (bound) {
      const { line, col } = position(bound.offset);
      problems.push({ documentIndex: index, message: bound.message, line, column: col, endLine: line, endColumn: col });
      continue;
    }
    try {
      const { source, duplicateKeyAt, duplicateKey, aliases, tooManyAliasesAt } = indexDocument(document);
      const error = document.errors[0];
      if (tooManyAliasesAt >= 0) {
        const at = position(tooManyAliasesAt);
        problems.push({ documentIndex: index, message: `document has ${aliases} aliases, more than ${MAX_ALIAS_NODES_PER_DOCUMENT}: not read (resolving them would take too long)`, line: at.line, column: at.col, endLine: at.line, endColumn: at.col });
        continue;
      }
      // The earlier of the parser's first error and the first duplicate key, as the parser would report them.
      if (duplicateKeyAt >= 0 && (!error || duplicateKeyAt < error.pos[0])) {
        const start = position(duplicateKeyAt);
        const end = position(duplicateKeyAt + 1);
        problems.push({ documentIndex: index, message: duplicateKeyMessage(duplicateKey ?? ''), line: start.line, column: start.col, endLine: end.line, endColumn: end.col });
      } else if (error) {
        problems.push({ documentIndex: index, message: cleanMessage(error.message), ...errorRange(error, position) });
      }
      // A duplicate key alone still leaves a value: the last of each key wins, as in `toJS` (and
      // locate.ts finds the last occurrence), so what the file leaks is still reported.
      if (!error) {
        const value: unknown = document.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
        documents.push({ index, source, lines, value, helmSource: helmSourceOf(document) });
      }
    } catch (thrown) {
      const start = position(document.range[0]);
      const message = cleanMessage(thrown instanceof Error ? thrown.message : String(thrown));
      problems.push({ documentIndex: index, message, line: start.line, column: start.col, endLine: start.line, endColumn: start.col });
    }
  }
  return { documents, problems };
}

/**
 * Passes the parser's tokens on to the composer, emptying each document that breaks a bound (too
 * deep, too many entries) and noting where (by document index), so that it is never composed.
 */
function* bounded(tokens: Generator<CST.Token>, broken: Map<number, BrokenBound>): Generator<CST.Token> {
  let documentIndex = 0;
  for (const token of tokens) {
    if (token.type === 'document') {
      const bound = brokenBound(token);
      if (bound) {
        broken.set(documentIndex, bound);
        yield { ...token, value: undefined };
      } else yield token;
      documentIndex++;
    } else yield token;
  }
}

/** Like the yaml package's `prettyErrors`: both ends located when the error has a position. */
function errorRange(error: YAMLError, position: (offset: number) => { line: number; col: number }): SourceRange {
  const start = position(error.pos[0]);
  const end = error.pos[0] === -1 ? start : position(error.pos[1]);
  return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
}

// Keys can be long (a whole certificate as a key): the message names a prefix.
const MAX_KEY_IN_MESSAGE = 60;

function duplicateKeyMessage(key: string): string {
  const shown = key.length > MAX_KEY_IN_MESSAGE ? `${key.slice(0, MAX_KEY_IN_MESSAGE)}…` : key;
  return `Map keys must be unique: key ${JSON.stringify(shown)} is repeated`;
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
