import { compareStrings, escapeControls, severityRank, type Finding, type Severity } from '@k8s-lint/core';
import { wrapWords } from './wrap';

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
 * dominate without scrolling; `paintSeverity` colours the severity column, rows fit `width`.
 */
export function ruleSummaryLines(findings: readonly Finding[], paintSeverity: (severity: Severity, text: string) => string, width = Infinity): string[] {
  const rows = countByRule(findings);
  if (rows.length === 0) return [];
  const countWidth = Math.max(5, ...rows.map((row) => String(row.count).length));
  const header = `  ${'count'.padStart(countWidth)}  ${'severity'}  rule`;
  const ruleColumn = 2 + countWidth + 2 + 8 + 2;
  const lines = rows.flatMap((row) => {
    // Only a terminal narrower than the longest rule id wraps one, in its column.
    const [first, ...rest] = wrapWords(escapeControls(row.ruleId), Math.max(1, width - ruleColumn));
    const head = `  ${String(row.count).padStart(countWidth)}  ${paintSeverity(row.severity, row.severity.padEnd(8))}  ${first}`;
    return [head, ...rest.map((line) => `${' '.repeat(ruleColumn)}${line}`)];
  });
  return [header, ...lines, ''];
}
