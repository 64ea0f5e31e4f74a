import { describeObject, escapeControls, plural, type Finding, type LintResult, type LintSummary, type Severity } from '@k8s-lint/core';
import { ruleSummaryLines } from './rule-summary';
import type { FormatContext } from './types';
import { cutLeft, DEFAULT_WIDTH, displayWidth, wrapClauses, wrapWords } from './wrap';

const ANSI = { red: 31, yellow: 33, blue: 34, green: 32, dim: 2, bold: 1, underline: 4 } as const;
type Style = keyof typeof ANSI;

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', note: 'blue' };

/**
 * Human-readable report grouped by file, then counts per rule, ending with a summary line;
 * suppressed findings are only counted. Values from the input (file names, messages, object
 * names) are shown with control, bidi and line-separator characters escaped: only the colour
 * codes and line ends of the report itself reach the terminal. Lines fit `context.width`
 * (80 when not given): a finding's position, severity and rule on its first line, then the
 * message, object and field path, sources and related objects on indented lines below.
 */
export function formatStylish(result: LintResult, context: FormatContext): string {
  const paint = (style: Style, text: string): string => (context.color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
  const width = context.width ?? DEFAULT_WIDTH;
  const visible = result.findings.filter((finding) => !finding.suppression);
  const byFile = new Map<string, Finding[]>();
  // Appended in place: copying the group for each finding took minutes for 50,000 findings in one file.
  for (const finding of visible) {
    const group = byFile.get(finding.file);
    if (group) group.push(finding);
    else byFile.set(finding.file, [finding]);
  }

  const lines: string[] = [];
  for (const [file, findings] of byFile) {
    lines.push(...hanging(wrapWords(escapeControls(file), width, 2), 2).map((line) => paint('underline', line)));
    const positionWidth = Math.max(...findings.map((f) => `${f.line}:${f.column}`.length));
    for (const finding of findings) lines.push(...findingLines(finding, positionWidth, width, paint));
    lines.push('');
  }
  lines.push(...ruleSummaryLines(visible, (severity, text) => paint(SEVERITY_STYLE[severity], text), width));
  // Past --max-findings the report lists only some findings; the counts below cover them all.
  const notShown = result.summary.findings - visible.length;
  if (result.maxFindings !== undefined && notShown > 0) lines.push(...hanging(wrapWords(`… ${plural(notShown, 'more finding')} not shown (--max-findings ${result.maxFindings})`, width, 2), 2));
  lines.push(...hanging(wrapClauses(summaryLine(result.summary, paint, context.config), '; ', width, 2), 2));
  return `${lines.join('\n')}\n`;
}

/** Lines after the first indented by `hang` spaces. */
function hanging(lines: string[], hang: number): string[] {
  return lines.map((line, index) => (index === 0 ? line : `${' '.repeat(hang)}${line}`));
}

function findingLines(finding: Finding, positionWidth: number, width: number, paint: (style: Style, text: string) => string): string[] {
  const indent = ' '.repeat(2 + positionWidth + 2);
  const room = width - indent.length;
  const position = `${finding.line}:${finding.column}`.padEnd(positionWidth);
  const severity = paint(SEVERITY_STYLE[finding.severity], finding.severity.padEnd(7));
  const ruleId = escapeControls(finding.ruleId);
  const lines: string[] = [];
  const below = (text: string, style?: Style, hang = 0): void => {
    for (const line of hanging(wrapWords(text, room, hang), hang)) lines.push(indent + (style ? paint(style, line) : line));
  };
  // The rule on the first line, unless the terminal is too narrow for it there.
  if (indent.length + 9 + displayWidth(ruleId) <= width) lines.push(`  ${position}  ${severity}  ${paint('dim', ruleId)}`);
  else {
    lines.push(`  ${position}  ${paint(SEVERITY_STYLE[finding.severity], finding.severity)}`);
    below(ruleId, 'dim');
  }
  below(escapeControls(finding.message));
  for (const line of objectAndPath(finding, room)) lines.push(indent + paint('dim', line));
  const origin = [finding.source ? `(from ${finding.source})` : '', finding.renderedBy ? `via ${finding.renderedBy.join(', ')}` : ''].filter(Boolean).join(' ');
  if (origin) below(escapeControls(origin), 'dim', 2);
  for (const related of finding.related ?? []) {
    below(`↳ ${escapeControls(related.file)}:${related.line}:${related.column} ${escapeControls(related.message)}`, 'dim', 2);
  }
  return lines;
}

/** "Kind name › field.path" on one line, the path cut from the left when it does not fit; the object on a line of its own when it is long. */
function objectAndPath(finding: Finding, room: number): string[] {
  const object = finding.object ? escapeControls(describeObject(finding.object)) : '';
  const path = escapeControls(finding.path);
  if (!object) return path ? [cutLeft(path, room)] : [];
  if (!path) return hanging(wrapWords(object, room, 2), 2);
  const joined = `${object} › ${path}`;
  if (displayWidth(joined) <= room) return [joined];
  // Keep the object whole and at least this much of the path on the same line.
  const shortestPath = Math.min(displayWidth(path), 24);
  if (displayWidth(object) + 3 + shortestPath <= room) return [`${object} › ${cutLeft(path, room - displayWidth(object) - 3)}`];
  return [...hanging(wrapWords(object, room, 2), 2), `› ${cutLeft(path, room - 2)}`];
}

function summaryLine(summary: LintSummary, paint: (style: Style, text: string) => string, config?: string | null): string {
  const extras: string[] = [`${plural(summary.files, 'file')}, ${plural(summary.objects, 'object')}`];
  // Which configuration the run used, so that one found (or not) from the linted paths is never a surprise.
  if (config) extras.push(`config: ${escapeControls(config)}`);
  if (summary.suppressed > 0) extras.push(`${summary.suppressed} suppressed`);
  if (summary.baselined) extras.push(`${summary.baselined} in baseline`);
  if (summary.skipped > 0) extras.push(`${plural(summary.skipped, 'document')} without apiVersion/kind skipped`);
  if (summary.unvalidated) extras.push(`${plural(summary.unvalidated, 'custom resource')} without a known schema (no CRD) not validated`);
  if (summary.findings === 0) return paint('green', `✔ No problems`) + ` (${extras.join('; ')})`;
  const counts = `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.notes, 'note')}`;
  const style: Style = summary.errors > 0 ? 'red' : summary.warnings > 0 ? 'yellow' : 'blue';
  return paint(style, paint('bold', `✖ ${plural(summary.findings, 'problem')} (${counts})`)) + ` in ${extras.join('; ')}`;
}
