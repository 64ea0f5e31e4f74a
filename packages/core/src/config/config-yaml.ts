import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type YAMLError } from 'yaml';
import { lineStartsOf, linePos, type LineStarts } from '../parse/line-starts';
import { indexDocument, MAX_ALIAS_NODES_PER_DOCUMENT } from '../parse/source-index';

/** 1-based line and column in the configuration file. */
export interface Position {
  line: number;
  col: number;
}

/**
 * Where something of the configuration starts: the key `key` of the map at `path`, or without
 * `key` the node at `path` (JSON-pointer segments, as ajv reports them). Undefined when the path
 * cannot be followed (an alias, a key that is not text).
 */
export type Locate = (path: readonly string[], key?: string) => Position | undefined;

export interface ConfigYaml {
  value: unknown;
  locate: Locate;
}

/** Invalid YAML; the message never quotes the configuration (see safeMessage). */
export class ConfigYamlError extends Error {
  override name = 'ConfigYamlError';
}

/**
 * The configuration as a value, and a way to find where its keys are. YAML 1.2 on purpose: `off`
 * must stay a string here. Duplicate keys are found in linear time by indexDocument (the yaml
 * package's own check is quadratic, and a configuration in the linted repository may be hostile).
 * Throws a ConfigYamlError.
 */
export function readConfigYaml(text: string): ConfigYaml {
  let lineStarts: LineStarts | undefined;
  const positionOf = (offset: number): Position => linePos((lineStarts ??= lineStartsOf(text)), offset);
  try {
    const document = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
    const { duplicateKeyAt, aliases, tooManyAliasesAt } = indexDocument(document);
    if (tooManyAliasesAt >= 0) throw new ConfigYamlError(`${aliases} aliases, more than ${MAX_ALIAS_NODES_PER_DOCUMENT}`);
    const error = document.errors[0];
    if (duplicateKeyAt >= 0 && (!error || duplicateKeyAt < error.pos[0])) throw new ConfigYamlError(`Map keys must be unique${at(positionOf(duplicateKeyAt))}`);
    // Where the parser ran out of stack says nothing: no position for that one.
    if (error?.code === 'RESOURCE_EXHAUSTION') throw new ConfigYamlError('nested too deeply');
    if (error) throw new ConfigYamlError(`${safeMessage(error)}${at(positionOf(error.pos[0]))}`);
    const value: unknown = document.toJS({ maxAliasCount: 100 });
    return { value, locate: (path, key) => locateIn(document, path, key, positionOf) };
  } catch (error) {
    if (error instanceof ConfigYamlError) throw error;
    throw new ConfigYamlError(thrownMessage(error));
  }
}

function at({ line, col }: Position): string {
  return ` at line ${line}, column ${col}:`;
}

/**
 * Codes whose messages are fixed text (or name only parts of YAML, such as "flow map"): they are
 * shown as they are. Every other message may quote the input (a tag, an alias, an escape
 * sequence, a directive, a token's text) and is replaced by a description of its code.
 */
const FIXED_TEXT_CODES = new Set([
  'ALIAS_PROPS',
  'BAD_ALIAS',
  'BAD_INDENT',
  'BLOCK_AS_IMPLICIT_KEY',
  'BLOCK_IN_FLOW',
  'DUPLICATE_KEY',
  'IMPOSSIBLE',
  'MISSING_CHAR',
  'MULTILINE_IMPLICIT_KEY',
  'MULTIPLE_ANCHORS',
  'MULTIPLE_DOCS',
  'MULTIPLE_TAGS',
  'NON_STRING_KEY',
  'TAB_AS_INDENT',
]);

const DESCRIPTIONS: Record<string, string> = {
  BAD_COLLECTION_TYPE: 'a tag for another kind of collection',
  BAD_DIRECTIVE: 'invalid directive',
  BAD_DQ_ESCAPE: 'invalid escape sequence in a double-quoted string',
  BAD_PROP_ORDER: 'anchors and tags must come after the indicator',
  BAD_SCALAR_START: 'a plain value cannot start with this character (quote it)',
  TAG_RESOLVE_FAILED: 'unresolved tag',
  UNEXPECTED_TOKEN: 'unexpected text',
};

function safeMessage(error: YAMLError): string {
  if (FIXED_TEXT_CODES.has(error.code)) return error.message;
  // "Unexpected scalar at node end": the word is a token type, not text of the input.
  if (error.code === 'UNEXPECTED_TOKEN' && /^Unexpected [a-z-]+ (token|at node end)$/.test(error.message)) return error.message;
  return DESCRIPTIONS[error.code] ?? 'not valid YAML';
}

/** Errors thrown while parsing or resolving: only known, fixed messages are shown. */
function thrownMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // The parser runs out of stack on absurd nesting and says so in its own words.
  if (message.includes('Maximum call stack size exceeded')) return 'nested too deeply';
  if (message.startsWith('Excessive alias count')) return message.split('\n')[0] ?? message;
  // "Unresolved alias (...): <name>" quotes the alias.
  if (message.startsWith('Unresolved alias')) return 'unresolved alias (the anchor must be set before the alias)';
  return 'not valid YAML';
}

function locateIn(document: Document, path: readonly string[], key: string | undefined, positionOf: (offset: number) => Position): Position | undefined {
  let node: unknown = document.contents;
  for (const segment of path) node = childOf(node, segment)?.value;
  if (key === undefined) return offsetOf(node, positionOf);
  return offsetOf(childOf(node, key)?.key, positionOf);
}

function childOf(node: unknown, segment: string): { key: unknown; value: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
    return pair && { key: pair.key, value: pair.value };
  }
  if (isSeq(node) && /^\d+$/.test(segment)) {
    const item = node.items[Number(segment)];
    return item === undefined ? undefined : { key: undefined, value: item };
  }
  return undefined;
}

function offsetOf(node: unknown, positionOf: (offset: number) => Position): Position | undefined {
  if (!node || isAlias(node) || typeof node !== 'object' || !('range' in node)) return undefined;
  const range = (node as Node).range;
  return range ? positionOf(range[0]) : undefined;
}
