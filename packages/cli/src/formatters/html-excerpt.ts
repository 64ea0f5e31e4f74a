import type { Finding } from '@k8s-lint/core';
import { html } from './html-escape';
import { KEYS_ONLY_KINDS, redactLine, type Segment } from './html-redact';

/** Lines shown above the finding and below it. */
const CONTEXT_LINES = 2;
/** A finding spanning more lines shows its first ones only. */
const MAX_SPAN_LINES = 8;
/** Longer lines are cut: a minified manifest must not make the page heavy. */
const MAX_LINE_LENGTH = 300;
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?:\s|$)/;
const MASK = '<span class="mask" title="value not shown in the report">…</span>';

/** A file's lines, once per file, for the excerpts of all its findings. */
export function sourceLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  // The line feed that ends the last line starts no line of its own.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * The lines around a finding, numbered, with its span marked (`<mark>`); values are shown or
 * masked as `redactLine` says. Never crosses a `---` into another document. Empty when the
 * finding's line is not in the file (the file changed, or the finding is about the whole file).
 */
export function excerptHtml(lines: readonly string[], finding: Finding): string {
  if (!Number.isInteger(finding.line) || finding.line < 1 || finding.line > lines.length) return '';
  const endLine = Math.max(finding.line, Math.min(finding.endLine, finding.line + MAX_SPAN_LINES - 1, lines.length));
  let first = Math.max(1, finding.line - CONTEXT_LINES);
  let last = Math.min(lines.length, endLine + CONTEXT_LINES);
  for (let number = finding.line - 1; number >= first; number--) {
    if (DOCUMENT_MARKER.test(lines[number - 1] ?? '')) first = number + 1;
  }
  for (let number = endLine + 1; number <= last; number++) {
    if (DOCUMENT_MARKER.test(lines[number - 1] ?? '')) last = number - 1;
  }
  // Objects read as a whole may be secrets; a finding without an object may be anywhere in the file.
  const keysOnly = finding.object === null || KEYS_ONLY_KINDS.has(finding.object.kind);
  const rows: string[] = [];
  for (let number = first; number <= last; number++) {
    const hit = number >= finding.line && number <= endLine;
    const from = number === finding.line ? finding.column - 1 : 0;
    const to = number === finding.endLine ? finding.endColumn - 1 : Infinity;
    const text = lines[number - 1] ?? '';
    const cut = text.length > MAX_LINE_LENGTH;
    const segments = redactLine(cut ? text.slice(0, MAX_LINE_LENGTH) : text, keysOnly);
    // One mark over the span, however many segments it covers (the page's own tags only: input is escaped).
    const content = segments.map((segment) => (hit ? segmentHtml(segment, from, to) : segmentHtml(segment, 0, 0))).join('').replaceAll('</mark><mark>', '');
    rows.push(`<span class="${hit ? 'row hit' : 'row'}"><span class="ln">${number}</span>${content}${cut ? '<span class="cut">…</span>' : ''}</span>`);
  }
  // Rows are blocks (the whole width marked): line feeds between them would add blank lines.
  return `<pre class="excerpt">${rows.join('')}</pre>`;
}

/** A segment with the part inside [from, to) (0-based offsets in the line) marked. */
function segmentHtml(segment: Segment, from: number, to: number): string {
  const end = segment.start + segment.text.length;
  const overlaps = from < end && to > segment.start;
  if (segment.hidden) return overlaps ? `<mark>${MASK}</mark>` : MASK;
  if (!overlaps) return html(segment.text);
  const a = Math.max(0, from - segment.start);
  const b = Math.min(segment.text.length, to - segment.start);
  return `${html(segment.text.slice(0, a))}<mark>${html(segment.text.slice(a, b))}</mark>${html(segment.text.slice(b))}`;
}
