import type { FieldPath } from '../types';

/** `object` then `.name` selects; a select followed by `(` is a macro or method call, where the chain ends. */
const SELECT_CHAIN = /(?<![\w.])object((?:\s*\.\s*[A-Za-z_]\w*\b(?!\s*\())+)/;

/**
 * The field a validation is about, read from its expression: the first plain select chain on
 * `object` (`object.spec.replicas <= 5` → `spec.replicas`). Chains inside string literals do
 * not count; index expressions (`labels['app']`) end the chain. Null when there is none.
 */
export function fieldPathOf(expression: string): FieldPath | null {
  const found = SELECT_CHAIN.exec(withoutStringLiterals(expression));
  if (!found?.[1]) return null;
  return found[1].split('.').map((segment) => segment.trim()).filter((segment) => segment !== '');
}

/** The text with the contents of every string literal blanked (same length), quotes kept. */
function withoutStringLiterals(expression: string): string {
  return expression.replace(/(?:[rRbB]{0,2})("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')/g, (literal) => literal.replace(/[^'"]/g, ' '));
}
