import { VERSION, type LintResult } from '@k8s-lint/core';

/**
 * The documented JSON contract (see README): field order is fixed and output is byte-for-byte
 * stable for the same input.
 */
export function formatJson(result: LintResult): string {
  const output = {
    tool: { name: 'k8s-lint', version: VERSION },
    summary: {
      files: result.summary.files,
      objects: result.summary.objects,
      findings: result.summary.findings,
      errors: result.summary.errors,
      warnings: result.summary.warnings,
      notes: result.summary.notes,
      suppressed: result.summary.suppressed,
      // Only when a baseline was applied.
      ...(result.summary.baselined !== undefined ? { baselined: result.summary.baselined } : {}),
      skipped: result.summary.skipped,
      // Only when non-zero, and last: output without custom resources is unchanged.
      ...(result.summary.unvalidated ? { unvalidated: result.summary.unvalidated } : {}),
    },
    findings: result.findings.map((finding) => ({
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      file: finding.file,
      line: finding.line,
      column: finding.column,
      endLine: finding.endLine,
      endColumn: finding.endColumn,
      object: finding.object,
      path: finding.path,
      suppressed: finding.suppression !== null,
      suppression: finding.suppression,
      source: finding.source,
    })),
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}
