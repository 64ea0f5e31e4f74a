import { escapeControls, plural, type Finding, type LintResult, type LintSummary, type Severity } from '@k8s-lint/core';
import { describeWhere } from './describe';
import { ruleSummaryLines } from './rule-summary';
import type { FormatContext } from './types';

const ANSI = { red: 31, yellow: 33, blue: 34, green: 32, dim: 2, bold: 1, underline: 4 } as const;
type Style = keyof typeof ANSI;

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', note: 'blue' };

/**
 * Human-readable report grouped by file, then counts per rule, ending with a summary line;
 * suppressed findings are only counted. Values from the input (file names, messages, object
 * names) are shown with control, bidi and line-separator characters escaped: only the colour
 * codes and line ends of the report itself reach the terminal.
 */
export function formatStylish(result: LintResult, context: FormatContext): string {
  const paint = (style: Style, text: string): string => (context.color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
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
    lines.push(paint('underline', escapeControls(file)));
    const positionWidth = Math.max(...findings.map((f) => `${f.line}:${f.column}`.length));
    for (const finding of findings) {
      const position = `${finding.line}:${finding.column}`.padEnd(positionWidth);
      const severity = paint(SEVERITY_STYLE[finding.severity], finding.severity.padEnd(7));
      lines.push(`  ${position}  ${severity}  ${escapeControls(finding.message)}  ${paint('dim', escapeControls(finding.ruleId))}`);
      const where = escapeControls(describeWhere(finding));
      if (where) lines.push(`  ${' '.repeat(positionWidth)}  ${paint('dim', where)}`);
      for (const related of finding.related ?? []) {
        const at = `${escapeControls(related.file)}:${related.line}:${related.column}`;
        lines.push(`  ${' '.repeat(positionWidth)}  ${paint('dim', `↳ ${at} ${escapeControls(related.message)}`)}`);
      }
    }
    lines.push('');
  }
  lines.push(...ruleSummaryLines(visible, (severity, text) => paint(SEVERITY_STYLE[severity], text)));
  // Past --max-findings the report lists only some findings; the counts below cover them all.
  const notShown = result.summary.findings - visible.length;
  if (result.maxFindings !== undefined && notShown > 0) lines.push(`… ${plural(notShown, 'more finding')} not shown (--max-findings ${result.maxFindings})`);
  lines.push(summaryLine(result.summary, paint));
  return `${lines.join('\n')}\n`;
}

function summaryLine(summary: LintSummary, paint: (style: Style, text: string) => string): string {
  const extras: string[] = [`${plural(summary.files, 'file')}, ${plural(summary.objects, 'object')}`];
  if (summary.suppressed > 0) extras.push(`${summary.suppressed} suppressed`);
  if (summary.baselined) extras.push(`${summary.baselined} in baseline`);
  if (summary.skipped > 0) extras.push(`${plural(summary.skipped, 'document')} without apiVersion/kind skipped`);
  if (summary.unvalidated) extras.push(`${plural(summary.unvalidated, 'custom resource')} without a known schema (no CRD) not validated`);
  if (summary.findings === 0) return paint('green', `✔ No problems`) + ` (${extras.join('; ')})`;
  const counts = `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.notes, 'note')}`;
  const style: Style = summary.errors > 0 ? 'red' : summary.warnings > 0 ? 'yellow' : 'blue';
  return paint(style, paint('bold', `✖ ${plural(summary.findings, 'problem')} (${counts})`)) + ` in ${extras.join('; ')}`;
}
