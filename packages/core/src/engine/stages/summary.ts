import type { Finding } from '../../types';
import type { LintSummary } from '../result';
import { SmallestItems } from '../max-heap';
import { compareSequenced, type Sequenced } from './report-order';

export interface FindingCounts {
  /** Unsuppressed findings (not in a baseline either), and their split by severity. */
  findings: number;
  errors: number;
  warnings: number;
  notes: number;
  /** Suppressed in the manifests (annotations, comments). */
  suppressed: number;
  /** Accepted by the baseline. */
  baselined: number;
}

export interface KeptFindings {
  /** At most `maxFindings`, in report order. */
  findings: Finding[];
  counts: FindingCounts;
  /** Findings counted but not kept. */
  omitted: number;
}

/**
 * Stage "summary", the one place that counts findings: it takes every final finding, one at a
 * time, counts it, and keeps at most `maxFindings`: the unsuppressed ones first (the first in
 * report order), then, in the room left, the suppressed ones (again the first in report order).
 * Which are kept depends only on the findings, never on the order they arrive in, so the report
 * is the same for any `--jobs`; memory stays bounded whatever the number of findings.
 */
export class SummaryStage {
  private readonly open: SmallestItems<Sequenced>;
  private readonly closed: SmallestItems<Sequenced>;
  private readonly counts: FindingCounts = { findings: 0, errors: 0, warnings: 0, notes: 0, suppressed: 0, baselined: 0 };

  constructor(private readonly maxFindings: number) {
    this.open = new SmallestItems(maxFindings, compareSequenced);
    this.closed = new SmallestItems(maxFindings, compareSequenced);
  }

  add(item: Sequenced): void {
    const { suppression, severity } = item.finding;
    if (suppression) {
      if (suppression.via === 'baseline') this.counts.baselined++;
      else this.counts.suppressed++;
      this.closed.offer(item);
      return;
    }
    this.counts.findings++;
    if (severity === 'error') this.counts.errors++;
    else if (severity === 'warning') this.counts.warnings++;
    else this.counts.notes++;
    this.open.offer(item);
  }

  finish(): KeptFindings {
    const open = this.open.drainSorted();
    const closed = this.closed.drainSorted().slice(0, this.maxFindings - open.length);
    const findings = [...open, ...closed].sort(compareSequenced).map((item) => item.finding);
    const total = this.counts.findings + this.counts.suppressed + this.counts.baselined;
    return { findings, counts: { ...this.counts }, omitted: total - findings.length };
  }
}

/** What a run read, besides findings, for the summary. */
export interface RunTotals {
  files: number;
  objects: number;
  skipped: number;
  unvalidated: number;
}

/** The result's summary: the run's totals and the counts of its final findings. */
export function lintSummary(totals: RunTotals, kept: KeptFindings, withBaseline: boolean): LintSummary {
  const { baselined, ...counts } = kept.counts;
  return {
    files: totals.files,
    objects: totals.objects,
    skipped: totals.skipped,
    ...counts,
    ...(withBaseline ? { baselined } : {}),
    // `unvalidated` only when some object had no schema, `omitted` only past maxFindings: output is otherwise as it was.
    ...(totals.unvalidated ? { unvalidated: totals.unvalidated } : {}),
    ...(kept.omitted > 0 ? { omitted: kept.omitted } : {}),
  };
}
