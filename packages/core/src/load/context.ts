import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { InputError } from '../errors';
import type { Resource } from '../model/resource';
import { contextScanFor } from './context-scan';
import { decodeFile } from './decode';
import { analyzeText, type AnalyzedFile } from './analyze-file';
import { displayPathOf, excludeFilter, type ExcludeSet, type InputFile } from './inputs';
import { readBounded } from './read-bounded';
import { repositoryRootOf } from './repository';
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
 * the repository: the directory holding `.git`, else the configuration's, else `cwd`. A run
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
  const root = repositoryRootOf(cwd) ?? (configFile ? path.dirname(configFile) : path.resolve(cwd));
  // A run from / or from the home directory (no repository, no configuration) would walk the
  // whole machine or every project of the user: no automatic context there (--context still works).
  return path.dirname(root) === root || root === path.resolve(homedir()) ? null : root;
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
): Generator<ContextFile> {
  const ignoredProblems: InputProblem[] = [];
  const scan = contextScanFor(reportObjects);
  for (const absolutePath of walkDirectory(root, excludeFilter(excludes), ignoredProblems).sort()) {
    if (isKustomizationFile(absolutePath)) kustomizationFiles.push(absolutePath);
    if (reportFiles.has(absolutePath)) continue;
    const bytes = readBounded(absolutePath, maxFileSize);
    if (!Buffer.isBuffer(bytes)) continue;
    const decoded = decodeFile(bytes);
    if (decoded.problem !== null || !scan.mayMatter(decoded.text)) continue;
    const file = analyzeText(decoded);
    if ('unreadable' in file) continue;
    yield { input: { absolutePath, displayPath: displayPathOf(cwd, absolutePath) }, file };
  }
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
