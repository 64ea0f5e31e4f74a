import type { ParsedDocument } from '../parse/parse-file';
import { describeObject } from './describe-object';
import { knownPlacement, unknownPlacement, type Placement } from './placement';
import { locate, type Located } from '../parse/locate';
import { formatPath } from '../path';
import type { FieldPath, ObjectRef, SourceRange } from '../types';
import { asName, asRecord, asString, type JsonRecord } from '../values';

/** A Kubernetes object found in a linted file, with the means to locate any of its fields. */
export class Resource {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string | null;
  /** `metadata.namespace` as written; null when absent (see `placement`). */
  readonly namespace: string | null;
  /**
   * The namespace the object lands in and why (engine/stages/place-namespaces.ts). Until placed:
   * its own `metadata.namespace`, else unknown and shared with the objects of its file only.
   */
  placement: Placement;
  private readonly embedded: Array<{ path: FieldPath; locateBelow: (rest: FieldPath) => SourceRange }> = [];

  constructor(
    readonly object: JsonRecord,
    /** Display path of the file (relative to the working directory). */
    readonly file: string,
    private readonly parsed: ParsedDocument,
    /** Where the object sits in its document: `[]`, or `['items', i]` inside a List. */
    readonly basePath: FieldPath,
  ) {
    this.apiVersion = asString(object.apiVersion) ?? '';
    this.kind = asString(object.kind) ?? '';
    const metadata = asRecord(object.metadata);
    this.name = asName(metadata?.name) ?? null;
    // An empty namespace decodes like a missing one: the object lands in the default namespace.
    this.namespace = asName(metadata?.namespace) || null;
    this.placement = this.namespace === null ? unknownPlacement(`the unset namespace of file "${file}"`) : knownPlacement(this.namespace, 'manifest');
  }

  get documentIndex(): number {
    return this.parsed.index;
  }

  get helmSource(): string | null {
    return this.parsed.helmSource;
  }

  /** The object as findings name it: with the namespace it was given, and why. */
  get ref(): ObjectRef {
    const { namespace, source } = this.placement;
    return { apiVersion: this.apiVersion, kind: this.kind, namespace, name: this.name, ...(source === null ? {} : { namespaceSource: source }) };
  }

  /** As written in the file, for objects read from rendered sources (no placement applies). */
  get writtenRef(): ObjectRef {
    return { apiVersion: this.apiVersion, kind: this.kind, namespace: this.namespace, name: this.name };
  }

  get labels(): JsonRecord {
    return asRecord(asRecord(this.object.metadata)?.labels) ?? {};
  }

  get annotations(): JsonRecord {
    return asRecord(asRecord(this.object.metadata)?.annotations) ?? {};
  }

  /**
   * What cross-object rules group objects by: the namespace's name when known, else a key that
   * only the objects of the same tree share (model/placement.ts). Never shown.
   */
  get namespaceKey(): string {
    return this.placement.key;
  }

  /** `namespace "shop"`, or `the unset namespace of ...`: for messages. */
  get namespaceDescription(): string {
    return this.placement.description;
  }

  /** The parsed document the object is in (its index and line starts), for embedded-yaml.ts. */
  get parsedDocument(): ParsedDocument {
    return this.parsed;
  }

  /**
   * From now on, paths below `path` (a string field holding a YAML document, like Argo CD's
   * `helm.values`) are located inside that string by `locateBelow`, given the rest of the path.
   * Depth stops at `path`: what is inside the string is no node of the file.
   */
  embed(path: FieldPath, locateBelow: (rest: FieldPath) => SourceRange): void {
    if (!this.embedded.some((entry) => formatPath(entry.path) === formatPath(path))) this.embedded.push({ path, locateBelow });
  }

  /** Source range of a field path relative to this object (nearest existing node when absent). */
  locate(path: FieldPath): Located {
    for (const entry of this.embedded) {
      const below = path.length > entry.path.length && entry.path.every((segment, i) => path[i] === segment);
      if (below) return { range: entry.locateBelow(path.slice(entry.path.length)), depth: entry.path.length };
    }
    const located = locate(this.parsed, [...this.basePath, ...path]);
    return { range: located.range, depth: Math.max(0, located.depth - this.basePath.length) };
  }

  /** `Deployment prod/web`, for messages. */
  get displayName(): string {
    return describeObject(this);
  }
}
