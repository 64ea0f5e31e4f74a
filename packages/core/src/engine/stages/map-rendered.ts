import type { Resource } from '../../model/resource';
import type { Rendering } from '../../render';
import type { FieldPath, Finding, Severity } from '../../types';

/**
 * Stage "map rendered sources": a finding in rendered Kustomize or Helm output moves to the source
 * it came from (a new finding; `rendering.map` copies). Without rendering, the finding is unchanged.
 */
export function mapRendered(rendering: Rendering | null, finding: Finding, resource: Resource | null, path: FieldPath): Finding {
  return rendering ? rendering.map(finding, resource, path) : finding;
}

/** Render errors join the findings here, already at their source; render-error is configurable like any rule: its severity, or off. */
export function renderErrors(rendering: Rendering | null, severity: Severity | undefined): Finding[] {
  if (!rendering || !severity) return [];
  return rendering.findings.map((finding) => ({ ...finding, severity }));
}
