import { celFunc, celMethod, CelScalar, listType } from '@bufbuild/cel';
import type { CelFunc } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';

const { STRING, INT } = CelScalar;
const ESCAPES: Record<string, string> = {
  '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '\\': '\\\\', '"': '\\"',
};

/** cel-go's split with a limit: at most `limit` parts, the last one holding the rest. */
function splitN(text: string, separator: string, limit: bigint): string[] {
  if (limit === 0n) return [];
  const parts = text.split(separator);
  if (limit < 0n || parts.length <= limit) return parts;
  const n = Number(limit);
  return [...parts.slice(0, n - 1), parts.slice(n - 1).join(separator)];
}

/** The strings extension (@bufbuild/cel's) plus strings.quote, as cel-go's. */
export const STRINGS: CelFunc[] = [
  // @bufbuild/cel 0.6.1 drops the remainder of split(sep, n); replaced below.
  ...strings.filter((f) => !(f.name === 'split' && f.arguments.length === 2)),
  celMethod('split', STRING, [STRING, INT], listType(STRING), function (this: string, separator, limit) {
    return splitN(this, separator, limit);
  }),
  celFunc('strings.quote', [STRING], STRING, (s) => `"${Array.from(s, (c) => ESCAPES[c] ?? c).join('')}"`),
];
