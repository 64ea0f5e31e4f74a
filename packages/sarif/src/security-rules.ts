import type { RuleMeta } from '@k8s-lint/core';

/**
 * Categories whose rules say whether the input could be read and checked at all (YAML syntax,
 * unreadable files, renders, API schemas), not that a manifest is insecure: yaml-syntax,
 * file-unreadable, symlink-not-followed, render-error, helm-chart-not-rendered, schema-invalid
 * and workload-kind-inferred. GitHub code scanning shows a rule with a `security-severity` as a
 * "High"/"Critical" security alert, so these get none and no `security` tag: they appear as
 * plain errors and warnings.
 */
const NOT_SECURITY_CATEGORIES: ReadonlySet<RuleMeta['category']> = new Set(['syntax', 'schema']);

export function isSecurityRule(meta: Pick<RuleMeta, 'category'>): boolean {
  return !NOT_SECURITY_CATEGORIES.has(meta.category);
}
