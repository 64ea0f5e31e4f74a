import type { FieldPath } from '../types';

const NAME = /^[A-Za-z_$][\w$-]*/;
const INDEX = /^\[(0|[1-9][0-9]{0,8})\]/;
const QUOTED_KEY = /^\[(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\]/;

/**
 * A field path as users and `kubectl explain` write it, the way formatPath prints one:
 * `spec.template.spec.containers[0].image`, `metadata.labels["app.kubernetes.io/name"]` (single
 * quotes too, as VAP's `fieldPath`), with an optional leading dot. Null when it is not one.
 */
export function parseFieldPath(text: string): FieldPath | null {
  const segments: Array<string | number> = [];
  let rest = text.startsWith('.') ? text.slice(1) : text;
  if (rest === '') return null;
  let expectName = true;
  while (rest !== '') {
    const index = INDEX.exec(rest);
    const quoted = index ? null : QUOTED_KEY.exec(rest);
    if (index) {
      segments.push(Number(index[1]));
    } else if (quoted) {
      segments.push(unescape(quoted[1] ?? quoted[2] ?? ''));
    } else {
      const name = expectName ? NAME.exec(rest) : null;
      if (!name) return null;
      segments.push(name[0]);
    }
    const consumed = (index ?? quoted ?? NAME.exec(rest))?.[0].length ?? 0;
    rest = rest.slice(consumed);
    expectName = false;
    if (rest.startsWith('.')) {
      rest = rest.slice(1);
      if (rest === '') return null;
      expectName = true;
    }
  }
  return segments;
}

/** A path a `pathExpression` returned: field-path text, or a list of keys and indexes. */
export function fieldPathOf(value: unknown): FieldPath | null {
  if (typeof value === 'string') return parseFieldPath(value);
  if (!Array.isArray(value) || value.length === 0) return null;
  const segments: Array<string | number> = [];
  for (const segment of value) {
    if (typeof segment === 'string') segments.push(segment);
    else if (typeof segment === 'number' && Number.isInteger(segment) && segment >= 0) segments.push(segment);
    else if (typeof segment === 'bigint' && segment >= 0n) segments.push(Number(segment));
    else return null;
  }
  return segments;
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}
