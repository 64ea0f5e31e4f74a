/**
 * An array of a JSON document whose items are made one at a time while the document is written,
 * so that a report of many findings is never one object tree or one string.
 */
export class LazyJsonArray<T = unknown> {
  constructor(readonly items: () => Iterable<T>) {}
}

const INDENT = '  ';

/**
 * The text of `JSON.stringify(value, null, 2)`, byte for byte, as a sequence of pieces: each
 * LazyJsonArray in `value` is written item by item, everything else as JSON.stringify writes it.
 * Values are plain data (no toJSON, no cycles). `depth`: indented as if nested that deep.
 */
export function* jsonChunks(value: unknown, depth = 0): Generator<string, void, undefined> {
  yield* chunksOf(value, depth);
}

function* chunksOf(value: unknown, depth: number): Generator<string, void, undefined> {
  if (value instanceof LazyJsonArray) {
    yield* arrayChunks((value as LazyJsonArray).items(), depth);
  } else if (!holdsLazy(value)) {
    yield indented(JSON.stringify(value, null, 2) ?? 'null', depth);
  } else if (Array.isArray(value)) {
    yield* arrayChunks(value, depth);
  } else {
    // Keys as JSON.stringify writes them: undefined and function values are left out.
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined && typeof item !== 'function' && typeof item !== 'symbol');
    if (entries.length === 0) {
      yield '{}';
      return;
    }
    const inner = INDENT.repeat(depth + 1);
    let separator = '{\n';
    for (const [key, item] of entries) {
      yield `${separator}${inner}${JSON.stringify(key)}: `;
      yield* chunksOf(item, depth + 1);
      separator = ',\n';
    }
    yield `\n${INDENT.repeat(depth)}}`;
  }
}

function* arrayChunks(items: Iterable<unknown>, depth: number): Generator<string, void, undefined> {
  const inner = INDENT.repeat(depth + 1);
  let separator = '[\n';
  for (const item of items) {
    yield `${separator}${inner}`;
    // In arrays, JSON.stringify writes null for what it would leave out of an object.
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') yield 'null';
    else yield* chunksOf(item, depth + 1);
    separator = ',\n';
  }
  yield separator === '[\n' ? '[]' : `\n${INDENT.repeat(depth)}]`;
}

/** JSON text indented as if written `depth` levels deep: its own lines are shifted right. */
function indented(text: string, depth: number): string {
  return depth === 0 || !text.includes('\n') ? text : text.replace(/\n/g, `\n${INDENT.repeat(depth)}`);
}

function holdsLazy(value: unknown): boolean {
  if (value instanceof LazyJsonArray) return true;
  if (typeof value !== 'object' || value === null) return false;
  return (Array.isArray(value) ? value : Object.values(value)).some(holdsLazy);
}
