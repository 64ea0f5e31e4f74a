import { compareStrings, escapeControls, severityRank, type Finding, type Severity } from '@k8s-lint/core';

export interface RuleCount {
  ruleId: string;
  severity: Severity;
  count: number;
}

/** Shown findings grouped by rule and severity: most severe first, then most frequent, then by id. */
export function countByRule(findings: readonly Finding[]): RuleCount[] {
  const counts = new Map<string, RuleCount>();
  for (const finding of findings) {
    const key = `${finding.severity}\u0000${finding.ruleId}`;
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { ruleId: finding.ruleId, severity: finding.severity, count: 1 });
  }
  return [...counts.values()].sort(
    (a, b) => severityRank(b.severity) - severityRank(a.severity) || b.count - a.count || compareStrings(a.ruleId, b.ruleId),
  );
}

/**
 * A short table (count, severity, rule id) so that on a big repository one sees which rules
 * dominate without scrolling; `paintSeverity` colours the severity column.
 */
export function ruleSummaryLines(findings: readonly Finding[], paintSeverity: (severity: Severity, text: string) => string): string[] {
  const rows = countByRule(findings);
  if (rows.length === 0) return [];
  const countWidth = Math.max(5, ...rows.map((row) => String(row.count).length));
  const header = `  ${'count'.padStart(countWidth)}  ${'severity'}  rule`;
  const lines = rows.map((row) => `  ${String(row.count).padStart(countWidth)}  ${paintSeverity(row.severity, row.severity.padEnd(8))}  ${escapeControls(row.ruleId)}`);
  return [header, ...lines, ''];
}
