import type { FieldPath } from '../types';
import { asArray, asRecord, asString, getIn, type JsonRecord } from '../values';
import type { Container, ContainerKind, PodTemplateShape } from './pod';

/**
 * Argo Workflows runs one pod per container, script or containerSet template. Their containers
 * sit in `templates[]`, not in a pod spec: they are gathered here at their own paths, under the
 * workflow spec, which holds the pod-level fields every step pod shares (`hostNetwork`,
 * `securityContext`, `volumes`, `serviceAccountName`, `podMetadata`). A template's own
 * `securityContext` replaces the workflow's for its pod.
 */
export function argoWorkflowShape(object: JsonRecord, specPath: FieldPath): Omit<PodTemplateShape, 'origin' | 'createsPods'> | undefined {
  const spec = asRecord(getIn(object, specPath));
  if (!spec) return undefined;
  const containers = asArray(spec.templates).flatMap((entry, index) => templateContainers(asRecord(entry), [...specPath, 'templates', index], index));
  // Only steps, DAGs or references: no pod of its own.
  if (containers.length === 0) return undefined;
  return { spec, specPath, metadata: asRecord(spec.podMetadata) ?? {}, metadataPath: [...specPath, 'podMetadata'], containers };
}

function templateContainers(template: JsonRecord | undefined, path: FieldPath, index: number): Container[] {
  if (!template) return [];
  const templateName = asString(template.name) ?? `templates[${index}]`;
  const own = asRecord(template.securityContext);
  const podSecurityContext = own ? { value: own, path: [...path, 'securityContext'] } : undefined;
  const container = (kind: ContainerKind, entry: unknown, at: FieldPath, fallbackName: string): Container[] => {
    const spec = asRecord(entry);
    if (!spec) return [];
    const name = asString(spec.name) ?? fallbackName;
    return [{ kind, name, spec, path: at, securityContext: asRecord(spec.securityContext) ?? {}, ...(podSecurityContext ? { podSecurityContext } : {}) }];
  };
  const list = (kind: ContainerKind, entries: unknown, at: FieldPath): Container[] =>
    asArray(entries).flatMap((entry, position) => container(kind, entry, [...at, position], `${templateName}.${at[at.length - 1]}[${position}]`));
  return [
    ...list('initContainer', template.initContainers, [...path, 'initContainers']),
    // Argo names the main container `main`; the template's name says which step it is.
    ...container('container', template.container, [...path, 'container'], templateName),
    ...container('container', template.script, [...path, 'script'], templateName),
    ...list('container', asRecord(template.containerSet)?.containers, [...path, 'containerSet', 'containers']),
    ...list('container', template.sidecars, [...path, 'sidecars']),
  ];
}
