import type { Finding, ObjectRef } from '@k8s-lint/core';

/** `Deployment shop/web`, the way kubectl names objects. */
export function describeObject(object: ObjectRef): string {
  const namespace = object.namespace ? `${object.namespace}/` : '';
  return `${object.kind} ${namespace}${object.name ?? '<unnamed>'}`;
}

/** Object, field path and Helm template of a finding, for one-line outputs. */
export function describeWhere(finding: Finding): string {
  const parts: string[] = [];
  if (finding.object) parts.push(describeObject(finding.object));
  if (finding.path) parts.push(finding.path);
  const where = parts.join(' › ');
  return finding.source ? `${where} (from ${finding.source})` : where;
}
