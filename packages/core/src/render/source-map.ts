import { readFileSync, statSync } from 'node:fs';
import { resourcesOf } from '../engine/documents';
import { displayPathOf } from '../load/inputs';
import type { Resource } from '../model/resource';
import { locate } from '../parse/locate';
import { parseFile, type ParsedDocument } from '../parse/parse-file';
import type { FieldPath, Finding, ObjectRef, SourceRange } from '../types';
import { getIn } from '../values';
import { operationsOf, pathInOperations } from './json6902-patches';
import { entriesOf, isDirectory, readKustomization, type Kustomization } from './kustomization';
import { imageEntryPath, isContainerImage } from './kustomize-images';
import { generatorEntriesOf, isGeneratedName, pathInPatch } from './kustomize-patches';
import { objectKey, type OriginConsumer, type Origins } from './origin-annotations';
import { kustomizationTextOf, patchTextsOf, type PatchTarget, type PatchText } from './patch-texts';
import { sameValue } from './same-value';
import { FIRST_LINE } from './types';

interface Transforms {
  prefix: string;
  suffix: string;
  namespace: string | null;
}

interface SourceObject {
  resource: Resource;
  /** Absolute path of its file, as reached from the root. */
  path: string;
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

/** A patch of a kustomization: a strategic-merge fragment or JSON 6902 operations, with the text it is written in. */
interface SourcePatch {
  text: PatchText;
  document: ParsedDocument;
  /** Names of the object it patches: its own, renamed like an object of its kustomization, or its entry's target. */
  names: Array<string | null>;
  /** The strategic-merge fragment; null for JSON 6902 operations. */
  fragment: Resource | null;
}

/** A kustomization's `images` list, where it is written. */
interface ImageList {
  kustomization: Kustomization;
}

export interface SourceFile {
  displayPath: string;
  text: string;
}

/** Where a field of a rendered object is written: a file, a range, and the object as written there. */
type Placed = Pick<Finding, 'file' | 'line' | 'column' | 'endLine' | 'endColumn'> & { writtenObject: ObjectRef };

/**
 * The objects defined in the resource files of a kustomization and its local bases, with the
 * name and namespace they get once rendered, so that rendered objects can be traced back; and
 * the patches, generators and image transformers that may have changed them.
 */
export class KustomizeSourceMap implements OriginConsumer {
  private readonly objects: SourceObject[] = [];
  /** Outermost kustomization's first: they are applied last, so their values win. */
  private readonly patches: SourcePatch[] = [];
  private readonly generators: SourceGenerator[] = [];
  private readonly images: ImageList[] = [];
  private origins: Origins = new Map();
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
    // The last one applied first: its value is the one rendered when two set the same field.
    for (const text of patchTextsOf(kustomization, this.cwd).reverse()) this.addPatch(text, transforms);
    if (Array.isArray(value.images)) {
      this.images.push({ kustomization });
      this.remember(kustomization.file, kustomizationTextOf(kustomization));
    }
    for (const entry of entriesOf(kustomization)) {
      if (entry.remote) continue;
      if (isDirectory(entry.target)) this.collect(entry.target, transforms, visiting);
      else this.addFile(entry.target, transforms);
    }
    visiting.delete(directory);
  }

  private addPatch(text: PatchText, transforms: Transforms): void {
    this.remember(text.file, text.kustomizationText ?? text.text);
    const targetName = text.target?.name ?? null;
    for (const document of parseFile(text.text).documents) {
      if (operationsOf(document.value)) {
        this.patches.push({ text, document, names: [targetName], fragment: null });
        continue;
      }
      for (const fragment of resourcesOf(document, text.file).resources) {
        const renamed = fragment.name === null ? null : transforms.prefix + fragment.name + transforms.suffix;
        this.patches.push({ text, document, names: [fragment.name, renamed, targetName], fragment });
      }
    }
  }

  private addFile(file: string, transforms: Transforms): void {
    const added = this.resourcesIn(file).map((resource) => ({
      resource,
      path: file,
      name: resource.name === null ? null : transforms.prefix + resource.name + transforms.suffix,
      namespace: transforms.namespace ?? resource.namespace,
    }));
    this.objects.push(...added);
  }

  private resourcesIn(file: string): Resource[] {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return []; // kustomize reports the missing file itself.
    }
    const displayPath = displayPathOf(this.cwd, file);
    this.remember(displayPath, text);
    return parseFile(text).documents.flatMap((document) => resourcesOf(document, displayPath).resources);
  }

  private remember(displayPath: string, text: string | null): void {
    if (text !== null && !this.files.some((known) => known.displayPath === displayPath)) this.files.push({ displayPath, text });
  }

  /** Origins kustomize gave for the rendered objects: they settle which file an object comes from. */
  useOrigins(origins: Origins): void {
    this.origins = origins;
    // Files read now, so that their suppression comments are known with the others.
    for (const { file } of origins.values()) if (file && !this.objects.some((object) => object.path === file)) this.addOriginFile(file);
  }

  /** Whether a rendered object is traced to one source object or one generator entry by its name alone. */
  isCertain(rendered: ObjectRef): boolean {
    return this.guessedSource(rendered) !== null || this.generatorOf(rendered) !== null;
  }

  /** The patch that set the field to its rendered value, located there; null when none did. */
  private inPatch(rendered: Resource, source: Resource | null, fieldPath: FieldPath): Placed | null {
    if (fieldPath.length === 0) return null;
    for (const patch of this.patches) {
      if (!this.patchesObject(patch, rendered, source)) continue;
      const { fragment, document, text } = patch;
      const at = fragment ? pathInPatch(rendered.object, fragment.object, fieldPath) : pathInOperations(operationsOf(document.value) ?? [], rendered.object, fieldPath);
      if (!at) continue;
      const located = fragment ? fragment.locate(at) : locate(document, at);
      if (located.depth !== at.length) continue;
      const range = text.place(located.range) ?? text.entry;
      return { file: text.file, ...range, writtenObject: fragment?.ref ?? source?.ref ?? rendered.ref };
    }
    return null;
  }

  private patchesObject({ fragment, names, text }: SourcePatch, rendered: Resource, source: Resource | null): boolean {
    const kind = fragment?.kind ?? text.target?.kind ?? null;
    if (kind !== null && kind !== rendered.kind) return false;
    // A target without a name selects by other means (labels, annotations): the values decide.
    if (text.target && !namesTarget(text.target)) return true;
    return names.some((name) => name !== null && (name === rendered.name || name === source?.name));
  }

  /** A container image changed by an `images` entry: that entry, at the field that changed it. */
  private inImages(rendered: Resource, source: Resource | null, fieldPath: FieldPath): Placed | null {
    if (!isContainerImage(fieldPath)) return null;
    const image = getIn(rendered.object, fieldPath);
    if (typeof image !== 'string') return null;
    const written = source ? getIn(source.object, fieldPath) : null;
    for (const { kustomization } of this.images) {
      const at = imageEntryPath(kustomization.value.images, typeof written === 'string' ? written : null, image);
      if (!at || !kustomization.document) continue;
      return { file: kustomization.file, ...locate(kustomization.document, at).range, writtenObject: source?.ref ?? rendered.ref };
    }
    return null;
  }

  /** A generated object's finding goes to its generator entry's `name`: the one place that makes it. */
  private atGenerator(rendered: ObjectRef): Placed | null {
    const generator = this.generatorOf(rendered);
    if (!generator) return null;
    return { file: generator.file, ...generator.range, writtenObject: { apiVersion: rendered.apiVersion, kind: rendered.kind, namespace: null, name: generator.name } };
  }

  private generatorOf(rendered: ObjectRef): SourceGenerator | null {
    const renderedName = rendered.name;
    if (rendered.apiVersion !== 'v1' || renderedName === null) return null;
    const configuredIn = this.origins.get(objectKey(rendered))?.configuredIn;
    const generators = this.generators.filter(
      (generator) => generator.kind === rendered.kind && isGeneratedName(renderedName, generator.renamed) && (!configuredIn || generator.file === displayPathOf(this.cwd, configuredIn)),
    );
    return generators.length === 1 ? (generators[0] ?? null) : null;
  }

  /** The source object of a rendered one: in the file kustomize named for it when it did, else by name. */
  private sourceOf(rendered: ObjectRef): Resource | null {
    const file = this.origins.get(objectKey(rendered))?.file;
    if (!file) return this.guessedSource(rendered);
    const inFile = this.objects.filter((object) => object.path === file && sameType(object.resource, rendered));
    const chosen = inFile.length > 1 ? inFile.filter((object) => object.name === rendered.name) : inFile;
    return chosen.length === 1 ? (chosen[0]?.resource ?? null) : this.guessedSource(rendered);
  }

  /** A file kustomize read that the kustomizations reach in a way not followed here. */
  private addOriginFile(file: string): void {
    try {
      if (statSync(file).isFile()) this.addFile(file, { prefix: '', suffix: '', namespace: null });
    } catch {
      // Gone since: nothing to trace to.
    }
  }

  private guessedSource(rendered: ObjectRef): Resource | null {
    const candidates = this.objects.filter((object) => sameType(object.resource, rendered) && object.name === rendered.name);
    const chosen = candidates.length > 1 ? candidates.filter((object) => object.namespace === rendered.namespace) : candidates;
    return chosen.length === 1 ? (chosen[0]?.resource ?? null) : null;
  }

  /**
   * A finding on a rendered object moves to the source document (found by kustomize's origin
   * annotation when there is one, else by name) when the source has the same field with the same
   * value (or lacks the same missing field); else to the patch that set the field, or the nearest
   * field that holds a missing one, to its rendered value (a strategic-merge fragment or a JSON
   * 6902 operation, in a file or inline in its kustomization), or to the `images` entry that
   * changed a container image, or to the source's map or list that holds the field; a generated
   * ConfigMap or Secret to its generator entry; anything else is reported at the root
   * kustomization file, line 1.
   */
  map(finding: Finding, rendered: Resource | null, fieldPath: FieldPath): Finding {
    const renderedBy = [this.overlay];
    const fallback: Finding = { ...finding, file: this.rootFile, ...FIRST_LINE, message: `${finding.message} (rendered by kustomize)`, renderedBy };
    if (!rendered) return fallback;
    const at = (placed: Placed | null): Finding => (placed ? { ...finding, ...placed, renderedBy } : fallback);
    const source = this.sourceOf(rendered);
    const inRendered = rendered.locate(fieldPath);
    // A missing field: whatever wrote the nearest field that exists wrote its absence too.
    const existing = fieldPath.slice(0, inRendered.depth);
    const changed = (): Finding =>
      at(
        this.inPatch(rendered, source, fieldPath) ??
          (existing.length < fieldPath.length ? this.inPatch(rendered, source, existing) : null) ??
          this.inImages(rendered, source, fieldPath) ??
          (source && inSourceBlock(source, existing)),
      );
    const generated = source ? null : this.atGenerator(rendered);
    if (!source) return generated ? at(generated) : changed();
    const inSource = source.locate(fieldPath);
    if (inSource.depth !== inRendered.depth) return changed();
    if (inRendered.depth === fieldPath.length && !isIdentity(fieldPath) && !sameValue(getIn(rendered.object, fieldPath), getIn(source.object, fieldPath))) return changed();
    return at({ file: source.file, ...inSource.range, writtenObject: source.ref });
  }
}

/**
 * The source's map or list that holds the field, when no patch or transformer entry explains
 * the change: the value is the source's, changed inside by something k8s-lint does not trace
 * (a scalar that changed is not placed there: the source does not hold that value).
 */
function inSourceBlock(source: Resource, existing: FieldPath): Placed | null {
  const located = source.locate(existing);
  const value = getIn(source.object, existing.slice(0, located.depth));
  if (located.depth === 0 || value === null || typeof value !== 'object') return null;
  return { file: source.file, ...located.range, writtenObject: source.ref };
}

function sameType(resource: Resource, rendered: ObjectRef): boolean {
  return resource.apiVersion === rendered.apiVersion && resource.kind === rendered.kind;
}

function namesTarget(target: PatchTarget | null): boolean {
  return target?.name !== null && target?.name !== undefined;
}

// Names and namespaces are changed by the transformers on purpose; the field still comes from the source.
function isIdentity(fieldPath: FieldPath): boolean {
  return fieldPath.length === 0 || (fieldPath.length === 2 && fieldPath[0] === 'metadata' && (fieldPath[1] === 'name' || fieldPath[1] === 'namespace'));
}
