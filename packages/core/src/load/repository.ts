import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository that holds `start`: the nearest directory at or above it with a `.git` entry
 * (a directory, or a file in worktrees and submodules). Null when there is none.
 */
export function repositoryRootOf(start: string): string | null {
  let directory = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(directory, '.git'))) return directory;
    const parent = path.dirname(directory);
    if (parent === directory) return null;
    directory = parent;
  }
}

/**
 * What "the repository" is for a run started in `cwd`: its Git repository when there is one,
 * else the working directory itself. Reads (configuration, kustomize sources) stay inside it.
 */
export function repositoryBoundary(cwd: string): string {
  return repositoryRootOf(cwd) ?? path.resolve(cwd);
}

/** Whether `file` is `directory` or below it (both absolute and resolved). */
export function isInsideDirectory(directory: string, file: string): boolean {
  const relative = path.relative(directory, file);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}
