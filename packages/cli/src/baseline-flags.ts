import { applyBaseline, createBaseline, formatBaseline, InputError, readBaseline, type LintResult } from '@k8s-lint/core';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CliIo } from './io';

export interface BaselineFlags {
  baseline?: string;
  writeBaseline?: string;
}

/**
 * `--write-baseline <file>` records the run's unsuppressed findings (replacing the file, so fixed
 * findings drop out); `--baseline <file>` accepts the recorded ones. After writing, the run is
 * judged against the new baseline, so adopting k8s-lint starts from exit 0. The baseline to read
 * is loaded before linting, so a missing or broken file fails fast (exit 2).
 */
export function prepareBaseline(flags: BaselineFlags, io: Pick<CliIo, 'cwd' | 'stderr'>): (result: LintResult) => LintResult {
  if (flags.writeBaseline !== undefined) {
    const shown = flags.writeBaseline;
    const file = path.resolve(io.cwd, shown);
    const location = { directory: path.dirname(file), cwd: io.cwd };
    return (result) => {
      const baseline = createBaseline(result.findings, location);
      try {
        writeFileSync(file, formatBaseline(baseline));
      } catch (error) {
        throw new InputError(`cannot write baseline ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      }
      const count = baseline.entries.reduce((sum, entry) => sum + entry.count, 0);
      io.stderr.write(`k8s-lint: wrote ${count} finding${count === 1 ? '' : 's'} to baseline ${shown}\n`);
      return applyBaseline(result, baseline, location);
    };
  }
  if (flags.baseline !== undefined) {
    const file = path.resolve(io.cwd, flags.baseline);
    const baseline = readBaseline(file);
    return (result) => applyBaseline(result, baseline, { directory: path.dirname(file), cwd: io.cwd });
  }
  return (result) => result;
}
