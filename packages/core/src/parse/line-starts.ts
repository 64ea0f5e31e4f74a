/** Offsets at which the lines of a file start (as the yaml package's `LineCounter.lineStarts`). */
export type LineStarts = readonly number[];

/**
 * The line starts of `text`: 0 and the offset after every `\n`. Only `\n` ends a line, for the
 * yaml parser as here: a `\r\n` ends at its `\n`, a lone `\r` ends nothing. Counted from the text
 * rather than by the parser's LineCounter, which misses line breaks that it recovers from inside a
 * broken document (so positions after them were on the wrong line).
 */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** 1-based line and column of an offset, exactly as the yaml package's `LineCounter.linePos`. */
export function linePos(lineStarts: LineStarts, offset: number): { line: number; col: number } {
  let low = 0;
  let high = lineStarts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((lineStarts[mid] ?? 0) < offset) low = mid + 1;
    else high = mid;
  }
  if (lineStarts[low] === offset) return { line: low + 1, col: 1 };
  if (low === 0) return { line: 0, col: offset };
  return { line: low, col: offset - (lineStarts[low - 1] ?? 0) + 1 };
}
