import { BASELINE_REASON, BASELINE_VERSION, entryOf, keyOf, type Baseline, type BaselineEntry, type BaselineLocation } from '../baseline/baseline';
import { compareStrings } from '../text/strings';
import type { Finding } from '../types';
import { MaxHeap, SmallestItems } from './max-heap';

/**
 * Findings kept in a result at most, by default. A real repository gives some thousands (the
 * corpus of public repositories, 1,000 files, gives 3,356); 50,000 kept findings take some tens
 * of megabytes, where 390,000 (one 2.4 MB file of 30,000 minimal Pods) took gigabytes to report.
 */
export const DEFAULT_MAX_FINDINGS = 50_000;

/** A baseline applied while linting, or recorded from the run (`--write-baseline`). */
export type BaselineUse = { apply: Baseline; location: BaselineLocation } | { record: BaselineLocation };

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

export interface CollectedFindings {
  /** At most `maxFindings`, in report order. */
  findings: Finding[];
  counts: FindingCounts;
  /** Findings counted but not kept. */
  omitted: number;
  /** With `{ record }`: every unsuppressed finding of the run. */
  recorded?: Baseline;
}

/** A finding and its arrival number: ties in report order keep arrival order, as a stable sort did. */
interface Ranked {
  finding: Finding;
  seq: number;
}

/** Report order: file, line, column, rule id, field path, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareStrings(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.path, b.path) ||
    compareStrings(a.message, b.message)
  );
}

function compareRanked(a: Ranked, b: Ranked): number {
  return compareFindings(a.finding, b.finding) || a.seq - b.seq;
}

/**
 * Takes every finding of a run, one at a time, and keeps at most `maxFindings` of them while
 * counting all: the unsuppressed ones first (the first in report order), then, in the room left,
 * the suppressed ones (again the first in report order). Which are kept depends only on the
 * findings, never on the order they arrive in, so the report is the same for any `--jobs`.
 *
 * A baseline is applied here, not after linting, so that the counts stay exact for findings that
 * are not kept: like `applyBaseline`, it accepts, for each key, the first `count` unsuppressed
 * findings in report order — a bounded heap per key holds the candidates so far.
 */
export class FindingCollector {
  private seq = 0;
  private readonly open: SmallestItems<Ranked>;
  private readonly closed: SmallestItems<Ranked>;
  private readonly counts: FindingCounts = { findings: 0, errors: 0, warnings: 0, notes: 0, suppressed: 0, baselined: 0 };
  private readonly accepting: Map<string, { limit: number; heap: MaxHeap<Ranked> }> | null = null;
  private readonly recording: Map<string, BaselineEntry> | null = null;

  constructor(
    private readonly maxFindings: number,
    private readonly baseline?: BaselineUse,
  ) {
    this.open = new SmallestItems(maxFindings, compareRanked);
    this.closed = new SmallestItems(maxFindings, compareRanked);
    if (baseline && 'apply' in baseline) {
      this.accepting = new Map();
      for (const entry of baseline.apply.entries) {
        const key = keyOf(entry);
        const slot = this.accepting.get(key);
        if (slot) slot.limit += entry.count;
        else this.accepting.set(key, { limit: entry.count, heap: new MaxHeap(compareRanked) });
      }
    } else if (baseline) {
      this.recording = new Map();
    }
  }

  /** One finding, with its suppression in the manifests already decided. */
  add(finding: Finding): void {
    const ranked = { finding, seq: this.seq++ };
    if (finding.suppression) {
      this.counts.suppressed++;
      this.closed.offer(ranked);
    } else if (this.recording) {
      this.record(finding);
      this.accept(ranked);
    } else {
      const notInBaseline = this.accepting ? this.offerToBaseline(ranked) : ranked;
      if (notInBaseline) this.keepOpen(notInBaseline);
    }
  }

  finish(): CollectedFindings {
    for (const slot of this.accepting?.values() ?? []) for (const ranked of slot.heap.drainSorted()) this.accept(ranked);
    const open = this.open.drainSorted();
    const closed = this.closed.drainSorted().slice(0, this.maxFindings - open.length);
    const findings = [...open, ...closed].sort(compareRanked).map((ranked) => ranked.finding);
    const total = this.counts.findings + this.counts.suppressed + this.counts.baselined;
    return { findings, counts: { ...this.counts }, omitted: total - findings.length, ...(this.recording ? { recorded: this.recordedBaseline(this.recording) } : {}) };
  }

  private keepOpen(ranked: Ranked): void {
    const { finding } = ranked;
    this.counts.findings++;
    if (finding.severity === 'error') this.counts.errors++;
    else if (finding.severity === 'warning') this.counts.warnings++;
    else this.counts.notes++;
    this.open.offer(ranked);
  }

  private accept(ranked: Ranked): void {
    this.counts.baselined++;
    ranked.finding.suppression = { via: 'baseline', reason: BASELINE_REASON };
    this.closed.offer(ranked);
  }

  /** Returns the finding that is not in the baseline: this one, or one it displaced (later in report order). */
  private offerToBaseline(ranked: Ranked): Ranked | undefined {
    const location = (this.baseline as { location: BaselineLocation }).location;
    const slot = this.accepting?.get(keyOf(entryOf(ranked.finding, location)));
    if (!slot) return ranked;
    if (slot.heap.size < slot.limit) {
      slot.heap.push(ranked);
      return undefined;
    }
    const last = slot.heap.peek();
    if (last === undefined || compareRanked(ranked, last) >= 0) return ranked;
    return slot.heap.replaceTop(ranked);
  }

  private record(finding: Finding): void {
    const entry = entryOf(finding, (this.baseline as { record: BaselineLocation }).record);
    const key = keyOf(entry);
    const existing = this.recording?.get(key);
    if (existing) existing.count++;
    else this.recording?.set(key, { ...entry, count: 1 });
  }

  /** Sorted by key (file, rule, object, path), as `createBaseline` sorts. */
  private recordedBaseline(recording: Map<string, BaselineEntry>): Baseline {
    const entries = [...recording.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, entry]) => entry);
    return { version: BASELINE_VERSION, entries };
  }
}
