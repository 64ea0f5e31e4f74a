import type { FieldPath } from '../types';
import { asArray, asRecord, asString, type JsonRecord } from '../values';
import type { Resource } from './resource';
import { BUILT_IN_WORKLOADS, templateShapeOf, type WorkloadDeclaration } from './workload-kinds';

/** Kind names of the built-in workloads (several groups may share one, e.g. Knative's `Service`). */
export const WORKLOAD_KINDS: readonly string[] = [...new Set(BUILT_IN_WORKLOADS.map((workload) => workload.kind))];

export type ContainerKind = 'container' | 'initContainer' | 'ephemeralContainer';

const CONTAINER_LISTS: ReadonlyArray<readonly [key: string, kind: ContainerKind]> = [
  ['initContainers', 'initContainer'],
  ['containers', 'container'],
  ['ephemeralContainers', 'ephemeralContainer'],
];

export interface Container {
  kind: ContainerKind;
  /** The container's name; `containers[0]` (its list and index) when the name is missing. */
  name: string;
  spec: JsonRecord;
  /** Path from the resource root, e.g. `spec.template.spec.containers[1]`. */
  path: FieldPath;
  securityContext: JsonRecord;
  /**
   * The pod-level security context of this container's own pod when it is not the template's
   * (an Argo Workflows template's `securityContext` replaces the workflow's): `effective` reads it.
   */
  podSecurityContext?: { value: JsonRecord; path: FieldPath };
}

/** How the workload kind is known: built in, declared under `workloads:`, or inferred from its shape. */
export type TemplateOrigin = 'built-in' | 'declared' | 'inferred';

/** Where a workload keeps its pod: spec and metadata with their paths, and how that was found. */
export interface PodTemplateShape {
  spec: JsonRecord;
  specPath: FieldPath;
  metadata: JsonRecord;
  metadataPath: FieldPath;
  origin: TemplateOrigin;
  /** False for blueprints that run nothing by themselves (core `PodTemplate`, Argo `ClusterWorkflowTemplate`). */
  createsPods: boolean;
  /** Containers kept outside the spec's lists (Argo Workflows templates); default: the spec's lists. */
  containers?: readonly Container[];
}

/** The pod a workload creates, with paths relative to the workload's own root. */
export class PodTemplate {
  readonly spec: JsonRecord;
  readonly metadata: JsonRecord;
  readonly specPath: FieldPath;
  readonly metadataPath: FieldPath;
  readonly origin: TemplateOrigin;
  readonly createsPods: boolean;
  private containerList: readonly Container[] | undefined;

  constructor(readonly resource: Resource, shape: PodTemplateShape) {
    this.spec = shape.spec;
    this.metadata = shape.metadata;
    this.specPath = shape.specPath;
    this.metadataPath = shape.metadataPath;
    this.origin = shape.origin;
    this.createsPods = shape.createsPods;
    this.containerList = shape.containers;
  }

  get labels(): JsonRecord {
    return asRecord(this.metadata.labels) ?? {};
  }

  get annotations(): JsonRecord {
    return asRecord(this.metadata.annotations) ?? {};
  }

  get securityContext(): JsonRecord {
    return asRecord(this.spec.securityContext) ?? {};
  }

  /** `spec.os.name: windows`: Linux-only settings do not apply. */
  get isWindows(): boolean {
    return asString(asRecord(this.spec.os)?.name) === 'windows';
  }

  /** Init, regular and ephemeral containers, in that order. */
  get containers(): readonly Container[] {
    this.containerList ??= CONTAINER_LISTS.flatMap(([key, kind]) =>
      asArray(this.spec[key]).flatMap((entry, index): Container[] => {
        const spec = asRecord(entry);
        if (!spec) return [];
        const name = asString(spec.name) ?? `${key}[${index}]`;
        return [{ kind, name, spec, path: [...this.specPath, key, index], securityContext: asRecord(spec.securityContext) ?? {} }];
      }),
    );
    return this.containerList;
  }

  /**
   * A security context field as the kubelet applies it: the container's own value wins over the
   * pod's. `path` is where the effective value is written, undefined when it is set nowhere.
   */
  effective(container: Container, field: string): { value: unknown; path: FieldPath | undefined } {
    if (container.securityContext[field] !== undefined) {
      return { value: container.securityContext[field], path: [...container.path, 'securityContext', field] };
    }
    const pod = container.podSecurityContext ?? { value: this.securityContext, path: [...this.specPath, 'securityContext'] };
    if (pod.value[field] !== undefined) return { value: pod.value[field], path: [...pod.path, field] };
    return { value: undefined, path: undefined };
  }
}

/**
 * The pod template of a workload — a built-in kind, else any object with
 * `spec.template.spec.containers` (inferred) — or undefined for objects that create no pods.
 */
export function podTemplateOf(resource: Resource): PodTemplate | undefined {
  return templateOf(resource, []);
}

/**
 * The pod templates of a set of objects, `declared` being the kinds of the configuration's
 * `workloads:` (they win over built-in kinds and inference).
 */
export function podTemplatesOf(resources: readonly Resource[], declared: readonly WorkloadDeclaration[]): PodTemplate[] {
  return resources.flatMap((resource) => templateOf(resource, declared) ?? []);
}

function templateOf(resource: Resource, declared: readonly WorkloadDeclaration[]): PodTemplate | undefined {
  const shape = templateShapeOf(resource, declared);
  return shape ? new PodTemplate(resource, shape) : undefined;
}
