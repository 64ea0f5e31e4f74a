import type { FieldPath } from '../types';
import { asRecord, getIn, type JsonRecord } from '../values';
import { apiGroup } from './api-group';
import { argoWorkflowShape } from './argo-workflow-pod';
import type { PodTemplateShape } from './pod';
import type { Resource } from './resource';

/** An entry of `workloads:` in `.k8s-lint.yaml`: a custom kind and the dotted path of its pod spec. */
export interface WorkloadDeclaration {
  apiVersion: string;
  kind: string;
  /** e.g. `spec.template.spec`; labels and annotations are read from the `metadata` next to it. */
  podSpecPath: string;
}

type Shape = Omit<PodTemplateShape, 'origin' | 'createsPods'>;

interface BuiltInWorkload {
  /** API groups the kind is served in; undefined: any (the Kubernetes kinds, matched by kind as always). */
  groups?: readonly string[];
  kind: string;
  createsPods: boolean;
  shape(object: JsonRecord): Shape | undefined;
}

/** A pod template object (`metadata` and `spec`) at `path`; `[]` is the object itself (a Pod). */
function templateAt(path: FieldPath): (object: JsonRecord) => Shape | undefined {
  return (object) => {
    const template = path.length === 0 ? object : asRecord(getIn(object, path));
    if (!template) return undefined;
    return { spec: asRecord(template.spec) ?? {}, specPath: [...path, 'spec'], metadata: asRecord(template.metadata) ?? {}, metadataPath: [...path, 'metadata'] };
  };
}

const TEMPLATE = templateAt(['spec', 'template']);

function kubernetes(kind: string, path: FieldPath, createsPods = true): BuiltInWorkload {
  return { kind, createsPods, shape: templateAt(path) };
}

/** Where each workload kind keeps the pods it creates. */
export const BUILT_IN_WORKLOADS: readonly BuiltInWorkload[] = [
  kubernetes('Pod', []),
  // A blueprint: other objects copy it, it runs nothing itself.
  kubernetes('PodTemplate', ['template'], false),
  ...['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job'].map((kind) => kubernetes(kind, ['spec', 'template'])),
  kubernetes('CronJob', ['spec', 'jobTemplate', 'spec', 'template']),
  // Older OpenShift clusters serve DeploymentConfig in the legacy core group (`apiVersion: v1`).
  { groups: ['apps.openshift.io', ''], kind: 'DeploymentConfig', createsPods: true, shape: TEMPLATE },
  // With `workloadRef` the Rollout runs a Deployment's template: that Deployment is linted as itself, once.
  { groups: ['argoproj.io'], kind: 'Rollout', createsPods: true, shape: (object) => (getIn(object, ['spec', 'workloadRef']) ? undefined : TEMPLATE(object)) },
  { groups: ['keda.sh'], kind: 'ScaledJob', createsPods: true, shape: templateAt(['spec', 'jobTargetRef', 'template']) },
  { groups: ['serving.knative.dev'], kind: 'Service', createsPods: true, shape: TEMPLATE },
  { groups: ['serving.knative.dev'], kind: 'Configuration', createsPods: true, shape: TEMPLATE },
  { groups: ['serving.knative.dev'], kind: 'Revision', createsPods: true, shape: templateAt([]) },
  { groups: ['argoproj.io'], kind: 'Workflow', createsPods: true, shape: (object) => argoWorkflowShape(object, ['spec']) },
  // Submitted through `workflowTemplateRef`, in the template's namespace.
  { groups: ['argoproj.io'], kind: 'WorkflowTemplate', createsPods: true, shape: (object) => argoWorkflowShape(object, ['spec']) },
  // Cluster-scoped: its pods run in the namespaces of the workflows that use it, not known here.
  { groups: ['argoproj.io'], kind: 'ClusterWorkflowTemplate', createsPods: false, shape: (object) => argoWorkflowShape(object, ['spec']) },
  { groups: ['argoproj.io'], kind: 'CronWorkflow', createsPods: true, shape: (object) => argoWorkflowShape(object, ['spec', 'workflowSpec']) },
];

function builtInWorkload(resource: Resource): BuiltInWorkload | undefined {
  const group = apiGroup(resource);
  return BUILT_IN_WORKLOADS.find((workload) => workload.kind === resource.kind && (workload.groups === undefined || workload.groups.includes(group)));
}

/** `spec.template.spec` → its segments, and the `metadata` next to the spec. */
function declaredShape(object: JsonRecord, podSpecPath: string): Shape | undefined {
  const specPath = podSpecPath.split('.');
  const spec = asRecord(getIn(object, specPath));
  if (!spec) return undefined;
  const metadataPath = [...specPath.slice(0, -1), 'metadata'];
  return { spec, specPath, metadata: asRecord(getIn(object, metadataPath)) ?? {}, metadataPath };
}

/** Any other object whose `spec.template` looks like a pod template: linted rather than skipped silently. */
function inferredShape(object: JsonRecord): Shape | undefined {
  return Array.isArray(getIn(object, ['spec', 'template', 'spec', 'containers'])) ? TEMPLATE(object) : undefined;
}

/** Where `resource` keeps its pod, or undefined when it creates none: a declared kind, else a built-in one, else inferred. */
export function templateShapeOf(resource: Resource, declared: readonly WorkloadDeclaration[]): PodTemplateShape | undefined {
  const declaration = declared.find((entry) => entry.apiVersion === resource.apiVersion && entry.kind === resource.kind);
  if (declaration) {
    const shape = declaredShape(resource.object, declaration.podSpecPath);
    return shape && { ...shape, origin: 'declared', createsPods: true };
  }
  const builtIn = builtInWorkload(resource);
  if (builtIn) {
    const shape = builtIn.shape(resource.object);
    return shape && { ...shape, origin: 'built-in', createsPods: builtIn.createsPods };
  }
  const inferred = inferredShape(resource.object);
  return inferred && { ...inferred, origin: 'inferred', createsPods: true };
}
