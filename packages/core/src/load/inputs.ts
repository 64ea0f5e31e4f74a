import fg from 'fast-glob';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAME } from '../config/config-file';
import { InputError } from '../errors';
import { compileGlob, type GlobMatcher } from './glob';
import { CHART_FILE, chartOwningSource } from './chart-files';
import { chartProblems, isChartProblem, isManifestFile, walkDirectory, type InputProblem } from './walk';
import { compareStrings } from '../text/strings';

export interface InputFile {
  /** Absolute path, or null for standard input. */
  absolutePath: string | null;
  /** Relative to the working directory with `/` separators; `<stdin>` for standard input. */
  displayPath: string;
}

export const STDIN_PATH = '<stdin>';

const ALWAYS_SKIPPED = ['**/.git/**', '**/node_modules/**'];

export function displayPathOf(cwd: string, absolutePath: string): string {
  return path.relative(cwd, absolutePath).split(path.sep).join('/') || '.';
}

/**
 * Patterns without a `/` match a file or directory name at any depth, like `.gitignore`; others
 * match the path from the base directory. Throws InputError for a pattern `globProblem` rejects.
 */
export function createExcludeMatcher(patterns: readonly string[]): (displayPath: string) => boolean {
  if (patterns.length === 0) return () => false;
  const matchers = patterns.map((pattern) => {
    const trimmed = pattern.replace(/^\.\//, '').replace(/\/+$/, '');
    let matches: GlobMatcher;
    try {
      matches = compileGlob(trimmed);
    } catch (error) {
      throw new InputError(`invalid glob "${pattern}": ${(error as Error).message}`);
    }
    return { matches, basename: !trimmed.includes('/') };
  });
  return (displayPath) => {
    // A file is excluded when it, or any directory above it, matches.
    const parts = displayPath.split('/');
    for (let end = parts.length; end > 0; end--) {
      const candidate = parts.slice(0, end).join('/');
      const name = parts[end - 1] ?? '';
      if (matchers.some(({ matches, basename }) => matches(basename ? name : candidate))) return true;
    }
    return false;
  };
}

/** Exclude globs and the directory they are relative to (the config file's, or the working directory). */
export interface ExcludeSet {
  patterns: readonly string[];
  base: string;
  /** Absolute paths excluded as they are: the configuration file of the run. */
  files?: readonly string[];
}

/**
 * Also true for configuration files: `.k8s-lint.yaml` anywhere, and a set's `files` (the
 * configuration named with --config), which are never manifests, to lint or to read as context.
 */
export function excludeFilter(excludes: readonly ExcludeSet[]): (absolutePath: string) => boolean {
  const matchers = excludes.map(({ patterns, base }) => ({ matches: createExcludeMatcher(patterns), base }));
  const configFiles = new Set(excludes.flatMap((set) => set.files ?? []).map((file) => path.resolve(file)));
  return (absolutePath) =>
    path.basename(absolutePath) === CONFIG_FILE_NAME ||
    configFiles.has(absolutePath) ||
    matchers.some(({ matches, base }) => {
      const relative = displayPathOf(base, absolutePath);
      return !relative.startsWith('../') && matches(relative);
    });
}

/**
 * Expands command-line arguments (files, directories, globs, `-`) into the sorted, de-duplicated
 * list of files to lint. Explicit files are taken whatever their extension; directories and
 * globs contribute only `.yaml`, `.yml` and `.json` files. What a directory holds but cannot be
 * linted (unreadable directories, links not followed) is added to `problems`.
 */
export async function collectInputs(
  args: readonly string[],
  cwd: string,
  excludes: readonly ExcludeSet[],
  problems: InputProblem[] = [],
  /** With --helm a chart file named alone is linted as it is (the user chose it); else it is chart source. */
  lintNamedChartSource = false,
): Promise<InputFile[]> {
  const isExcluded = excludeFilter(excludes);
  const found = new Map<string, InputFile>();
  const add = (absolutePath: string): void => {
    if (!isExcluded(absolutePath)) found.set(absolutePath, { absolutePath, displayPath: displayPathOf(cwd, absolutePath) });
  };
  // A chart's templates, subcharts and values files named one by one (pre-commit names staged
  // files) are chart source, not YAML: the chart gets its note instead, as in a directory walk.
  const addNamed = (absolutePath: string): void => {
    const chart = lintNamedChartSource || isExcluded(absolutePath) ? null : chartOwningSource(absolutePath);
    if (chart === null) add(absolutePath);
    else problems.push(...chartProblems(path.join(chart, CHART_FILE)));
  };
  let stdin = false;
  for (const arg of args) {
    if (arg === '-') {
      stdin = true;
      continue;
    }
    const absolute = path.resolve(cwd, arg);
    const stat = await fs.stat(absolute).catch(() => undefined);
    if (stat?.isDirectory()) {
      for (const file of walkDirectory(absolute, isExcluded, problems)) add(file);
    } else if (stat?.isFile()) {
      addNamed(absolute);
    } else if (fg.isDynamicPattern(arg)) {
      const matches = (await glob(arg, cwd)).filter(isManifestFile);
      if (matches.length === 0) throw new InputError(`no files match ${arg}`);
      for (const file of matches) addNamed(file);
    } else {
      throw new InputError(stat ? `not a regular file or directory: ${arg}` : `no such file or directory: ${arg}`);
    }
  }
  dropRepeatedChartProblems(problems);
  const files = [...found.values()].sort((a, b) => compareStrings(a.displayPath, b.displayPath));
  return stdin ? [{ absolutePath: null, displayPath: STDIN_PATH }, ...files] : files;
}

/** One note per chart, however many of its files or directories were named. */
function dropRepeatedChartProblems(problems: InputProblem[]): void {
  const seen = new Set<string>();
  const kept = problems.filter((problem) => {
    if (!isChartProblem(problem)) return true;
    const key = `${problem.kind} ${problem.absolutePath}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  problems.splice(0, problems.length, ...kept);
}

async function glob(pattern: string, cwd: string): Promise<string[]> {
  const files = await fg(pattern.split(path.sep).join('/'), {
    cwd,
    absolute: true,
    dot: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    ignore: ALWAYS_SKIPPED,
    suppressErrors: true,
  });
  return files.map((file) => path.normalize(file));
}
