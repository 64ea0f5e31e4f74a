import type { Baseline, BaselineLocation } from '../baseline/baseline';
import { FindingCollector } from './finding-collector';
import type { LintResult } from './result';

/**
 * A finished result with a baseline applied, as lint's `baseline: { apply }` option gives it: the
 * findings the baseline accepts are suppressed `via: "baseline"` and counted as `baselined`, apart
 * from `suppressed`, so a report tells accepted debt from deliberate exceptions. Goes through the
 * same baseline and summary stages, so the result must hold every finding (no `omitted`); lint's
 * option is exact past `maxFindings`.
 */
export function applyBaseline(result: LintResult, baseline: Baseline, location: BaselineLocation): LintResult {
  const collector = new FindingCollector(Math.max(1, result.findings.length), { apply: baseline, location });
  for (const finding of result.findings) collector.add(finding);
  const { findings, counts } = collector.finish();
  return { ...result, summary: { ...result.summary, ...counts }, findings };
}
