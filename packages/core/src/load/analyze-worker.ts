import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { analyzePath, type AnalyzedFile, type UnreadableFile } from './analyze-file';

const ROLE = 'k8s-lint:analyze';

export interface AnalyzeBatch {
  first: number;
  paths: string[];
  maxFileSize: number;
}

/** A batch's results; comment suppressions travel as their plain `byLine` map. */
export interface AnalyzedBatch {
  first: number;
  results: Array<WireFile | UnreadableFile>;
}

export type WireFile = Omit<AnalyzedFile, 'comments'> & { commentLines: AnalyzedFile['comments']['byLine'] };

/** The script a worker runs: this module in the built package; the bundle itself when bundled. */
export const ANALYZE_WORKER_FILE = __filename;
export const ANALYZE_WORKER_DATA = { role: ROLE };

export function isAnalyzeWorker(): boolean {
  return !isMainThread && (workerData as { role?: unknown } | null)?.role === ROLE;
}

let started = false;

/** Serves batches of paths until the parent closes the channel. */
export function runAnalyzeWorker(): void {
  // The bundle can reach this twice: from its entry point and from this module's own check below.
  if (started || !parentPort) return;
  started = true;
  const port = parentPort;
  port.on('message', ({ first, paths, maxFileSize }: AnalyzeBatch) => {
    const results = paths.map((file) => {
      const analyzed = analyzePath(file, maxFileSize);
      if ('unreadable' in analyzed) return analyzed;
      const { comments, ...rest } = analyzed;
      return { ...rest, commentLines: comments.byLine };
    });
    port.postMessage({ first, results } satisfies AnalyzedBatch);
  });
}

if (isAnalyzeWorker() && require.main === module) runAnalyzeWorker();
