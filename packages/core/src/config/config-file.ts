import { lstatSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors';
import { indicatorCount } from '../load/analyze-file';
import { readBounded } from '../load/read-bounded';
import { isInsideDirectory, repositoryRootOf } from '../load/repository';

export const CONFIG_FILE_NAME = '.k8s-lint.yaml';

/** Largest configuration read: real ones are a few kilobytes; this bounds what parsing one can take. */
export const MAX_CONFIG_SIZE = 1_000_000;

/**
 * Most YAML indicators (`:`, `-`, `,`, `[`, `{`, `?`) a configuration may hold: each entry needs
 * one and costs about a kilobyte to parse, so 1 MB of `[a,a,...]` would take 700 MB. Real
 * configurations hold a few hundred; 50,000 take some 150 MB.
 */
export const MAX_CONFIG_INDICATORS = 50_000;

/** The configuration's text, where it is, and how messages name it. */
export interface ConfigSource {
  /** Absolute path: the base of its `exclude` and `overrides` globs. */
  file: string;
  /** Relative to the working directory, for messages. */
  shown: string;
  text: string;
}

/**
 * `.k8s-lint.yaml` in `start` or the nearest one above it, up to the repository root: the nearest
 * directory with `.git`, else the working directory when `start` is inside it, else `start`
 * alone (a configuration above the repository belongs to someone else). Any entry of that name
 * counts, a broken link too, so that it is reported rather than skipped for one further up.
 */
export function findConfigFile(start: string, cwd: string = start): string | null {
  return searchConfig(start, cwd)?.file ?? null;
}

interface FoundConfig {
  file: string;
  /** The directory the search stopped at: the found file must resolve inside it. */
  boundary: string;
}

function searchConfig(start: string, cwd: string): FoundConfig | null {
  const boundary = searchBoundary(start, cwd);
  let directory = path.resolve(start);
  for (;;) {
    const candidate = path.join(directory, CONFIG_FILE_NAME);
    if (entryExists(candidate)) return { file: candidate, boundary };
    const parent = path.dirname(directory);
    if (directory === boundary || parent === directory) return null;
    directory = parent;
  }
}

function searchBoundary(start: string, cwd: string): string {
  const repository = repositoryRootOf(start);
  if (repository !== null) return repository;
  const workingDirectory = path.resolve(cwd);
  return isInsideDirectory(workingDirectory, path.resolve(start)) ? workingDirectory : path.resolve(start);
}

/** Where the search starts for one linted path: a directory itself, a file's directory, a glob's literal prefix; standard input from the working directory. */
function searchStart(arg: string, cwd: string): string {
  if (arg === '-') return path.resolve(cwd);
  const absolute = path.resolve(cwd, arg);
  if (isDirectory(absolute)) return absolute;
  // As collectInputs: an existing file is itself, even with `*` in its name; else a glob.
  if (entryExists(absolute)) return path.dirname(absolute);
  const parts = arg.split(/[\\/]/);
  const firstPattern = parts.findIndex((part) => /[*?[\]{}()!]/.test(part));
  return firstPattern === -1 ? path.dirname(absolute) : path.resolve(cwd, parts.slice(0, firstPattern).join('/') || '.');
}

/**
 * The configuration of a run: the one found from every linted path upward. One run uses one
 * configuration, so paths that find different ones (or some one and some none) are an error
 * rather than a silent choice: lint them in separate runs or name one with `--config`.
 */
function findRunConfig(paths: readonly string[], cwd: string): FoundConfig | null {
  const found = new Map<string, { config: FoundConfig | null; path: string }>();
  for (const arg of paths.length > 0 ? paths : ['.']) {
    const config = searchConfig(searchStart(arg, cwd), cwd);
    const key = config?.file ?? '';
    if (!found.has(key)) found.set(key, { config, path: arg });
  }
  const distinct = [...found.values()];
  if (distinct.length > 1) {
    const described = distinct.map(({ config, path: arg }) => `${arg} uses ${config ? shownPath(cwd, config.file) : 'none'}`).join(', ');
    throw new ConfigError(`the linted paths have different configurations (${described}): one run uses one configuration; lint them in separate runs, or name one with --config`);
  }
  return distinct[0]?.config ?? null;
}

/**
 * Reads the configuration named with `--config` (anywhere: the user chose it), else the one
 * found by the search, which must be a regular file inside the repository once links are resolved:
 * it comes with the code being linted, and a link in a pull request must not make CI read
 * a file of the runner. Either way the read is bounded (see readBounded). Null when there is none.
 */
export function readConfigSource(cwd: string, explicitFile?: string, paths: readonly string[] = ['.']): ConfigSource | null {
  const found = explicitFile ? null : findRunConfig(paths, cwd);
  const file = explicitFile ? path.resolve(cwd, explicitFile) : found?.file;
  if (!file) return null;
  const shown = shownPath(cwd, file);
  // The found file is read by the real path that was checked, not through the link again.
  const bytes = readBounded(found ? realPathInside(found, shown, cwd) : file, MAX_CONFIG_SIZE);
  if (Buffer.isBuffer(bytes)) {
    const text = bytes.toString('utf8');
    if (indicatorCount(text) > MAX_CONFIG_INDICATORS) {
      throw new ConfigError(`${shown}: configuration not parsed: it holds more than ${MAX_CONFIG_INDICATORS} YAML indicators (: - , [ { ?), far more than any configuration needs`);
    }
    return { file, shown, text };
  }
  switch (bytes.kind) {
    case 'error':
      throw new ConfigError(`${shown}: cannot read configuration: ${bytes.code}`);
    case 'not-a-file':
      throw new ConfigError(`${shown}: cannot read configuration: not a regular file (a FIFO, socket, device or directory)`);
    case 'too-large':
      throw new ConfigError(`${shown}: cannot read configuration: larger than 1 MB (${MAX_CONFIG_SIZE} bytes)`);
  }
}

/** `file` relative to the working directory, as every path on standard error is. */
export function shownPath(cwd: string, file: string): string {
  return path.relative(path.resolve(cwd), file) || '.';
}

/** The real path of the found file (links resolved) when it is inside the repository; else a ConfigError, before anything is read. */
function realPathInside({ file, boundary }: FoundConfig, shown: string, cwd: string): string {
  let real: string;
  try {
    real = realpathSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ConfigError(`${shown}: cannot read configuration: ${code === 'ENOENT' ? 'a symbolic link to nothing (ENOENT)' : code}`);
  }
  if (isInsideDirectory(realpathSync(boundary), real)) return real;
  throw new ConfigError(
    `${shown}: configuration not read: it is a link to a file outside the repository ("${shownPath(cwd, boundary)}"); a configuration from elsewhere must be named with --config`,
  );
}

function entryExists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
