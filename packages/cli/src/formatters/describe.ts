import { describeObject, type Finding } from '@k8s-lint/core';

/** Object, field path and Helm template of a finding, for one-line outputs. */
export function describeWhere(finding: Finding): string {
  const parts: string[] = [];
  if (finding.object) parts.push(describeObject(finding.object));
  if (finding.path) parts.push(finding.path);
  const where = parts.join(' › ');
  return finding.source ? `${where} (from ${finding.source})` : where;
}
