import type { FieldPath } from '../types';
import { asArray, asRecord, asString } from '../values';
import type { Kustomization } from './kustomization';
import { sameValue } from './same-value';

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
  return sameValue(inRendered, inPatch) ? translated : null;
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
