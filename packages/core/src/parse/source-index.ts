import { isAlias, isMap, isScalar, isSeq, type Document } from 'yaml';

/**
 * What `locate` needs of a parsed document, copied out of the syntax tree into two flat integer
 * arrays, so that the tree can be dropped right after parsing: a run over 100,000 documents holds
 * these (a few hundred bytes a document) instead of every tree, and they cross worker threads
 * as plain data.
 *
 * `nodes` holds NODE_STRIDE integers per node (kind, start offset, end offset, first entry,
 * entry count); for an alias, `first entry` is the node its anchor names (or -1). `entries` holds
 * ENTRY_STRIDE integers per map pair or sequence item (key id, key start, key end, value node).
 */
export interface SourceIndex {
  nodes: Int32Array;
  entries: Int32Array;
  /** Key text of scalar map keys (`String(key.value)`), indexed by an entry's key id. */
  keys: string[];
  /** Node index of the document's contents; -1 for an empty document. */
  root: number;
  documentStart: number;
}

export const NODE_STRIDE = 5;
export const ENTRY_STRIDE = 4;

export const SCALAR = 0;
export const MAP = 1;
export const SEQ = 2;
export const ALIAS = 3;
/** Or-ed into a collection's kind when it is written in flow style (`{ a: 1 }`, `[1]`). */
export const FLOW = 4;

/** Key id of a merge key (`<<`), which explicit lookups never match. */
export const MERGE_KEY = -2;
/** Key id of a key that is not a scalar (or absent): never matched. */
export const OTHER_KEY = -1;
/** Key id of a sequence item. */
export const ITEM = -3;

/** The index of a document, with what the walk learned about it on the way. */
export interface IndexedDocument {
  source: SourceIndex;
  /** Offset of the first duplicate map key, or -1. */
  duplicateKeyAt: number;
  /** Text of that key (`String(key.value)`), or null when there is none. */
  duplicateKey: string | null;
  /** Alias nodes (`*name`). */
  aliases: number;
  /** Offset of the alias past MAX_ALIAS_NODES_PER_DOCUMENT, or -1. */
  tooManyAliasesAt: number;
}

/**
 * Aliases a document may hold. Resolving each one makes the yaml package scan every anchor and
 * alias before it, so a few tens of thousands take minutes; real manifests hold a handful.
 */
export const MAX_ALIAS_NODES_PER_DOCUMENT = 1000;

/**
 * Builds the index and, in the same walk, finds duplicate keys as the yaml package's
 * `uniqueKeys` does (scalar keys with `===` values), but with a set per map: the package
 * compares each key with every earlier one, which takes minutes on a map of 50,000 keys.
 */
export function indexDocument(document: Document.Parsed): IndexedDocument {
  let duplicateKeyAt = -1;
  let duplicateKey: string | null = null;
  let aliasCount = 0;
  let tooManyAliasesAt = -1;
  const nodes: number[] = [];
  const entries: number[] = [];
  const keys: string[] = [];
  const keyIds = new Map<string, number>();
  // Like the yaml package's Alias.resolve: the last anchor of that name before the alias, in
  // document order (keys before values).
  const anchors = new Map<string, number>();

  const keyId = (text: string): number => {
    let id = keyIds.get(text);
    if (id === undefined) {
      id = keys.length;
      keys.push(text);
      keyIds.set(text, id);
    }
    return id;
  };

  const add = (node: unknown): number => {
    if (!isScalar(node) && !isMap(node) && !isSeq(node) && !isAlias(node)) return -1;
    const index = nodes.length / NODE_STRIDE;
    const kind = isScalar(node) ? SCALAR : isMap(node) ? MAP : isSeq(node) ? SEQ : ALIAS;
    const flow = (isMap(node) || isSeq(node)) && node.flow === true ? FLOW : 0;
    nodes.push(kind | flow, node.range?.[0] ?? -1, node.range?.[1] ?? -1, -1, 0);
    if (isAlias(node)) {
      nodes[index * NODE_STRIDE + 3] = anchors.get(node.source) ?? -1;
      if (++aliasCount === MAX_ALIAS_NODES_PER_DOCUMENT + 1) tooManyAliasesAt = node.range?.[0] ?? -1;
      return index;
    }
    if (node.anchor) anchors.set(node.anchor, index);
    if (isScalar(node)) return index;
    if (isMap(node) && node.items.length > 1) {
      const duplicate = firstDuplicate(node.items);
      if (duplicate && duplicate.at >= 0 && (duplicateKeyAt < 0 || duplicate.at < duplicateKeyAt)) ({ at: duplicateKeyAt, key: duplicateKey } = duplicate);
    }
    // Reserve this collection's entries first so that they stay contiguous.
    const first = entries.length / ENTRY_STRIDE;
    nodes[index * NODE_STRIDE + 3] = first;
    nodes[index * NODE_STRIDE + 4] = node.items.length;
    for (let i = 0; i < node.items.length; i++) entries.push(ITEM, -1, -1, -1);
    node.items.forEach((item: unknown, i: number) => {
      const slot = (first + i) * ENTRY_STRIDE;
      if (isSeq(node)) {
        entries[slot + 3] = add(item);
        return;
      }
      const pair = item as { key: unknown; value: unknown };
      const key = pair.key;
      if (isScalar(key)) {
        entries[slot] = key.source === '<<' ? MERGE_KEY : keyId(String(key.value));
        entries[slot + 1] = key.range?.[0] ?? -1;
        entries[slot + 2] = key.range?.[1] ?? -1;
        // A scalar key can carry an anchor that a later alias names.
        if (key.anchor) add(key);
      } else {
        entries[slot] = OTHER_KEY;
        // A collection key can hold anchors that later aliases name.
        if (key !== null && key !== undefined) add(key);
      }
      entries[slot + 3] = add(pair.value);
    });
    return index;
  };

  const root = add(document.contents);
  return {
    source: { nodes: Int32Array.from(nodes), entries: Int32Array.from(entries), keys, root, documentStart: document.range[0] },
    duplicateKeyAt,
    duplicateKey,
    aliases: aliasCount,
    tooManyAliasesAt,
  };
}

// Below this many pairs comparing each key with the earlier ones is cheaper than a set.
const SMALL_MAP = 16;

/** The first key equal (`===`, as the yaml package compares) to an earlier one of the same map: its offset and text. */
function firstDuplicate(pairs: ReadonlyArray<{ key: unknown }>): { at: number; key: string } | null {
  const values = pairs.map(({ key }) => (isScalar(key) ? key.value : NOT_A_SCALAR));
  const seen = values.length > SMALL_MAP ? new Set<unknown>() : null;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    // NaN never equals itself under `===` (a Set would say it does); non-scalar keys never match.
    if (value === NOT_A_SCALAR || (typeof value === 'number' && Number.isNaN(value))) continue;
    const repeated = seen ? seen.has(value) : values.slice(0, i).includes(value);
    if (repeated) return { at: (pairs[i]?.key as { range?: [number, number, number] }).range?.[0] ?? -1, key: String(value) };
    seen?.add(value);
  }
  return null;
}

const NOT_A_SCALAR = Symbol('not a scalar key');
