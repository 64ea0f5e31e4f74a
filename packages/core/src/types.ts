import type { NamespaceSource } from './model/placement';
/** Severity of a finding, highest first. */
export type Severity = 'error' | 'warning' | 'note';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note'];

/** Higher number = more severe; used for `--fail-on` thresholds and sorting. */
export function severityRank(severity: Severity): number {
  return severity === 'error' ? 3 : severity === 'warning' ? 2 : 1;
}

/** A path into a parsed document: map keys and sequence indexes. */
export type FieldPath = ReadonlyArray<string | number>;

/** 1-based line/column range in a file; columns count UTF-16 code units and `endColumn` is exclusive. */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Identifies the Kubernetes object a finding is about. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  /** The namespace the object was given (see `namespaceSource`); null when none is known. */
  namespace: string | null;
  name: string | null;
  /** Why it is in `namespace`: absent for rendered output, whose namespaces the renderer set. */
  namespaceSource?: NamespaceSource;
}

export interface Suppression {
  /** `annotation`: k8s-lint.io/ignore on the object; `comment`: k8s-lint-disable-next-line; `baseline`: accepted by `--baseline`. */
  via: 'annotation' | 'comment' | 'baseline';
  reason: string | null;
}

/**
 * One problem found. Never changed once made: each stage of the pipeline (engine/pipeline.ts)
 * returns a new finding instead, so the fields are read-only.
 */
export interface Finding extends Readonly<SourceRange> {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /** Path relative to the working directory, `/`-separated; `<stdin>` for standard input. */
  readonly file: string;
  readonly object: Readonly<ObjectRef> | null;
  /** Field path of the offending (or missing) field, e.g. `spec.containers[0].image`. */
  readonly path: string;
  /** Helm template the object was rendered from (`# Source:` comment), when known. */
  readonly source: string | null;
  readonly suppression: Readonly<Suppression> | null;
  /**
   * `--kustomize`: the directories of the root kustomizations (overlays) whose rendering gave this
   * finding, sorted; absent for findings on files linted as they are.
   */
  readonly renderedBy?: readonly string[];
  /**
   * `--kustomize`: the object as written where the finding is (base file, patch or generator
   * entry). Overlays rename and move objects; when the overlays that give one finding disagree on
   * its object, the merged finding names this one. Not part of any output.
   */
  readonly writtenObject?: Readonly<ObjectRef>;
  /**
   * Other places that explain the finding (the role rule that grants what a binding is reported
   * for), in the order the rule gave them; absent when there are none. Not part of its identity.
   */
  readonly related?: readonly RelatedLocation[];
}

/** A place a finding points to besides its own (JSON `related`, SARIF `relatedLocations`). */
export interface RelatedLocation extends Readonly<SourceRange> {
  readonly file: string;
  readonly message: string;
}
