import { escapeControls, type LintResult, type Severity } from '@k8s-lint/core';
import { describeWhere } from './describe';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', note: 'notice' };

/**
 * Workflow commands: data escapes `%` (CR and LF would be `%0D`, `%0A`); property values also
 * `:` and `,`. Control, bidi and separator characters, CR and LF included, are first shown
 * escaped (`\x1b`, `\x0a`, `\u2028`), as in the stylish report: nothing from the input drives
 * the log viewer or starts a line, in the log or in the annotation.
 */
function escapeData(value: string): string {
  return escapeControls(value).replace(/%/g, '%25');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions annotations (`::error file=...,line=...::message`), one per unsuppressed finding. */
export function formatGithub(result: LintResult): string {
  const lines = result.findings
    .filter((finding) => !finding.suppression)
    .map((finding) => {
      const properties = [`file=${escapeProperty(finding.file)}`, `line=${finding.line}`, `endLine=${finding.endLine}`];
      // GitHub honours columns only on single-line annotations.
      if (finding.line === finding.endLine) properties.push(`col=${finding.column}`, `endColumn=${finding.endColumn}`);
      properties.push(`title=${escapeProperty(`k8s-lint: ${finding.ruleId}`)}`);
      const where = describeWhere(finding);
      const message = where ? `${finding.message} (${where})` : finding.message;
      return `::${COMMAND[finding.severity]} ${properties.join(',')}::${escapeData(message)}`;
    });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
