import type { Finding, LintResult, LintSummary, Severity } from '@k8s-lint/core';
import { describeWhere } from './describe';
import { ruleSummaryLines } from './rule-summary';
import type { FormatContext } from './types';

const ANSI = { red: 31, yellow: 33, blue: 34, green: 32, dim: 2, bold: 1, underline: 4 } as const;
type Style = keyof typeof ANSI;

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', note: 'blue' };

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Human-readable report grouped by file, then counts per rule, ending with a summary line; suppressed findings are only counted. */
export function formatStylish(result: LintResult, context: FormatContext): string {
  const paint = (style: Style, text: string): string => (context.color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
  const visible = result.findings.filter((finding) => !finding.suppression);
  const byFile = new Map<string, Finding[]>();
  for (const finding of visible) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);

  const lines: string[] = [];
  for (const [file, findings] of byFile) {
    lines.push(paint('underline', file));
    const positionWidth = Math.max(...findings.map((f) => `${f.line}:${f.column}`.length));
    for (const finding of findings) {
      const position = `${finding.line}:${finding.column}`.padEnd(positionWidth);
      const severity = paint(SEVERITY_STYLE[finding.severity], finding.severity.padEnd(7));
      lines.push(`  ${position}  ${severity}  ${finding.message}  ${paint('dim', finding.ruleId)}`);
      const where = describeWhere(finding);
      if (where) lines.push(`  ${' '.repeat(positionWidth)}  ${paint('dim', where)}`);
    }
    lines.push('');
  }
  lines.push(...ruleSummaryLines(visible, (severity, text) => paint(SEVERITY_STYLE[severity], text)));
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
