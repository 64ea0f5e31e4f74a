import { acceptedCounts, BASELINE_REASON, baselineKey, BaselineRecorder, entryOf, type Baseline, type BaselineLocation } from '../../baseline/baseline';
import { MaxHeap } from '../max-heap';
import { compareSequenced, type Sequenced } from './report-order';

/** A baseline applied while linting, or recorded from the run (`--write-baseline`). */
export type BaselineUse = { apply: Baseline; location: BaselineLocation } | { record: BaselineLocation };

function accepted(item: Sequenced): Sequenced {
  return { finding: { ...item.finding, suppression: { via: 'baseline', reason: BASELINE_REASON } }, seq: item.seq };
}

/**
 * Stage "baseline". Applying: for each key, the baseline accepts the first `count` unsuppressed
 * findings in report order — whatever order they arrive in, so a bounded heap per key holds the
 * candidates so far, and they are handed on, accepted, by `finish`. Recording: every unsuppressed
 * finding is recorded and accepted. Findings suppressed in the manifests keep their suppression.
 */
export class BaselineStage {
  private readonly accepting = new Map<string, { limit: number; heap: MaxHeap<Sequenced> }>();
  private readonly recorder: BaselineRecorder | null = null;
  private readonly location: BaselineLocation | null = null;

  constructor(use?: BaselineUse) {
    if (use && 'apply' in use) {
      this.location = use.location;
      for (const [key, limit] of acceptedCounts(use.apply)) this.accepting.set(key, { limit, heap: new MaxHeap(compareSequenced) });
    } else if (use) {
      this.recorder = new BaselineRecorder(use.record);
    }
  }

  /** Returns what passes on now: this finding, or one it displaced from the baseline (later in report order), or nothing. */
  pass(item: Sequenced): Sequenced | undefined {
    if (item.finding.suppression) return item;
    if (this.recorder) {
      this.recorder.add(item.finding);
      return accepted(item);
    }
    const slot = this.location && this.accepting.get(baselineKey(entryOf(item.finding, this.location)));
    if (!slot) return item;
    if (slot.heap.size < slot.limit) {
      slot.heap.push(item);
      return undefined;
    }
    const last = slot.heap.peek();
    if (last === undefined || compareSequenced(item, last) >= 0) return item;
    return slot.heap.replaceTop(item);
  }

  /** The findings the applied baseline accepts, now suppressed `via: "baseline"`. */
  finish(): Sequenced[] {
    return [...this.accepting.values()].flatMap((slot) => slot.heap.drainSorted().map(accepted));
  }

  /** With `{ record }`: every unsuppressed finding of the run. */
  recorded(): Baseline | undefined {
    return this.recorder?.baseline();
  }
}
