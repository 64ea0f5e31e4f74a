import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { InputError } from '../errors';
import type { Resource } from '../model/resource';
import { admissionParamKind, contextScanFor, kindsScanFor, type ContextScan } from './context-scan';
import { decodeFile } from './decode';
import { analyzeText, type AnalyzedFile } from './analyze-file';
import { displayPathOf, excludeFilter, type ExcludeSet, type InputFile } from './inputs';
import { readBounded } from './read-bounded';
import { isInsideDirectory, repositoryRootOf } from './repository';
import { walkDirectory, type InputProblem } from './walk';

/**
 * `lint({ context })`: where cross-object rules look beyond the report set: `repository` (see
 * contextRoot; what the CLI asks for unless told `--no-context`), a directory (relative to
 * `cwd`), or undefined for nowhere (the library's default: embedders get what they name).
 */
export type ContextOption = 'repository' | { directory: string } | undefined;

/**
 * The directory whose manifests are the context of a run, or null when it has none.
 *
 * Files named on the command line are the report set; findings are reported for them only, but
 * cross-object rules (a NetworkPolicy in another file guards this Deployment) need the rest of
 * the repository: the directory holding `.git` above the named files, else the configuration's,
 * else `cwd` (or the files' common directory when they are outside it). A run
 * given a directory, standard input or rendered sources has no automatic context: a directory is
 * its own context (so `k8s-lint .` is unchanged), and standard input or rendered output do not
 * come from the repository's files.
 */
export function contextRoot(option: ContextOption, args: readonly string[], cwd: string, configFile: string | null, rendering: boolean): string | null {
  if (option === undefined) return null;
  if (option !== 'repository') {
    const root = path.resolve(cwd, option.directory);
    if (!isDirectory(root)) throw new InputError(`--context ${option.directory}: not a directory`);
    return root;
  }
  if (rendering || args.some((arg) => arg === '-' || isDirectory(path.resolve(cwd, arg)))) return null;
  const root = repositoryOfFiles(args, cwd) ?? (configFile ? path.dirname(configFile) : directoryOfFiles(args, cwd));
  // A run from / or from the home directory (no repository, no configuration) would walk the
  // whole machine or every project of the user: no automatic context there (--context still works).
  return path.dirname(root) === root || root === path.resolve(homedir()) ? null : root;
}

/** The repository that holds every named file (pre-commit: the one being committed to), else null. */
function repositoryOfFiles(args: readonly string[], cwd: string): string | null {
  const roots = new Set(args.map((arg) => repositoryRootOf(path.dirname(path.resolve(cwd, arg)))));
  return roots.size === 1 ? [...roots][0] ?? null : null;
}

/** Outside a repository: the working directory when the files are under it, else their common directory. */
function directoryOfFiles(args: readonly string[], cwd: string): string {
  const workingDirectory = path.resolve(cwd);
  const directories = args.map((arg) => path.dirname(path.resolve(cwd, arg)));
  if (directories.every((directory) => isInsideDirectory(workingDirectory, directory))) return workingDirectory;
  return directories.reduce((common, directory) => {
    let ancestor = common;
    while (!isInsideDirectory(ancestor, directory)) ancestor = path.dirname(ancestor);
    return ancestor;
  });
}

export interface ContextFile {
  input: InputFile;
  file: AnalyzedFile;
}

/**
 * The context files under `root` that may matter to the report set's cross-object rules, read
 * and parsed: the same excludes and file-size bound as the report set; files of the report set
 * are not read twice; a context file that cannot be read or parsed is passed over (its problems
 * are not the run's to report). Files whose bytes name no kind those rules read are not parsed.
 */
export function* readContext(
  root: string,
  cwd: string,
  excludes: readonly ExcludeSet[],
  reportFiles: ReadonlySet<string>,
  reportObjects: readonly Resource[],
  maxFileSize: number,
  /** Filled with the kustomization files found under `root`, which place objects in namespaces. */
  kustomizationFiles: string[],
  /** Kinds the custom rules look up in `objects` (every kind when `all`). */
  customKinds: { kinds: readonly string[]; all: boolean } = { kinds: [], all: false },
): Generator<ContextFile> {
  const ignoredProblems: InputProblem[] = [];
  const scan = contextScanFor(reportObjects, customKinds);
  const passedOver: string[] = [];
  const paramKinds = new Set<string>();
  for (const absolutePath of walkDirectory(root, excludeFilter(excludes), ignoredProblems).sort()) {
    if (isKustomizationFile(absolutePath)) kustomizationFiles.push(absolutePath);
    if (reportFiles.has(absolutePath)) continue;
    const read = readContextFile(absolutePath, cwd, maxFileSize, scan);
    if (read === 'passed over') passedOver.push(absolutePath);
    if (typeof read === 'string') continue;
    for (const document of read.file.parsed.documents) {
      const kind = admissionParamKind(document.value);
      if (kind !== undefined) paramKinds.add(kind);
    }
    yield read;
  }
  // The params of the context's own admission policies (a ConfigMap, say) are known only once
  // those are read: the files passed over get a second look for them alone.
  const params = kindsScanFor(paramKinds);
  if (!params) return;
  for (const absolutePath of passedOver) {
    const read = readContextFile(absolutePath, cwd, maxFileSize, params);
    if (typeof read !== 'string') yield read;
  }
}

function readContextFile(absolutePath: string, cwd: string, maxFileSize: number, scan: ContextScan): ContextFile | 'passed over' | 'unreadable' {
  const bytes = readBounded(absolutePath, maxFileSize);
  if (!Buffer.isBuffer(bytes)) return 'unreadable';
  const decoded = decodeFile(bytes);
  if (decoded.problem !== null) return 'unreadable';
  if (!scan.mayMatter(decoded.text)) return 'passed over';
  const file = analyzeText(decoded);
  if ('unreadable' in file) return 'unreadable';
  return { input: { absolutePath, displayPath: displayPathOf(cwd, absolutePath) }, file };
}

/** A kustomization file by its name (walks find manifest extensions only, so not `Kustomization`). */
export function isKustomizationFile(absolutePath: string): boolean {
  const name = path.basename(absolutePath);
  return name === 'kustomization.yaml' || name === 'kustomization.yml';
}

function isDirectory(absolutePath: string): boolean {
  try {
    return statSync(absolutePath).isDirectory();
  } catch {
    return false;
  }
}
