import type { Finding } from '../types';
import { findDirectoriesWith, KUSTOMIZATION_FILES } from './discover';
import { localBases, readKustomization, type Kustomization } from './kustomization';
import { boundaryFor, KustomizeSandbox } from './kustomize-sandbox';
import { RENDER_TIMEOUT_MS, type ProgramLocator, type ProgramRunner } from './runner';
import { withOrigins } from './origin-annotations';
import { KustomizeSourceMap, type SourceFile } from './source-map';
import { displayPathOf, type ExcludeSet } from '../load/inputs';
import { FIRST_LINE, renderError, summarizeError, type RenderedInput } from './types';

export interface RenderBatch {
  inputs: RenderedInput[];
  findings: Finding[];
  /** Directories whose files are not linted as plain files. */
  consumed: string[];
  sourceFiles: SourceFile[];
  /** Notes for the user (the library never writes to the terminal). */
  notes?: string[];
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
  const notes: string[] = [];
  const batch: RenderBatch = { inputs: [], findings: [], consumed: directories, sourceFiles: [], notes };
  if (directories.length === 0) return batch;
  const tool = kustomizeTool(locateProgram);
  if (!tool) return null;
  const referenced = new Set<string>();
  const uses = new Map<string, string[]>();
  for (const directory of directories) {
    const kustomization = readKustomization(directory, cwd);
    uses.set(directory, kustomization ? localBases(kustomization) : []);
    for (const base of uses.get(directory) ?? []) referenced.add(base);
  }
  const { roots, loneComponents } = splitRoots(directories, referenced, cwd);
  if (loneComponents.length > 0) notes.push(loneComponentsNote(loneComponents));
  const sandbox = new KustomizeSandbox(cwd);
  const reported = new Set<string>();
  for (const kustomization of roots) {
    const root = kustomization.directory;
    // Anything remote, outside the repository or not checkable keeps the root from rendering;
    // each finding once, though several roots may share the base that holds it.
    const refused = sandbox.check(root, boundaryFor(root, args, cwd));
    if (refused.length > 0) {
      for (const finding of refused) {
        const key = placeKey(finding);
        if (!reported.has(key)) batch.findings.push(finding);
        reported.add(key);
      }
      continue;
    }
    const result = await runner(tool.program, tool.args(root), { cwd: root, timeoutMs: RENDER_TIMEOUT_MS });
    if (result.exitCode !== 0) {
      batch.findings.push(renderError(kustomization.file, FIRST_LINE, `kustomize could not render ${kustomization.file}: ${summarizeError(result.stderr, result.failure)}`));
      continue;
    }
    const sources = new KustomizeSourceMap(root, cwd, kustomization.file, displayPathOf(cwd, root));
    // Origins only where names do not trace every object: a second render, of a wrapper kustomization.
    const text = await withOrigins(sources, root, result.stdout, (wrapper) => runner(tool.program, tool.args(wrapper), { cwd: wrapper, timeoutMs: RENDER_TIMEOUT_MS }));
    batch.sourceFiles.push(...sources.files);
    batch.inputs.push({
      absolutePath: null,
      displayPath: `${kustomization.file} (kustomize build)`,
      reportPath: kustomization.file,
      text,
      map: (finding, resource, fieldPath) => sources.map(finding, resource, fieldPath),
    });
  }
  // Kustomizations that only a cycle uses are no root, yet must not vanish: checking them reports the cycle. None is rendered.
  for (const directory of onlyInCycles(directories, referenced, uses)) {
    for (const finding of sandbox.check(directory, boundaryFor(directory, args, cwd))) {
      if (!reported.has(placeKey(finding))) batch.findings.push(finding);
      reported.add(placeKey(finding));
    }
  }
  return batch;
}

function placeKey(finding: Finding): string {
  return `${finding.file}\0${finding.line}\0${finding.column}\0${finding.message}`;
}

/**
 * Kustomizations that nothing unused (no root, no lone Component) reaches: each is used by
 * another, so a cycle among them or above them keeps them from being roots. One per group is
 * returned, in order, for the sandbox check to walk from and report the cycle it finds.
 */
function onlyInCycles(directories: readonly string[], referenced: ReadonlySet<string>, uses: ReadonlyMap<string, readonly string[]>): string[] {
  const reached = new Set<string>();
  const reach = (start: string): void => {
    const stack = [start];
    for (let directory = stack.pop(); directory !== undefined; directory = stack.pop()) {
      if (reached.has(directory)) continue;
      reached.add(directory);
      stack.push(...(uses.get(directory) ?? []));
    }
  };
  directories.filter((directory) => !referenced.has(directory)).forEach(reach);
  const unreached: string[] = [];
  for (const directory of directories) {
    if (reached.has(directory)) continue;
    unreached.push(directory);
    reach(directory);
  }
  return unreached;
}

/**
 * The kustomizations rendered on their own: those no other one of the tree uses. A `kind:
 * Component` is never one of them: it patches objects it does not define, so alone it can only
 * fail ("no resource matches strategic merge patch"); it is rendered through the kustomizations
 * that list it. One that nothing lists is not rendered, and not linted as plain files either
 * (its patches are fragments of objects, not objects): the caller notes it once.
 */
function splitRoots(directories: readonly string[], referenced: ReadonlySet<string>, cwd: string): { roots: Kustomization[]; loneComponents: string[] } {
  const roots: Kustomization[] = [];
  const loneComponents: string[] = [];
  for (const directory of directories) {
    if (referenced.has(directory)) continue;
    const kustomization = readKustomization(directory, cwd);
    if (!kustomization) continue;
    if (kustomization.value.kind === 'Component') loneComponents.push(displayPathOf(cwd, directory));
    else roots.push(kustomization);
  }
  return { roots, loneComponents };
}

function loneComponentsNote(components: readonly string[]): string {
  const noun = components.length === 1 ? 'Component is' : 'Components are';
  return `--kustomize: ${components.length} ${noun} listed by no kustomization of the linted tree, so not rendered (a Component only renders inside a kustomization that lists it): ${components.join(', ')}`;
}
