import { describeObject, type Finding } from '@k8s-lint/core';

/** Object, field path, Helm template and Kustomize overlays of a finding, for one-line outputs. */
export function describeWhere(finding: Finding): string {
  const parts: string[] = [];
  if (finding.object) parts.push(describeObject(finding.object));
  if (finding.path) parts.push(finding.path);
  const where = parts.join(' › ');
  const withSource = finding.source ? `${where} (from ${finding.source})` : where;
  return finding.renderedBy ? `${withSource} via ${finding.renderedBy.join(', ')}` : withSource;
}
