import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { CommentSuppressions } from '../suppress/suppressions';
import type { AnalyzedFile, UnreadableFile } from './analyze-file';
import { ANALYZE_WORKER_DATA, ANALYZE_WORKER_FILE, type AnalyzeBatch, type AnalyzedBatch, type WireFile } from './analyze-worker';

/** `lint({ jobs })`: a number of threads, or `auto` (one per core when there are many files). */
export type Jobs = number | 'auto';

// Below this many files per thread, starting a thread (about 30 ms) costs more than it saves.
const FILES_PER_WORKER = 150;
const MAX_AUTO_WORKERS = 4;
const BATCH_SIZE = 16;
// Batches queued per worker beyond the one it works on, so that it never waits for the next.
const BATCHES_AHEAD = 2;

/** How many worker threads to analyze `files` files with; 1 means in this thread. */
export function workerCount(jobs: Jobs | undefined, files: number): number {
  // Sources run under ts-jest: a worker cannot load TypeScript, so tests analyze in process.
  if (jobs === undefined || ANALYZE_WORKER_FILE.endsWith('.ts')) return 1;
  const wanted = jobs === 'auto' ? Math.min(availableParallelism(), MAX_AUTO_WORKERS, Math.floor(files / FILES_PER_WORKER)) : jobs;
  return Math.max(1, Math.min(wanted, files));
}

/**
 * Reads, decodes and parses files in `count` worker threads and yields the results in the order
 * of `paths`, so that everything after this step is the same as in one thread. Workers pull
 * batches as they finish; results are released once yielded.
 */
export async function* analyzeInWorkers(paths: readonly string[], count: number, maxFileSize: number): AsyncGenerator<AnalyzedFile | UnreadableFile> {
  const settled = new Map<number, AnalyzedFile | UnreadableFile>();
  // Mutated by the workers' event handlers while the loop below awaits.
  const state: { waiting: { index: number; resolve: () => void } | null; failure: Error | null } = { waiting: null, failure: null };
  let next = 0;
  const workers: Worker[] = [];

  const dispatch = (worker: Worker): void => {
    if (next >= paths.length) return;
    const batch: AnalyzeBatch = { first: next, paths: paths.slice(next, next + BATCH_SIZE), maxFileSize };
    next += batch.paths.length;
    worker.postMessage(batch);
  };
  const wake = (): void => {
    const { waiting } = state;
    if (waiting && (state.failure || settled.has(waiting.index))) {
      state.waiting = null;
      waiting.resolve();
    }
  };

  for (let i = 0; i < count; i++) {
    const worker = new Worker(ANALYZE_WORKER_FILE, { workerData: ANALYZE_WORKER_DATA });
    worker.on('message', ({ first, results }: AnalyzedBatch) => {
      results.forEach((result, offset) => settled.set(first + offset, fromWire(result)));
      dispatch(worker);
      wake();
    });
    worker.on('error', (error) => {
      state.failure ??= error;
      wake();
    });
    workers.push(worker);
    for (let ahead = 0; ahead <= BATCHES_AHEAD; ahead++) dispatch(worker);
  }

  try {
    for (let index = 0; index < paths.length; index++) {
      if (!settled.has(index) && !state.failure) await new Promise<void>((resolve) => (state.waiting = { index, resolve }));
      if (state.failure) throw state.failure;
      const result = settled.get(index) as AnalyzedFile | UnreadableFile;
      settled.delete(index);
      yield result;
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

function fromWire(result: WireFile | UnreadableFile): AnalyzedFile | UnreadableFile {
  if ('unreadable' in result) return result;
  const { commentLines, ...rest } = result;
  return { ...rest, comments: new CommentSuppressions(commentLines) };
}
