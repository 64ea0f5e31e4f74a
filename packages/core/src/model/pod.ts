import type { FieldPath } from '../types';
import { asArray, asRecord, asString, getIn, type JsonRecord } from '../values';
import type { Resource } from './resource';

/** Where each workload kind keeps the template of the pods it creates. */
const POD_TEMPLATE_PATHS: Readonly<Record<string, FieldPath>> = {
  Pod: [],
  PodTemplate: ['template'],
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

export const WORKLOAD_KINDS: readonly string[] = Object.keys(POD_TEMPLATE_PATHS);

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
}

/** The pod a workload creates, with paths relative to the workload's own root. */
export class PodTemplate {
  readonly spec: JsonRecord;
  readonly metadata: JsonRecord;
  readonly specPath: FieldPath;
  readonly metadataPath: FieldPath;
  private containerList: Container[] | undefined;

  constructor(readonly resource: Resource, templatePath: FieldPath, template: JsonRecord) {
    this.spec = asRecord(template.spec) ?? {};
    this.metadata = asRecord(template.metadata) ?? {};
    this.specPath = [...templatePath, 'spec'];
    this.metadataPath = [...templatePath, 'metadata'];
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
    if (this.securityContext[field] !== undefined) {
      return { value: this.securityContext[field], path: [...this.specPath, 'securityContext', field] };
    }
    return { value: undefined, path: undefined };
  }
}

/** The pod template of a workload, or undefined for kinds that create no pods or malformed objects. */
export function podTemplateOf(resource: Resource): PodTemplate | undefined {
  const templatePath = POD_TEMPLATE_PATHS[resource.kind];
  if (!templatePath) return undefined;
  const template = templatePath.length === 0 ? resource.object : asRecord(getIn(resource.object, templatePath));
  if (!template) return undefined;
  return new PodTemplate(resource, templatePath, template);
}
