/** Offsets at which the lines of a file start (the yaml package's `LineCounter.lineStarts`). */
export type LineStarts = readonly number[];

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
