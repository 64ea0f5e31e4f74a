import type { FieldPath, SourceRange } from '../types';
import { ALIAS, ENTRY_STRIDE, FLOW, ITEM, MAP, MERGE_KEY, NODE_STRIDE, SCALAR, SEQ, type SourceIndex } from './source-index';
import { linePos, type LineStarts } from './line-starts';

export interface Located {
  range: SourceRange;
  /** How many leading segments of the requested path exist in the document. */
  depth: number;
}

/** What a document needs to be located in: its index and its file's line starts. */
export interface Locatable {
  source: SourceIndex;
  lines: LineStarts;
}

/**
 * The one place where a field path becomes a source range.
 * A present field is located at its key (through its value when that is a scalar); a missing
 * field at the nearest enclosing node that exists, so that every finding has a position.
 */
export function locate({ source, lines }: Locatable, path: FieldPath): Located {
  let target: Target = { node: source.root, entry: -1 };
  let depth = 0;
  for (const segment of path) {
    const next = step(source, target.node, segment);
    if (!next) break;
    target = next;
    depth++;
  }
  return { range: rangeOf(source, lines, target), depth };
}

/**
 * Start and end offsets of the scalar at `path` (aliases and merge keys resolved as `locate`
 * does), or null when the path does not lead to a scalar: for documents written inside a string.
 */
export function scalarSpan({ source }: Locatable, path: FieldPath): { start: number; end: number } | null {
  let node = source.root;
  for (const segment of path) {
    const next = step(source, node, segment);
    if (!next) return null;
    node = next.node;
  }
  node = resolveAlias(source, node);
  if (kindOf(source, node) !== SCALAR) return null;
  return { start: field(source, node, 1), end: field(source, node, 2) };
}

interface Target {
  /** Node index, -1 for none (an empty value). */
  node: number;
  /** Entry index of the map pair the node is the value of, when reached through a key; else -1. */
  entry: number;
}

const kindOf = (source: SourceIndex, node: number): number => (node < 0 ? -1 : (source.nodes[node * NODE_STRIDE] ?? 0) & ~FLOW);
const field = (source: SourceIndex, node: number, offset: number): number => source.nodes[node * NODE_STRIDE + offset] ?? -1;
const entryField = (source: SourceIndex, entry: number, offset: number): number => source.entries[entry * ENTRY_STRIDE + offset] ?? -1;

function step(source: SourceIndex, node: number, segment: string | number): Target | null {
  const resolved = resolveAlias(source, node);
  if (typeof segment === 'number') {
    if (kindOf(source, resolved) !== SEQ || segment < 0 || segment >= field(source, resolved, 4)) return null;
    const item = entryField(source, field(source, resolved, 3) + segment, 3);
    return item >= 0 ? { node: item, entry: -1 } : null;
  }
  if (kindOf(source, resolved) !== MAP) return null;
  return findKey(source, resolved, segment, 0);
}

const MAX_MERGE_DEPTH = 16;

function findKey(source: SourceIndex, map: number, key: string, mergeDepth: number): Target | null {
  const first = field(source, map, 3);
  const count = field(source, map, 4);
  // From the end: of repeated keys the last one holds the value (a duplicate key is a syntax
  // finding, but the document is still linted with the last value of each key).
  for (let entry = first + count - 1; entry >= first; entry--) {
    const id = entryField(source, entry, 0);
    if (id >= 0 && source.keys[id] === key) return { node: entryField(source, entry, 3), entry };
  }
  // Later merges lose to earlier ones and to explicit keys, as in YAML 1.1 merge semantics.
  if (mergeDepth >= MAX_MERGE_DEPTH) return null;
  for (let entry = first; entry < first + count; entry++) {
    if (entryField(source, entry, 0) !== MERGE_KEY) continue;
    const value = entryField(source, entry, 3);
    const sources = kindOf(source, value) === SEQ ? itemsOf(source, value) : [value];
    for (const candidate of sources) {
      const merged = resolveAlias(source, candidate);
      if (kindOf(source, merged) !== MAP) continue;
      const found = findKey(source, merged, key, mergeDepth + 1);
      if (found) return found;
    }
  }
  return null;
}

function itemsOf(source: SourceIndex, seq: number): number[] {
  const first = field(source, seq, 3);
  return Array.from({ length: field(source, seq, 4) }, (_, i) => entryField(source, first + i, 3));
}

function resolveAlias(source: SourceIndex, node: number): number {
  return kindOf(source, node) === ALIAS ? field(source, node, 3) : node;
}

function rangeOf(source: SourceIndex, lines: LineStarts, { node, entry }: Target): SourceRange {
  const keyStart = entry >= 0 ? entryField(source, entry, 1) : -1;
  if (entry >= 0 && entryField(source, entry, 0) !== ITEM && keyStart >= 0) {
    const kind = kindOf(source, node);
    const flow = node >= 0 && ((source.nodes[node * NODE_STRIDE] ?? 0) & FLOW) !== 0;
    const valueIsShort = kind === SCALAR || kind === ALIAS || flow;
    const valueEnd = node >= 0 ? field(source, node, 2) : -1;
    const end = valueIsShort && valueEnd >= 0 ? valueEnd : entryField(source, entry, 2);
    return toRange(lines, keyStart, end);
  }
  if (kindOf(source, node) === MAP && field(source, node, 4) > 0) {
    // A sequence entry or the document itself: point at its first entry (`- name: app`).
    const first = field(source, node, 3);
    return rangeOf(source, lines, { node: entryField(source, first, 3), entry: first });
  }
  const start = node >= 0 ? field(source, node, 1) : -1;
  if (start >= 0) return toRange(lines, start, field(source, node, 2));
  return toRange(lines, source.documentStart, source.documentStart);
}

function toRange(lines: LineStarts, start: number, end: number): SourceRange {
  const from = linePos(lines, start);
  const to = linePos(lines, Math.max(start, end));
  return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
}
