import { maskUrlCredentials } from '../rules/workload/mask';
import type { Finding } from '../types';
import { findDirectoriesWith, KUSTOMIZATION_FILES } from './discover';
import { entriesOf, localBases, readKustomization } from './kustomization';
import { RENDER_TIMEOUT_MS, type ProgramLocator, type ProgramRunner } from './runner';
import { KustomizeSourceMap, type SourceFile } from './source-map';
import type { ExcludeSet } from '../load/inputs';
import { FIRST_LINE, renderError, summarizeError, type RenderedInput } from './types';

export interface RenderBatch {
  inputs: RenderedInput[];
  findings: Finding[];
  /** Directories whose files are not linted as plain files. */
  consumed: string[];
  sourceFiles: SourceFile[];
}

interface Tool {
  program: string;
  args: (directory: string) => string[];
}

function kustomizeTool(locateProgram: ProgramLocator): Tool | null {
  const kubectl = locateProgram('kubectl');
  if (kubectl) return { program: kubectl, args: (directory) => ['kustomize', directory] };
  const kustomize = locateProgram('kustomize');
  return kustomize ? { program: kustomize, args: (directory) => ['build', directory] } : null;
}

/**
 * Renders the kustomization roots among the arguments: kustomization directories that no other
 * kustomization of the run uses as a resource, base or component (those are rendered through
 * the overlays that use them). Returns null when neither kubectl nor kustomize is installed.
 */
export async function renderKustomizations(
  args: readonly string[],
  cwd: string,
  excludes: readonly ExcludeSet[],
  runner: ProgramRunner,
  locateProgram: ProgramLocator,
): Promise<RenderBatch | null> {
  const directories = await findDirectoriesWith(KUSTOMIZATION_FILES, args, cwd, excludes);
  const batch: RenderBatch = { inputs: [], findings: [], consumed: directories, sourceFiles: [] };
  if (directories.length === 0) return batch;
  const tool = kustomizeTool(locateProgram);
  if (!tool) return null;
  const referenced = new Set<string>();
  for (const directory of directories) {
    const kustomization = readKustomization(directory, cwd);
    if (kustomization) for (const base of localBases(kustomization)) referenced.add(base);
  }
  for (const root of directories.filter((directory) => !referenced.has(directory))) {
    const kustomization = readKustomization(root, cwd);
    if (!kustomization) continue;
    const remote = remoteEntries(root, cwd);
    if (remote.length > 0) {
      batch.findings.push(...remote);
      continue;
    }
    const result = await runner(tool.program, tool.args(root), { cwd: root, timeoutMs: RENDER_TIMEOUT_MS });
    if (result.exitCode !== 0) {
      batch.findings.push(renderError(kustomization.file, FIRST_LINE, `kustomize could not render ${kustomization.file}: ${summarizeError(result.stderr, result.failure)}`));
      continue;
    }
    const sources = new KustomizeSourceMap(root, cwd, kustomization.file);
    batch.sourceFiles.push(...sources.files);
    batch.inputs.push({
      absolutePath: null,
      displayPath: `${kustomization.file} (kustomize build)`,
      reportPath: kustomization.file,
      text: result.stdout,
      map: (finding, resource, fieldPath) => sources.map(finding, resource, fieldPath),
    });
  }
  return batch;
}

/** Remote resources anywhere in the tree of local bases: never fetched, each reported where it is written. */
function remoteEntries(root: string, cwd: string): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const visit = (directory: string): void => {
    if (seen.has(directory)) return;
    seen.add(directory);
    const kustomization = readKustomization(directory, cwd);
    if (!kustomization) return;
    for (const entry of entriesOf(kustomization)) {
      if (entry.remote) {
        findings.push(renderError(kustomization.file, entry.range, `remote kustomize resource "${maskUrlCredentials(entry.value)}" is not fetched (k8s-lint works offline): vendor it into the repository to lint this kustomization`));
      }
    }
    for (const base of localBases(kustomization)) visit(base);
  };
  visit(root);
  return findings;
}
