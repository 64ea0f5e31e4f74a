import type { Baseline } from '../baseline/baseline';
import type { Finding } from '../types';
import { BaselineStage, type BaselineUse } from './stages/baseline';
import { SummaryStage, type KeptFindings } from './stages/summary';

export type { BaselineUse } from './stages/baseline';
export { compareFindings } from './stages/report-order';
export type { FindingCounts } from './stages/summary';

/**
 * Findings kept in a result at most, by default. A real repository gives some thousands (the
 * corpus of public repositories, 1,000 files, gives 3,356); 50,000 kept findings take some tens
 * of megabytes, where 390,000 (one 2.4 MB file of 30,000 minimal Pods) took gigabytes to report.
 */
export const DEFAULT_MAX_FINDINGS = 50_000;

export interface CollectedFindings extends KeptFindings {
  /** With `{ record }`: every unsuppressed finding of the run. */
  recorded?: Baseline;
}

/**
 * The last two stages of the pipeline, baseline then summary, for findings whose suppression in
 * the manifests is decided: takes them one at a time, in any order, and gives the same result for
 * any order. The baseline is applied here, not after linting, so that the counts stay exact for
 * findings past `maxFindings`, which are counted but not kept.
 */
export class FindingCollector {
  private seq = 0;
  private readonly baseline: BaselineStage;
  private readonly summary: SummaryStage;

  constructor(maxFindings: number, baseline?: BaselineUse) {
    this.baseline = new BaselineStage(baseline);
    this.summary = new SummaryStage(maxFindings);
  }

  add(finding: Finding): void {
    const passed = this.baseline.pass({ finding, seq: this.seq++ });
    if (passed) this.summary.add(passed);
  }

  finish(): CollectedFindings {
    for (const accepted of this.baseline.finish()) this.summary.add(accepted);
    const recorded = this.baseline.recorded();
    return { ...this.summary.finish(), ...(recorded ? { recorded } : {}) };
  }
}
