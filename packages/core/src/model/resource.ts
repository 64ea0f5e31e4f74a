import type { ParsedDocument } from '../parse/parse-file';
import { describeObject } from './describe-object';
import { locate, type Located } from '../parse/locate';
import type { FieldPath, ObjectRef } from '../types';
import { asName, asRecord, asString, type JsonRecord } from '../values';

/** A Kubernetes object found in a linted file, with the means to locate any of its fields. */
export class Resource {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string | null;
  /** `metadata.namespace` as written; null when absent (see `namespaceOr`). */
  readonly namespace: string | null;

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
  }

  get documentIndex(): number {
    return this.parsed.index;
  }

  get helmSource(): string | null {
    return this.parsed.helmSource;
  }

  get ref(): ObjectRef {
    return { apiVersion: this.apiVersion, kind: this.kind, namespace: this.namespace, name: this.name };
  }

  get labels(): JsonRecord {
    return asRecord(asRecord(this.object.metadata)?.labels) ?? {};
  }

  get annotations(): JsonRecord {
    return asRecord(asRecord(this.object.metadata)?.annotations) ?? {};
  }

  /** The namespace the object lands in when applied without `-n`. */
  namespaceOr(defaultNamespace: string): string {
    return this.namespace ?? defaultNamespace;
  }

  /** Source range of a field path relative to this object (nearest existing node when absent). */
  locate(path: FieldPath): Located {
    const located = locate(this.parsed, [...this.basePath, ...path]);
    return { range: located.range, depth: Math.max(0, located.depth - this.basePath.length) };
  }

  /** `Deployment prod/web`, for messages. */
  get displayName(): string {
    return describeObject(this);
  }
}
