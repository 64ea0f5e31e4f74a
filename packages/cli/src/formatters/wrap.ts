/**
 * Fitting human output to a terminal's width. Text given here is already escaped
 * (`escapeControls`), so what is measured is what is printed; the only escape sequences left
 * are the report's own colour codes, which take no room.
 */

/** Narrower than this, a report of columns would be mostly padding: wrap as if this wide. */
export const MIN_WIDTH = 40;
export const DEFAULT_WIDTH = 80;

/**
 * The width to fit: the terminal's when stdout is one, otherwise COLUMNS when it is a whole
 * number (so a pipe or CI log can ask for a width), otherwise 80.
 */
export function outputWidth(stream: { isTTY?: boolean; columns?: number }, env: Readonly<Record<string, string | undefined>>): number {
  const fromTerminal = stream.isTTY === true ? stream.columns : undefined;
  const fromEnv = /^[1-9][0-9]{0,4}$/.test(env.COLUMNS ?? '') ? Number(env.COLUMNS) : undefined;
  return Math.max(MIN_WIDTH, fromTerminal ?? fromEnv ?? DEFAULT_WIDTH);
}

// A colour code, or one code point.
// eslint-disable-next-line no-control-regex
const UNIT = /\u001b\[[0-9;]*m|[\s\S]/gu;
const COMBINING = /^\p{M}$/u;

/** Columns a code point takes: two for East Asian wide and fullwidth ones (the common ranges), none for combining marks. */
function codePointWidth(unit: string): number {
  if (unit.startsWith('\u001b')) return 0;
  if (COMBINING.test(unit)) return 0;
  const code = unit.codePointAt(0) ?? 0;
  const wide =
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x20000 && code <= 0x3fffd);
  return wide ? 2 : 1;
}

function units(text: string): string[] {
  return text.match(UNIT) ?? [];
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Columns `text` takes on a terminal. */
export function displayWidth(text: string): number {
  // Most of a report is ASCII: one column a character, no need to look at each.
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let width = 0;
  for (const unit of units(text)) width += codePointWidth(unit);
  return width;
}

/** `text` padded with spaces to `width` columns. */
export function padDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * A word wider than `width` cut into pieces that fit, after a `/`, `.` or `-` or before a backslash
 * (an escape) when one is in the second half of a piece, so that paths, names and escapes stay
 * readable; otherwise anywhere. Nothing is dropped.
 */
function splitWord(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece: string[] = [];
  let used = 0;
  for (const unit of units(word)) {
    const unitWidth = codePointWidth(unit);
    if (used + unitWidth > width && piece.length > 0) {
      let breakAfter = -1;
      piece.forEach((candidate, index) => {
        if ('/.-'.includes(candidate) || piece[index + 1] === '\\') breakAfter = index;
      });
      const cut = breakAfter + 1 > piece.length / 2 ? breakAfter + 1 : piece.length;
      pieces.push(piece.slice(0, cut).join(''));
      piece = piece.slice(cut);
      used = displayWidth(piece.join(''));
    }
    piece.push(unit);
    used += unitWidth;
  }
  pieces.push(piece.join(''));
  return pieces;
}

/**
 * `text` as lines of at most `width` columns, broken at spaces; the first line is `width`
 * wide, the following ones `width - hang` (the caller indents them by `hang`). Only a line
 * that would start a workflow command grows, by three columns.
 */
export function wrapWords(text: string, width: number, hang = 0): string[] {
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  const room = (): number => (lines.length === 0 ? width : width - hang);
  // Each word with the spaces before it: a line keeps the text's own spacing (a file name may
  // start with spaces), only the spaces at a break are dropped.
  for (const token of text.match(/ *[^ ]+| +$/g) ?? []) {
    const added = line === '' && lines.length > 0 ? token.trimStart() : token;
    const addedWidth = displayWidth(added);
    if (lineWidth + addedWidth <= room()) {
      line += added;
      lineWidth += addedWidth;
      continue;
    }
    if (line !== '') lines.push(line);
    const word = lines.length === 0 ? token : token.trimStart();
    line = word;
    lineWidth = displayWidth(word);
    if (lineWidth <= room()) continue;
    const pieces = splitWord(word, Math.max(1, width - hang));
    line = pieces.pop() ?? '';
    lineWidth = displayWidth(line);
    lines.push(...pieces);
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines.map(disarmLineStart);
}

/**
 * A break can put a `::` of the input at the start of a line, where the GitHub Actions runner
 * reads a workflow command (after white space): shown as `\x3a:`, as `escapeControls` does at
 * the start of a value.
 */
function disarmLineStart(line: string): string {
  return line.replace(/^( *):(?=:)/, '$1\\x3a');
}

/** `text` cut from the left with `…` to fit `width` columns (the end of a field path says most), at a `.` when one is near. */
export function cutLeft(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const kept: string[] = [];
  let used = 1;
  for (const unit of units(text).reverse()) {
    if (used + codePointWidth(unit) > width) break;
    used += codePointWidth(unit);
    kept.unshift(unit);
  }
  // Start at a whole field name when one begins early enough: "…containers[0].image", not "…ners[0].image".
  const boundary = kept.indexOf('.');
  return `…${(boundary >= 0 && boundary < kept.length / 2 ? kept.slice(boundary + 1) : kept).join('')}`;
}

/**
 * Clauses joined by `separator` (as "a; b; c"), breaking between clauses where it can and inside
 * one only when it is wider than a line; lines after the first are `width - hang` wide.
 */
export function wrapClauses(text: string, separator: string, width: number, hang = 0): string[] {
  const mark = separator.trimEnd();
  const lines: string[] = [];
  for (const clause of text.split(separator)) {
    const last = lines.pop();
    // Each clause wrapped one column short: its last line may be followed by the mark.
    if (last === undefined) {
      lines.push(...wrapWords(clause, width - mark.length, hang));
      continue;
    }
    const room = lines.length === 0 ? width : width - hang;
    const joined = `${last}${separator}${clause}`;
    if (displayWidth(joined) + mark.length <= room) lines.push(joined);
    else lines.push(`${last}${mark}`, ...wrapWords(clause, width - hang - mark.length));
  }
  return lines;
}
