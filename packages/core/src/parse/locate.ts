import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import type { FieldPath, SourceRange } from '../types';

export interface Located {
  range: SourceRange;
  /** How many leading segments of the requested path exist in the document. */
  depth: number;
}

/**
 * The one place where a field path becomes a source range.
 * A present field is located at its key (through its value when that is a scalar); a missing
 * field at the nearest enclosing node that exists, so that every finding has a position.
 */
export function locate(document: Document.Parsed, lineCounter: LineCounter, path: FieldPath): Located {
  const root = document.contents;
  let target: Target = { node: root ?? null, pair: null };
  let depth = 0;
  for (const segment of path) {
    const next = step(document, target.node, segment);
    if (!next) break;
    target = next;
    depth++;
  }
  return { range: rangeOf(target, lineCounter, document), depth };
}

interface Target {
  node: Node | null;
  /** The map entry the node is the value of, when it was reached through a key. */
  pair: Pair | null;
}

function step(document: Document.Parsed, node: Node | null, segment: string | number): Target | null {
  const resolved = resolveAlias(document, node);
  if (typeof segment === 'number') {
    if (!isSeq(resolved)) return null;
    const item = resolved.items[segment];
    return isNode(item) ? { node: item, pair: null } : null;
  }
  if (!isMap(resolved)) return null;
  return findKey(document, resolved.items, segment, 0);
}

const MAX_MERGE_DEPTH = 16;

function findKey(document: Document.Parsed, pairs: readonly unknown[], key: string, mergeDepth: number): Target | null {
  for (const pair of pairs) {
    if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === key && pair.key.source !== '<<') {
      return { node: isNode(pair.value) ? pair.value : null, pair };
    }
  }
  // Later merges lose to earlier ones and to explicit keys, as in YAML 1.1 merge semantics.
  if (mergeDepth >= MAX_MERGE_DEPTH) return null;
  for (const pair of pairs) {
    if (!isPair(pair) || !isScalar(pair.key) || pair.key.source !== '<<') continue;
    const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
    for (const source of sources) {
      const map = resolveAlias(document, isNode(source) ? source : null);
      if (!isMap(map)) continue;
      const found = findKey(document, map.items, key, mergeDepth + 1);
      if (found) return found;
    }
  }
  return null;
}

function resolveAlias(document: Document.Parsed, node: Node | null): Node | null {
  if (!isAlias(node)) return node;
  const resolved = node.resolve(document);
  return resolved ?? null;
}

function isNode(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value) || isAlias(value);
}

function rangeOf(target: Target, lineCounter: LineCounter, document: Document.Parsed): SourceRange {
  const { node, pair } = target;
  if (pair && isScalar(pair.key) && pair.key.range) {
    const valueIsShort = node && (isScalar(node) || isAlias(node) || isFlowCollection(node));
    const end = valueIsShort && node.range ? node.range[1] : pair.key.range[1];
    return toRange(lineCounter, pair.key.range[0], end);
  }
  if (isMap(node) && node.items.length > 0) {
    // A sequence entry or the document itself: point at its first entry (`- name: app`).
    const first = node.items[0];
    if (first) return rangeOf({ node: isNode(first.value) ? first.value : null, pair: first }, lineCounter, document);
  }
  if (node?.range) return toRange(lineCounter, node.range[0], node.range[1]);
  return toRange(lineCounter, document.range[0], document.range[0]);
}

function isFlowCollection(node: Node): boolean {
  return (isMap(node) || isSeq(node)) && node.flow === true;
}

function toRange(lineCounter: LineCounter, start: number, end: number): SourceRange {
  const from = lineCounter.linePos(start);
  const to = lineCounter.linePos(Math.max(start, end));
  return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
}
