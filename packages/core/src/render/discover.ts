import fg from 'fast-glob';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { createExcludeMatcher, displayPathOf, type ExcludeSet } from '../load/inputs';

export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export function kustomizationFileIn(directory: string): string | null {
  for (const name of KUSTOMIZATION_FILES) {
    const file = path.join(directory, name);
    if (existsSync(file)) return file;
  }
  return null;
}

/**
 * Directories among the directory arguments (themselves or below) that hold one of `names`,
 * sorted, with excluded ones left out. File arguments and globs are never rendered.
 */
export async function findDirectoriesWith(names: readonly string[], args: readonly string[], cwd: string, excludes: readonly ExcludeSet[]): Promise<string[]> {
  const matchers = excludes.map(({ patterns, base }) => ({ matches: createExcludeMatcher(patterns), base }));
  const excluded = (absolute: string): boolean =>
    matchers.some(({ matches, base }) => {
      const relative = displayPathOf(base, absolute);
      return !relative.startsWith('../') && matches(relative);
    });
  const found = new Set<string>();
  for (const arg of args) {
    if (arg === '-') continue;
    const absolute = path.resolve(cwd, arg);
    const stat = await fs.stat(absolute).catch(() => undefined);
    if (!stat?.isDirectory()) continue;
    const files = await fg(
      names.map((name) => `**/${name}`),
      { cwd: absolute, absolute: true, dot: true, onlyFiles: true, followSymbolicLinks: false, ignore: ['**/.git/**', '**/node_modules/**'], suppressErrors: true },
    );
    for (const file of files) {
      const directory = path.dirname(path.normalize(file));
      if (!excluded(file) && !excluded(directory)) found.add(directory);
    }
  }
  return [...found].sort();
}

export function isInside(directory: string, file: string): boolean {
  const relative = path.relative(directory, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
