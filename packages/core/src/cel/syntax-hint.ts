/**
 * The parser reports where the longest valid prefix ends, often well before the mistake.
 * When brackets or quotes do not balance, their position is the better one to show.
 */
export interface SyntaxHint {
  message: string;
  offset: number;
}

const CLOSING: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

export function bracketOrQuoteProblem(source: string): SyntaxHint | undefined {
  const open: Array<{ char: string; offset: number }> = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === '"' || c === "'") {
      const triple = source.startsWith(c.repeat(3), i);
      const quote = triple ? c.repeat(3) : c;
      const raw = i > 0 && /[rR]/.test(source[i - 1] as string);
      let j = i + quote.length;
      for (; j < source.length; j++) {
        if (!raw && source[j] === '\\') j++;
        else if (source.startsWith(quote, j)) break;
        else if (!triple && source[j] === '\n') j = source.length;
      }
      if (j >= source.length) return { message: 'unterminated string', offset: i };
      i = j + quote.length - 1;
    } else if (c in CLOSING) {
      open.push({ char: c, offset: i });
    } else if (c === ')' || c === ']' || c === '}') {
      const last = open.pop();
      if (last === undefined || CLOSING[last.char] !== c) return { message: `unexpected '${c}'`, offset: i };
    }
  }
  const unclosed = open.pop();
  return unclosed && { message: `'${unclosed.char}' is not closed`, offset: unclosed.offset };
}
