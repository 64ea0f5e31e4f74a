import { VERSION, jsonChunks, LazyJsonArray, type Finding, type LintResult } from '@k8s-lint/core';
import type { FormatContext } from './types';

/**
 * The documented JSON contract (see README): field order is fixed and output is byte-for-byte
 * stable for the same input. Written in pieces, a finding at a time, so that memory stays
 * bounded whatever the number of findings.
 */
export function* jsonReportChunks(result: LintResult, context?: Pick<FormatContext, 'config'>): Generator<string, void, undefined> {
  const output = {
    tool: { name: 'k8s-lint', version: VERSION },
    // The configuration file the run used (relative path), null when none.
    config: context?.config ?? null,
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
      // Only past --max-findings: how many findings are counted above but not listed, and the cap.
      ...(result.summary.omitted ? { omitted: result.summary.omitted, maxFindings: result.maxFindings } : {}),
      // Only when files were read as context (files named, not a directory): directory runs are unchanged.
      ...(result.summary.contextFiles ? { contextFiles: result.summary.contextFiles } : {}),
    },
    findings: new LazyJsonArray(function* () {
      for (const finding of result.findings) yield toJsonFinding(finding);
    }),
  };
  yield* jsonChunks(output);
  yield '\n';
}

export function formatJson(result: LintResult, context?: Pick<FormatContext, 'config'>): string {
  return [...jsonReportChunks(result, context)].join('');
}

function toJsonFinding(finding: Finding): object {
  return {
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
    // Only on findings from `--kustomize` rendering: other output is unchanged.
    ...(finding.renderedBy ? { renderedBy: finding.renderedBy } : {}),
    // Only on findings that point elsewhere too (the role rule behind a binding): other output is unchanged.
    ...(finding.related && finding.related.length > 0 ? { related: finding.related.map(toJsonRelated) } : {}),
  };
}

/** Fixed field order, like the finding's own. */
function toJsonRelated(related: NonNullable<Finding['related']>[number]): object {
  return {
    file: related.file,
    line: related.line,
    column: related.column,
    endLine: related.endLine,
    endColumn: related.endColumn,
    message: related.message,
  };
}
