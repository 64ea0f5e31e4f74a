import type { LintResult } from '@k8s-lint/core';

/**
 * `--quiet`, as ESLint's: only errors are reported, and only they count, for the summary and
 * for `--fail-on` (warnings and notes neither show nor fail the run). The suppressed and
 * baselined counts are of the errors kept in the report.
 */
export function errorsOnly(result: LintResult): LintResult {
  const findings = result.findings.filter((finding) => finding.severity === 'error');
  const via = (kinds: readonly string[]): number => findings.filter((finding) => finding.suppression !== null && kinds.includes(finding.suppression.via)).length;
  const summary = { ...result.summary, findings: result.summary.errors, warnings: 0, notes: 0, suppressed: via(['annotation', 'comment']) };
  if (summary.baselined !== undefined) summary.baselined = via(['baseline']);
  return { ...result, findings, summary };
}
