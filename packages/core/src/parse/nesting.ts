import type { CST } from 'yaml';

/**
 * Deepest nesting of collections a document may have. Real manifests stay far below it (the
 * deepest CRD schemas nest a few dozen levels); past it a document is reported, not composed,
 * because composing, converting and locating recurse once per level: without this bound a deep
 * enough document would end in a stack overflow whose depth (and so whose result) depends on the
 * thread it is parsed in.
 */
export const MAX_NESTING = 256;

/**
 * Most entries (map pairs and sequence items, at every level) a document may hold: ten times the
 * largest real manifest seen (a CRD of about 9,000). Composed, each costs a few hundred bytes, so
 * a small file of tiny entries would otherwise take gigabytes.
 */
export const MAX_ENTRIES = 100_000;

/** Where a document token breaks a bound, and which. */
export interface BrokenBound {
  offset: number;
  message: string;
}

/** The first bound the document breaks, in document order, or null. Iterative: any depth is safe. */
export function brokenBound(document: CST.Document): BrokenBound | null {
  const stack: Array<[CST.Token | null | undefined, number]> = [[document.value, 0]];
  let entries = 0;
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [token, depth] = next;
    if (!token || !('items' in token)) continue;
    if (depth >= MAX_NESTING) return { offset: token.offset, message: `document is nested more than ${MAX_NESTING} levels deep: not read` };
    entries += token.items.length;
    if (entries > MAX_ENTRIES) return { offset: token.offset, message: `document holds more than ${MAX_ENTRIES} entries: not read` };
    // Pushed last to first, each key after its value, so that they are visited in document order.
    for (let i = token.items.length - 1; i >= 0; i--) {
      const item = token.items[i];
      if (!item) continue;
      stack.push([item.value, depth + 1]);
      if ('key' in item) stack.push([item.key, depth + 1]);
    }
  }
  return null;
}
