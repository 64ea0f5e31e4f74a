import type { Resource } from '../model/resource';
import type { FieldPath, SourceRange } from '../types';
import { lineMatches, type ControlEffect } from './template-actions';
import type { ControlMark, Outline, OutlineNode, Producer } from './template-outline';

type Found = { nodes: OutlineNode[] } | { producer: Producer };

/**
 * The template line that wrote the rendered field at `fieldPath` (or, for a missing field, its
 * nearest existing ancestor, where the finding points in the rendered output): reached through
 * the same keys at the same nesting, and matching the rendered line's text, or the one
 * toYaml/include line that wrote the subtree. Null whenever more than one line could have.
 */
export function templateRange(outline: Outline, rendered: Resource, fieldPath: FieldPath, renderedLines: readonly string[]): SourceRange | null {
  if (rendered.basePath.length > 0) return null;
  const document = documentFor(outline, rendered.kind);
  const located = rendered.locate(fieldPath);
  const renderedLine = renderedLines[located.range.line - 1];
  if (!document || renderedLine === undefined) return null;
  const found = walk(document, fieldPath.slice(0, located.depth), rendered.object, outline.controls);
  if (!found) return null;
  if ('producer' in found) return lineRange(found.producer.line, found.producer.column, found.producer.text, null);
  const lines = new Map<number, OutlineNode>();
  for (const node of found.nodes.map(reportedNode)) if (node && lineMatches(node.text, renderedLine)) lines.set(node.line, node);
  const [only, ...others] = [...lines.values()];
  return only && others.length === 0 ? nodeRange(only) : null;
}

/** The template document the object came from: the only one, or the only one of its kind. */
function documentFor(outline: Outline, kind: string): OutlineNode | null {
  const documents = outline.documents.filter((document) => document.children.length > 0 || document.producers.length > 0);
  if (documents.length === 1) return documents[0] ?? null;
  const ofKind = documents.filter((document) => document.children.some((child) => child.key === 'kind' && lineMatches(child.text, `kind: ${kind}`)));
  const [only] = ofKind;
  return ofKind.length === 1 && only && documents.every((document) => document === only || document.producers.length === 0) ? only : null;
}

function walk(document: OutlineNode, fieldPath: FieldPath, root: unknown, controls: readonly ControlMark[]): Found | null {
  let nodes = [document];
  let value = root;
  for (const segment of fieldPath) {
    const parentValue = value;
    value = childOf(value, segment);
    const next: OutlineNode[] = [];
    const producers: Producer[] = [];
    for (const node of nodes) {
      if (irregular(node)) return null;
      producers.push(...node.producers);
      const matching = typeof segment === 'number' ? itemsFor(node, segment, parentValue, controls) : node.children.filter((child) => child.kind === 'key' && child.key === segment);
      if (!matching) return null;
      next.push(...matching);
    }
    if (producers.length > 0) {
      const [producer] = producers;
      return producer && next.length === 0 && producers.every((other) => other.line === producer.line) ? { producer } : null;
    }
    if (next.length === 0) return null;
    nodes = next;
  }
  return { nodes };
}

/**
 * Rendered entry `index` of a template list: its only literal entry (a range repeats it), or
 * entry `index` when the counts agree and no if/range/with around the entries can add, drop
 * or repeat some of them.
 */
function itemsFor(list: OutlineNode, index: number, rendered: unknown, controls: readonly ControlMark[]): OutlineNode[] | null {
  const items = list.children.filter((child) => child.kind === 'item');
  if (items.length <= 1) return items;
  const item = items[index];
  if (!Array.isArray(rendered) || rendered.length !== items.length || !item) return null;
  const bounds = [list.line, ...items.map((entry) => entry.line), list.end + 1];
  for (let segment = 0; segment + 1 < bounds.length; segment++) {
    const [from = 0, to = 0] = [bounds[segment], bounds[segment + 1]];
    if (!balanced(controls.filter((mark) => mark.line >= from && mark.line < to).flatMap((mark) => mark.effects))) return null;
  }
  return [item];
}

function balanced(effects: readonly ControlEffect[]): boolean {
  let depth = 0;
  for (const effect of effects) {
    if (effect !== 'open' && depth === 0) return false;
    if (effect === 'open') depth++;
    if (effect === 'close') depth--;
  }
  return depth === 0;
}

/** Entries at different columns mean structure written by something the outline cannot see. */
function irregular(node: OutlineNode): boolean {
  const outputs = node.producers.flatMap((producer) => (producer.output === null ? [] : [producer.output]));
  return new Set([...node.children.map((child) => child.indent), ...outputs]).size > 1;
}

/** The node whose line the rendered finding points at: a mapping's position is its first entry. */
function reportedNode(node: OutlineNode): OutlineNode | null {
  if (node.kind === 'key') return node;
  if (node.kind === 'opaque' || node.producers.length > 0 || irregular(node)) return null;
  const first = node.children[0];
  if (!first) return node.kind === 'item' && node.hasInlineValue ? node : null;
  return first.kind === 'key' ? first : null;
}

function nodeRange(node: OutlineNode): SourceRange {
  if (node.kind === 'item') {
    const text = firstLine(node.text);
    const afterDash = text.slice(node.indent + 1);
    return lineRange(node.line, node.indent + 1 + afterDash.length - afterDash.trimStart().length, node.text, null);
  }
  return lineRange(node.line, node.indent, node.text, node.hasInlineValue ? null : node.keyEnd);
}

/** A one-line range from `column` (0-based) to `end`, or to the end of the line's text. */
function lineRange(line: number, column: number, text: string, end: number | null): SourceRange {
  return { line, column: column + 1, endLine: line, endColumn: (end ?? firstLine(text).trimEnd().length) + 1 };
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}

function childOf(value: unknown, segment: string | number): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  return (value as Record<string | number, unknown>)[segment];
}
