import { readFileSync } from 'node:fs';
import { resourcesOf } from '../engine/documents';
import { displayPathOf } from '../load/inputs';
import type { Resource } from '../model/resource';
import { locate } from '../parse/locate';
import { parseFile } from '../parse/parse-file';
import type { FieldPath, Finding, SourceRange } from '../types';
import { entriesOf, isDirectory, readKustomization } from './kustomization';
import { generatorEntriesOf, isGeneratedName, patchFilesOf, pathInPatch } from './kustomize-patches';
import { FIRST_LINE } from './types';

interface Transforms {
  prefix: string;
  suffix: string;
  namespace: string | null;
}

interface SourceObject {
  resource: Resource;
  /** Name and namespace after the kustomizations' namePrefix/nameSuffix/namespace. */
  name: string | null;
  namespace: string | null;
}

interface SourceGenerator {
  kind: string;
  /** As written in the entry, and as rendered (before the hash suffix). */
  name: string;
  renamed: string;
  file: string;
  range: SourceRange;
}

interface SourcePatch {
  patch: Resource;
  /** Names of the object it patches: its own, renamed like an object of its kustomization, or its entry's target. */
  names: Array<string | null>;
}

export interface SourceFile {
  displayPath: string;
  text: string;
}

/**
 * The objects defined in the resource files of a kustomization and its local bases, with the
 * name and namespace they get once rendered, so that rendered objects can be traced back.
 */
export class KustomizeSourceMap {
  private readonly objects: SourceObject[] = [];
  /** Outermost kustomization's first: they are applied last, so their values win. */
  private readonly patches: SourcePatch[] = [];
  private readonly generators: SourceGenerator[] = [];
  readonly files: SourceFile[] = [];

  /**
   * `overlay`: the root's directory as displayed, listed in every finding's `renderedBy`, so that a
   * finding in a shared base, reached through several overlays, can be reported once.
   */
  constructor(root: string, private readonly cwd: string, private readonly rootFile: string, private readonly overlay: string) {
    this.collect(root, { prefix: '', suffix: '', namespace: null }, new Set());
  }

  private collect(directory: string, outer: Transforms, visiting: Set<string>): void {
    if (visiting.has(directory)) return;
    visiting.add(directory);
    const kustomization = readKustomization(directory, this.cwd);
    if (!kustomization) return;
    const value = kustomization.value;
    // An overlay's transformers apply on top of its bases': prefixes nest outside, and the
    // outermost namespace wins.
    const transforms: Transforms = {
      prefix: outer.prefix + (typeof value.namePrefix === 'string' ? value.namePrefix : ''),
      suffix: (typeof value.nameSuffix === 'string' ? value.nameSuffix : '') + outer.suffix,
      namespace: outer.namespace ?? (typeof value.namespace === 'string' && value.namespace !== '' ? value.namespace : null),
    };
    for (const entry of generatorEntriesOf(kustomization)) {
      const range = kustomization.document ? locate(kustomization.document, [entry.field, entry.index, 'name']).range : FIRST_LINE;
      this.generators.push({ kind: entry.kind, name: entry.name, renamed: transforms.prefix + entry.name + transforms.suffix, file: kustomization.file, range });
    }
    for (const { file, targetName } of patchFilesOf(kustomization)) {
      for (const patch of this.resourcesIn(file)) {
        const renamed = patch.name === null ? null : transforms.prefix + patch.name + transforms.suffix;
        this.patches.push({ patch, names: [patch.name, renamed, targetName] });
      }
    }
    for (const entry of entriesOf(kustomization)) {
      if (entry.remote) continue;
      if (isDirectory(entry.target)) this.collect(entry.target, transforms, visiting);
      else this.addFile(entry.target, transforms);
    }
    visiting.delete(directory);
  }

  private addFile(file: string, transforms: Transforms): void {
    for (const resource of this.resourcesIn(file)) {
      const name = resource.name === null ? null : transforms.prefix + resource.name + transforms.suffix;
      this.objects.push({ resource, name, namespace: transforms.namespace ?? resource.namespace });
    }
  }

  private resourcesIn(file: string): Resource[] {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return []; // kustomize reports the missing file itself.
    }
    const displayPath = displayPathOf(this.cwd, file);
    if (!this.files.some((known) => known.displayPath === displayPath)) this.files.push({ displayPath, text });
    return parseFile(text).documents.flatMap((document) => resourcesOf(document, displayPath).resources);
  }

  /** The patch that set the field to its rendered value, located there; null when none did. */
  private inPatch(finding: Finding, rendered: Resource, source: Resource | null, fieldPath: FieldPath): Finding | null {
    if (fieldPath.length === 0) return null;
    for (const { patch, names } of this.patches) {
      if (patch.kind !== rendered.kind || !names.some((name) => name !== null && (name === rendered.name || name === source?.name))) continue;
      const at = pathInPatch(rendered.object, patch.object, fieldPath);
      if (!at) continue;
      const located = patch.locate(at);
      if (located.depth === at.length) return { ...finding, file: patch.file, ...located.range, writtenObject: patch.ref, renderedBy: [this.overlay] };
    }
    return null;
  }

  /** A generated object's finding goes to its generator entry's `name`: the one place that makes it. */
  private atGenerator(finding: Finding, rendered: Resource): Finding | null {
    const renderedName = rendered.name;
    if (rendered.apiVersion !== 'v1' || renderedName === null) return null;
    const generators = this.generators.filter((generator) => generator.kind === rendered.kind && isGeneratedName(renderedName, generator.renamed));
    const generator = generators.length === 1 ? generators[0] : undefined;
    if (!generator) return null;
    const writtenObject = { apiVersion: rendered.apiVersion, kind: rendered.kind, namespace: null, name: generator.name };
    return { ...finding, file: generator.file, ...generator.range, writtenObject, renderedBy: [this.overlay] };
  }

  private sourceOf(rendered: Resource): Resource | null {
    const candidates = this.objects.filter((object) => object.resource.apiVersion === rendered.apiVersion && object.resource.kind === rendered.kind && object.name === rendered.name);
    const chosen = candidates.length > 1 ? candidates.filter((object) => object.namespace === rendered.namespace) : candidates;
    return chosen.length === 1 ? (chosen[0]?.resource ?? null) : null;
  }

  /**
   * A finding on a rendered object moves to the source document when the source has the same
   * field with the same value (or lacks the same missing field); else to the strategic-merge patch
   * file that set the field to its rendered value; a generated ConfigMap or Secret to its
   * generator entry; anything else a transformer produced is reported at the root kustomization
   * file, line 1.
   */
  map(finding: Finding, rendered: Resource | null, fieldPath: FieldPath): Finding {
    const renderedBy = [this.overlay];
    const fallback: Finding = { ...finding, file: this.rootFile, ...FIRST_LINE, message: `${finding.message} (rendered by kustomize)`, renderedBy };
    if (!rendered) return fallback;
    const source = this.sourceOf(rendered);
    const patched = (): Finding => this.inPatch(finding, rendered, source, fieldPath) ?? fallback;
    if (!source) return this.atGenerator(finding, rendered) ?? patched();
    const inRendered = rendered.locate(fieldPath);
    const inSource = source.locate(fieldPath);
    if (inSource.depth !== inRendered.depth) return patched();
    if (inRendered.depth === fieldPath.length && !isIdentity(fieldPath) && !sameValue(valueAt(rendered.object, fieldPath), valueAt(source.object, fieldPath))) return patched();
    return { ...finding, file: source.file, ...inSource.range, writtenObject: source.ref, renderedBy };
  }
}

// Names and namespaces are changed by the transformers on purpose; the field still comes from the source.
function isIdentity(fieldPath: FieldPath): boolean {
  return fieldPath.length === 0 || (fieldPath.length === 2 && fieldPath[0] === 'metadata' && (fieldPath[1] === 'name' || fieldPath[1] === 'namespace'));
}

function valueAt(root: unknown, fieldPath: FieldPath): unknown {
  let value = root;
  for (const segment of fieldPath) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
