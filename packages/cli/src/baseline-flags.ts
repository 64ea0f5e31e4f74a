import { BASELINE_VERSION, formatBaseline, readBaseline, type BaselineUse, type LintResult } from '@k8s-lint/core';
import path from 'node:path';
import type { CliIo } from './io';
import { writeMessage } from './safe-stderr';
import { writeFileSafely, writeTarget, type WriteTarget } from './write-file-safely';

export interface BaselineFlags {
  baseline?: string;
  writeBaseline?: string;
}

/** What the baseline options ask of a run. */
export interface BaselinePlan {
  /** For lint(): the baseline to apply, or to record. */
  use?: BaselineUse;
  /** The file `--write-baseline` replaces, checked before linting. */
  target?: WriteTarget;
  /** The file `--baseline` reads (absolute). */
  read?: string;
  /** After linting, before the report: writes the recorded baseline (`--write-baseline`). */
  finish(result: LintResult): void;
}

/**
 * `--write-baseline <file>` records the run's unsuppressed findings (replacing the file, so fixed
 * findings drop out); `--baseline <file>` accepts the recorded ones. After writing, the run is
 * judged against the new baseline, so adopting k8s-lint starts from exit 0. The baseline to read
 * is loaded before linting, so a missing or broken file fails fast (exit 2). Either is applied
 * while linting, so that counts are exact past --max-findings.
 */
export function prepareBaseline(flags: BaselineFlags, io: Pick<CliIo, 'cwd' | 'stderr'>): BaselinePlan {
  if (flags.writeBaseline !== undefined) {
    const shown = flags.writeBaseline;
    const target = writeTarget('--write-baseline', shown, io.cwd);
    return {
      use: { record: { directory: path.dirname(target.file), cwd: io.cwd } },
      target,
      finish(result) {
        const baseline = result.baseline ?? { version: BASELINE_VERSION, entries: [] };
        writeFileSafely(target, [formatBaseline(baseline)]);
        const count = baseline.entries.reduce((sum, entry) => sum + entry.count, 0);
        writeMessage(io.stderr, `wrote ${count} finding${count === 1 ? '' : 's'} to baseline ${shown}`);
      },
    };
  }
  if (flags.baseline !== undefined) {
    const file = path.resolve(io.cwd, flags.baseline);
    // Messages name it relative to the working directory, as every path on stderr is.
    const baseline = readBaseline(file, path.relative(io.cwd, file));
    return { use: { apply: baseline, location: { directory: path.dirname(file), cwd: io.cwd } }, read: file, finish: () => undefined };
  }
  return { finish: () => undefined };
}
