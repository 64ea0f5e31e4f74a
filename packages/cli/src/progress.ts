import type { CliIo } from './io';
import { terminalOf } from './safe-stderr';

/** Below this many files a run is quick enough that a progress line would only flicker. */
export const PROGRESS_MIN_FILES = 50;

/**
 * Progress is for a person watching a terminal: stderr must be a terminal, CI must not be set, and
 * the report must not be piped (stdout is a terminal, or the report goes to `--output`), so logs
 * and pipes never receive carriage returns.
 */
export function wantsProgress(io: Pick<CliIo, 'env' | 'stdout' | 'stderr'>, reportToFile: boolean): boolean {
  if (io.stderr.isTTY !== true) return false;
  if (io.env.CI !== undefined && io.env.CI !== '') return false;
  return reportToFile || io.stdout.isTTY === true;
}

export interface Progress {
  update(done: number, total: number): void;
  /** Erases the line, so the report starts on a clean terminal. */
  finish(): void;
}

const CLEAR_LINE = '\r\u001b[2K';

/**
 * Rewrites one stderr line in place; draws only for large runs and only when the percentage
 * changes. Its CR and erase sequence are the CLI's own and its text is numbers only, so it
 * writes to the terminal behind the escaping stderr.
 */
export function createProgress(stderr: { write(text: string): unknown }, minFiles = PROGRESS_MIN_FILES): Progress {
  const stream = terminalOf(stderr);
  let shown = false;
  let lastPercent = -1;
  return {
    update(done, total) {
      if (total <= minFiles) return;
      const percent = Math.floor((done * 100) / total);
      if (percent === lastPercent) return;
      lastPercent = percent;
      shown = true;
      stream.write(`${CLEAR_LINE}k8s-lint: reading files ${done}/${total} (${percent}%)`);
    },
    finish() {
      if (shown) stream.write(CLEAR_LINE);
      shown = false;
    },
  };
}
