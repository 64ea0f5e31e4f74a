import path from 'node:path';
import { InputError } from '../errors';
import { existsSync } from 'node:fs';
import type { ExcludeSet, InputFile } from '../load/inputs';
import type { Resource } from '../model/resource';
import type { FieldPath, Finding } from '../types';
import { isInside } from './discover';
import { HELM_MISSING_MESSAGE, helmLocator, renderCharts } from './helm';
import { renderKustomizations, type RenderBatch } from './kustomize';
import { execRunner, findOnPath } from './runner';
import type { SourceFile } from './source-map';
import type { RenderedInput, RenderOptions } from './types';

export { RENDER_ERROR_RULE_ID, type RenderOptions, type RenderedInput } from './types';
export type { ProgramLocator, ProgramRunner, RunOptions, RunResult } from './runner';

export interface Rendering {
  inputs: RenderedInput[];
  /** render-error findings (remote bases, missing dependencies, failed renders). */
  findings: Finding[];
  /** Source files of rendered objects, for `k8s-lint-disable-next-line` comments. */
  sourceFiles: SourceFile[];
  /** Whether a collected file belongs to a rendered directory and so is not linted as a plain file. */
  consumes(input: InputFile): boolean;
  /** Maps a finding on a rendered object back to its source; other findings pass unchanged. */
  map(finding: Finding, resource: Resource | null, fieldPath: FieldPath): Finding;
}

/** Renders kustomizations and charts among the arguments, as `options` asks. */
export async function renderSources(args: readonly string[], cwd: string, excludes: readonly ExcludeSet[], options: RenderOptions): Promise<Rendering> {
  const runner = options.runner ?? execRunner;
  const locateProgram = options.locate ?? findOnPath;
  const notice = options.onNotice ?? (() => undefined);
  const batches: RenderBatch[] = [];
  if (options.kustomize) {
    const batch = await renderKustomizations(args, cwd, excludes, runner, locateProgram);
    for (const note of batch?.notes ?? []) notice(note);
    if (batch) batches.push(batch);
    else notice('--kustomize: neither kubectl nor kustomize is on the PATH; kustomizations are linted as plain files');
  }
  if (options.helm) {
    for (const file of options.values ?? []) {
      if (!existsSync(path.resolve(cwd, file))) throw new InputError(`no such values file: ${file}`);
    }
    const helm = helmLocator(cwd, options.helmBinary, locateProgram);
    const batch = await renderCharts(args, cwd, excludes, { values: options.values ?? [], charts: options.charts ?? [] }, runner, helm);
    // Linting templates as plain files would report every one as a yaml-syntax error.
    if (!batch) throw new InputError(HELM_MISSING_MESSAGE);
    batches.push(batch);
  }
  const explicit = new Set(args.filter((arg) => arg !== '-').map((arg) => path.resolve(cwd, arg)));
  const consumed = batches.flatMap((batch) => batch.consumed);
  const inputs = batches.flatMap((batch) => batch.inputs);
  const byPath = new Map(inputs.map((input) => [input.displayPath, input]));
  return {
    inputs,
    findings: batches.flatMap((batch) => batch.findings),
    sourceFiles: batches.flatMap((batch) => batch.sourceFiles),
    // A file named explicitly on the command line is still linted as it is.
    consumes: (input) => input.absolutePath !== null && !explicit.has(input.absolutePath) && consumed.some((directory) => isInside(directory, input.absolutePath ?? '')),
    map: (finding, resource, fieldPath) => byPath.get(finding.file)?.map(finding, resource, fieldPath) ?? finding,
  };
}
