import path from 'node:path';
import type { Resource } from '../model/resource';
import type { FieldPath } from '../types';
import { asArray, asRecord, asString } from '../values';
import type { Kustomization } from './kustomization';

/** A strategic-merge patch file of a kustomization: the object fragment it merges. */
export interface PatchObject {
  patch: Resource;
  /** The `target` name of its entry, when it has one (the patch's own name may then be anything). */
  targetName: string | null;
}

/**
 * Patch files a kustomization lists (`patches[].path`, `patchesStrategicMerge[]`), as absolute
 * paths with their entry's target name. Inline patches and remote ones are left out: a finding a
 * patch of those sets stays at the overlay's kustomization.
 */
export function patchFilesOf(kustomization: Kustomization): Array<{ file: string; targetName: string | null }> {
  const files: Array<{ file: string; targetName: string | null }> = [];
  for (const item of asArray(kustomization.value.patches)) {
    const entry = asRecord(item);
    const file = asString(entry?.path);
    if (file) files.push({ file: path.resolve(kustomization.directory, file), targetName: asString(asRecord(entry?.target)?.name) ?? null });
  }
  for (const item of asArray(kustomization.value.patchesStrategicMerge)) {
    const file = asString(item);
    // An inline patch holds a newline; a file name does not.
    if (file && !file.includes('\n')) files.push({ file: path.resolve(kustomization.directory, file), targetName: null });
  }
  return files;
}

/**
 * The field path in the patch that sets `fieldPath` of the rendered object, or null when the
 * patch does not set it to the rendered value. Lists merge by `name` (containers, volumes, env):
 * a rendered index becomes the index of the patch element with the same name.
 */
export function pathInPatch(rendered: unknown, patch: unknown, fieldPath: FieldPath): FieldPath | null {
  const translated: Array<string | number> = [];
  let inRendered = rendered;
  let inPatch = patch;
  for (const segment of fieldPath) {
    if (typeof segment === 'number') {
      if (!Array.isArray(inRendered) || !Array.isArray(inPatch)) return null;
      const element: unknown = inRendered[segment];
      const name = asString(asRecord(element)?.name);
      const index = name === undefined ? segment : inPatch.findIndex((candidate) => asString(asRecord(candidate)?.name) === name);
      if (index < 0 || index >= inPatch.length) return null;
      translated.push(index);
      inRendered = element;
      inPatch = inPatch[index];
    } else {
      const renderedRecord = asRecord(inRendered);
      const patchRecord = asRecord(inPatch);
      if (!renderedRecord || !patchRecord || !(segment in patchRecord)) return null;
      translated.push(segment);
      inRendered = renderedRecord[segment];
      inPatch = patchRecord[segment];
    }
  }
  return JSON.stringify(inRendered) === JSON.stringify(inPatch) ? translated : null;
}

const GENERATOR_KINDS: Record<string, string> = { configMapGenerator: 'ConfigMap', secretGenerator: 'Secret' };

/** A `configMapGenerator` / `secretGenerator` entry: the object kind it makes, its name, and where its `name` is written. */
export interface GeneratorEntry {
  kind: string;
  name: string;
  field: string;
  index: number;
}

export function generatorEntriesOf(kustomization: Kustomization): GeneratorEntry[] {
  const entries: GeneratorEntry[] = [];
  for (const [field, kind] of Object.entries(GENERATOR_KINDS)) {
    asArray(kustomization.value[field]).forEach((item, index) => {
      const name = asString(asRecord(item)?.name);
      if (name) entries.push({ kind, name, field, index });
    });
  }
  return entries;
}

/** Whether a rendered name is a generated one: the name, renamed, with or without kustomize's `-<hash>` suffix. */
export function isGeneratedName(rendered: string, generated: string): boolean {
  return rendered === generated || (rendered.startsWith(`${generated}-`) && /^[a-z0-9]{10}$/.test(rendered.slice(generated.length + 1)));
}
