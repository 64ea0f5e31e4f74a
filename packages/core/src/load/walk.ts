import { readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { SourceRange } from '../types';
import { CHART_FILE, CHART_NOT_RENDERED_MESSAGE, chartFileProblem, isChartSourceEntry } from './chart-files';

/** Something under the linted paths that was not linted, reported instead of skipped silently. */
export interface InputProblem {
  /** `chart`: a Helm chart whose templates were not linted; `chart-invalid`: its Chart.yaml lacks what helm requires. */
  kind: 'unreadable' | 'symlink' | 'chart' | 'chart-invalid';
  absolutePath: string;
  message: string;
  /** Where in the file, when known (else 1:1). */
  range?: SourceRange;
}

const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];
/** Directories never walked into (never worth reporting). */
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);

export function isManifestFile(file: string): boolean {
  return MANIFEST_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

/**
 * The manifest files under `root`, found without following symbolic links (so no loop and no
 * escape from the tree is possible). Links to directories or manifests, unreadable directories
 * and manifest names that are not regular files (FIFOs would block a read forever) go to
 * `problems`. Excluded paths are pruned, directories included.
 */
export function walkDirectory(root: string, isExcluded: (absolutePath: string) => boolean, problems: InputProblem[]): string[] {
  const files: string[] = [];
  const pending = [root];
  for (let directory = pending.pop(); directory !== undefined; directory = pending.pop()) {
    let entries: Dirent[];
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      problems.push({ kind: 'unreadable', absolutePath: directory, message: `directory cannot be read (${codeOf(error)}): its files were not linted` });
      continue;
    }
    const isChart = entries.some((entry) => entry.isFile() && entry.name === CHART_FILE);
    if (isChart) problems.push(...chartProblems(path.join(directory, CHART_FILE)));
    for (const entry of entries) {
      const full = path.join(directory, entry.name);
      if ((entry.isDirectory() && ALWAYS_SKIPPED.has(entry.name)) || isExcluded(full)) continue;
      // Templates are Go templates, not YAML, until helm renders them (--helm does).
      if (isChart && isChartSourceEntry(entry.name, entry.isDirectory())) continue;
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isFile()) {
        if (isManifestFile(entry.name)) files.push(full);
      } else if (entry.isSymbolicLink()) {
        const problem = symlinkProblem(full);
        if (problem) problems.push(problem);
      } else if (isManifestFile(entry.name)) {
        problems.push({ kind: 'unreadable', absolutePath: full, message: 'not a regular file (a FIFO, socket or device): not read' });
      }
    }
  }
  return files;
}

/**
 * The note that a chart was not rendered, and what makes its Chart.yaml unusable. A syntax
 * error is not repeated: Chart.yaml is linted as a plain file, which reports it.
 */
export function chartProblems(chartFile: string): InputProblem[] {
  const problem = chartFileProblem(chartFile);
  if (problem?.kind === 'invalid') return [{ kind: 'chart-invalid', absolutePath: chartFile, message: problem.message, range: problem.range }];
  return [{ kind: 'chart', absolutePath: chartFile, message: CHART_NOT_RENDERED_MESSAGE }];
}

/** A link worth reporting: to a directory or a manifest file, or a dangling link with a manifest name. */
function symlinkProblem(link: string): InputProblem | null {
  let target: ReturnType<typeof statSync> | undefined;
  try {
    target = statSync(link);
  } catch {
    target = undefined;
  }
  if (target === undefined) {
    return isManifestFile(link) ? { kind: 'symlink', absolutePath: link, message: 'symbolic link to nothing (dangling): not followed' } : null;
  }
  if (!target.isDirectory() && !isManifestFile(link)) return null;
  const what = target.isDirectory() ? 'a directory' : 'a file';
  return { kind: 'symlink', absolutePath: link, message: `symbolic link to ${what}: not followed (lint the target itself to check it)` };
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

export function isChartProblem(problem: InputProblem): boolean {
  return problem.kind === 'chart' || problem.kind === 'chart-invalid';
}
