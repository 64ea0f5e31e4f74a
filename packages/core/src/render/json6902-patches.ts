import type { FieldPath } from '../types';
import { asArray, asRecord, asString, getIn } from '../values';
import { sameValue } from './same-value';

/** One operation of a JSON 6902 patch (`- op: replace`, `path: /spec/...`, `value: ...`). */
interface PatchOperation {
  op: string;
  /** The JSON pointer's reference tokens, unescaped. */
  tokens: string[];
  value: unknown;
}

/** The operations of a JSON 6902 patch document (a list of `op`/`path` maps), or null when it is not one. */
export function operationsOf(value: unknown): PatchOperation[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const operations: PatchOperation[] = [];
  for (const item of asArray(value)) {
    const entry = asRecord(item);
    const op = asString(entry?.op);
    const pointer = asString(entry?.path);
    if (!entry || !op || pointer === undefined || !pointer.startsWith('/')) return null;
    operations.push({ op, tokens: pointer.slice(1).split('/').map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~')), value: entry.value });
  }
  return operations;
}

/**
 * The path, in the patch document, of what set `fieldPath` of the rendered object: the
 * `value` (or the part of it) of the last `add`/`replace` whose result is the rendered value,
 * or the entry of a `remove` of the field now missing. Null when no operation did.
 */
export function pathInOperations(operations: readonly PatchOperation[], rendered: unknown, fieldPath: FieldPath): FieldPath | null {
  const renderedValue = getIn(rendered, fieldPath);
  for (let index = operations.length - 1; index >= 0; index--) {
    const operation = operations[index];
    if (!operation || !reaches(operation.tokens, fieldPath)) continue;
    const rest = fieldPath.slice(operation.tokens.length);
    if (operation.op === 'add' || operation.op === 'replace') {
      const value = getIn(operation.value, rest);
      if (value !== undefined && renderedValue !== undefined && sameValue(value, renderedValue)) return [index, 'value', ...rest];
    } else if (operation.op === 'remove' && rest.length === 0 && renderedValue === undefined) {
      return [index];
    }
  }
  return null;
}

/** Whether the pointer leads to `fieldPath` or to a field that holds it (`-`, "append", stands for any index). */
function reaches(tokens: readonly string[], fieldPath: FieldPath): boolean {
  if (tokens.length > fieldPath.length) return false;
  return tokens.every((token, index) => {
    const segment = fieldPath[index];
    return token === String(segment) || (token === '-' && typeof segment === 'number');
  });
}
