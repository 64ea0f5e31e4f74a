import { linePos, type LineStarts } from '../parse/line-starts';
import { locate, scalarSpan, type Locatable } from '../parse/locate';
import { parseFile, type ParsedDocument } from '../parse/parse-file';
import { FLOW, NODE_STRIDE, SCALAR } from '../parse/source-index';
import type { FieldPath, SourceRange } from '../types';
import type { Resource } from './resource';

/** A YAML document written as a string field of an object (Argo CD `helm.values: |`). */
export interface EmbeddedYaml {
  value: unknown;
}

/**
 * Parses the string at `path` of `resource`; undefined unless it is one YAML document (else Helm
 * fails on it). From then on the resource locates paths below `path` inside the string, exactly
 * when the string maps to its file line for line (a literal block scalar, or one line without
 * escapes), else at the string field itself.
 */
export function parseEmbeddedYaml(resource: Resource, path: FieldPath, text: string): EmbeddedYaml | undefined {
  const parsed = parseFile(text);
  const document = parsed.documents[0];
  // A document with a syntax error has no value; one with only a repeated key keeps the last.
  if (parsed.documents.length !== 1 || !document || parsed.problems.some((problem) => problem.documentIndex !== document.index)) return undefined;
  const toFile = fileMapping(resource, path, text);
  if (toFile) locateInside(resource, path, document, toFile);
  return { value: document.value };
}

type Position = { line: number; column: number };
type ToFile = (at: Position) => Position;

/**
 * How a position in the string maps to its file, from the scalar's offsets and the file's line
 * lengths (the file's text is not kept). Undefined when the mapping is not exact: quoted strings
 * with escapes, folded or multi-line flow scalars.
 */
function fileMapping(resource: Resource, path: FieldPath, text: string): ToFile | undefined {
  const document = resource.parsedDocument;
  const span = scalarSpan(document, [...resource.basePath, ...path]);
  if (!span) return undefined;
  const { start, end } = span;
  if (start < 0 || end < start) return undefined;
  const first = linePos(document.lines, start);
  if (first.line === linePos(document.lines, end).line) {
    // One line: plain (as written) or quoted (one character of quote before), without escapes.
    if (text.includes('\n')) return undefined;
    const shift = end - start === text.length ? 0 : end - start === text.length + 2 ? 1 : -1;
    if (shift < 0) return undefined;
    return ({ line, column }) => ({ line: first.line + line - 1, column: first.col + shift + column - 1 });
  }
  const indent = literalBlockIndent(document.lines, first.line, end, text, endsLinesWithCrlf(document));
  if (indent === undefined) return undefined;
  return ({ line, column }) => ({ line: first.line + line, column: indent + column });
}

/**
 * The indentation of a literal block scalar whose header is on `headerLine`: line i of the string
 * is file line headerLine + 1 + i, less the same indentation on every non-empty line. Any other
 * scalar (folded, multi-line quoted) fails that check.
 */
function literalBlockIndent(lines: LineStarts, headerLine: number, end: number, text: string, crlf: boolean): number | undefined {
  let indent: number | undefined;
  const stringLines = text.split('\n');
  for (let i = 0; i < stringLines.length; i++) {
    const content = stringLines[i] ?? '';
    if (content === '') continue;
    // lines[n] is the start of file line n + 1.
    const lineStart = lines[headerLine + i];
    if (lineStart === undefined || lineStart >= end) return undefined;
    const next = lines[headerLine + i + 1];
    const lineEnd = next !== undefined && next <= end ? next - (crlf ? 2 : 1) : end;
    const lineIndent = lineEnd - lineStart - content.length;
    if (lineIndent < 1 || (indent !== undefined && lineIndent !== indent)) return undefined;
    indent = lineIndent;
  }
  return indent;
}

/**
 * Whether the file ends its lines with `\r\n`, which the string's lines leave out: a one-line
 * scalar at the end of a line ends one character before the next line starts, or two with `\r`.
 */
function endsLinesWithCrlf({ source, lines }: ParsedDocument): boolean {
  let crlf = false;
  for (let node = 0; node * NODE_STRIDE < source.nodes.length; node++) {
    if (((source.nodes[node * NODE_STRIDE] ?? -1) & ~FLOW) !== SCALAR) continue;
    const end = source.nodes[node * NODE_STRIDE + 2] ?? -1;
    const { line } = linePos(lines, end);
    // A block scalar ends at the start of a line, after its line break.
    if (end < 0 || lines[line - 1] === end) continue;
    const next = lines[line];
    if (next === end + 1) return false;
    if (next === end + 2) crlf = true;
  }
  return crlf;
}

/**
 * Makes `resource` locate paths below `path` in the embedded document (Resource.embed). The
 * object itself learns it, not a copy: the engine knows its objects by identity (reports on
 * context objects are dropped).
 */
function locateInside(resource: Resource, path: FieldPath, document: Locatable, toFile: ToFile): void {
  resource.embed(path, (rest) => mapRange(locate(document, rest).range, toFile));
}

function mapRange(range: SourceRange, toFile: ToFile): SourceRange {
  const from = toFile({ line: range.line, column: range.column });
  const to = toFile({ line: range.endLine, column: range.endColumn });
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}
