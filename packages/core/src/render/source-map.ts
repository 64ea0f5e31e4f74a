import { readFileSync } from 'node:fs';
import { resourcesOf } from '../engine/documents';
import { displayPathOf } from '../load/inputs';
import type { Resource } from '../model/resource';
import { parseFile } from '../parse/parse-file';
import type { FieldPath, Finding } from '../types';
import { entriesOf, isDirectory, readKustomization } from './kustomization';
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
  readonly files: SourceFile[] = [];

  constructor(root: string, private readonly cwd: string, private readonly rootFile: string) {
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
    for (const entry of entriesOf(kustomization)) {
      if (entry.remote) continue;
      if (isDirectory(entry.target)) this.collect(entry.target, transforms, visiting);
      else this.addFile(entry.target, transforms);
    }
    visiting.delete(directory);
  }

  private addFile(file: string, transforms: Transforms): void {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return; // kustomize reports the missing file itself.
    }
    const displayPath = displayPathOf(this.cwd, file);
    if (!this.files.some((known) => known.displayPath === displayPath)) this.files.push({ displayPath, text });
    for (const document of parseFile(text).documents) {
      for (const resource of resourcesOf(document, displayPath).resources) {
        const name = resource.name === null ? null : transforms.prefix + resource.name + transforms.suffix;
        this.objects.push({ resource, name, namespace: transforms.namespace ?? resource.namespace });
      }
    }
  }

  private sourceOf(rendered: Resource): Resource | null {
    const candidates = this.objects.filter((object) => object.resource.apiVersion === rendered.apiVersion && object.resource.kind === rendered.kind && object.name === rendered.name);
    const chosen = candidates.length > 1 ? candidates.filter((object) => object.namespace === rendered.namespace) : candidates;
    return chosen.length === 1 ? (chosen[0]?.resource ?? null) : null;
  }

  /**
   * A finding on a rendered object moves to the source document when the source has the same
   * field with the same value (or lacks the same missing field); anything a patch, generator or
   * transformer produced is reported at the root kustomization file, line 1.
   */
  map(finding: Finding, rendered: Resource | null, fieldPath: FieldPath): Finding {
    const fallback: Finding = { ...finding, file: this.rootFile, ...FIRST_LINE, message: `${finding.message} (rendered by kustomize)` };
    const source = rendered && this.sourceOf(rendered);
    if (!rendered || !source) return fallback;
    const inRendered = rendered.locate(fieldPath);
    const inSource = source.locate(fieldPath);
    if (inSource.depth !== inRendered.depth) return fallback;
    if (inRendered.depth === fieldPath.length && !isIdentity(fieldPath) && !sameValue(valueAt(rendered.object, fieldPath), valueAt(source.object, fieldPath))) return fallback;
    return { ...finding, file: source.file, ...inSource.range };
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
