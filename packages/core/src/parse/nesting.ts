import type { CST } from 'yaml';

/**
 * Deepest nesting of collections a document may have. Real manifests stay far below it (the
 * deepest CRD schemas nest a few dozen levels); past it a document is reported, not composed,
 * because composing, converting and locating recurse once per level: without this bound a deep
 * enough document would end in a stack overflow whose depth (and so whose result) depends on the
 * thread it is parsed in.
 */
export const MAX_NESTING = 256;

/** Offset of the first collection nested deeper than MAX_NESTING in a document token, or -1. */
export function tooDeepAt(document: CST.Document): number {
  const stack: Array<[CST.Token | null | undefined, number]> = [[document.value, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [token, depth] = next;
    if (!token || !('items' in token)) continue;
    if (depth >= MAX_NESTING) return token.offset;
    for (const item of token.items) {
      stack.push([item.value, depth + 1]);
      if ('key' in item) stack.push([item.key, depth + 1]);
    }
  }
  return -1;
}
