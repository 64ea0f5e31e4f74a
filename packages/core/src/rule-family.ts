/**
 * Family rules report each finding under a member id, `<family>/<member>`: `vap` reports
 * `vap/<policy-name>` for the ValidatingAdmissionPolicies of the linted set, whose names are
 * known only once the files are read. The family id is what `rules:` and `overrides:` configure
 * and what `rules` / `explain` list; suppressions name a member or the whole family; baselines
 * and SARIF results carry the member id (SARIF describes each member from its family).
 */
export const VAP_FAMILY_ID = 'vap';

const FAMILY_RULE_IDS: ReadonlySet<string> = new Set([VAP_FAMILY_ID]);

export function memberRuleId(family: string, member: string): string {
  return `${family}/${member}`;
}

/** The family of a member id (`vap/require-labels` → `vap`), or null for any other id. */
export function familyOf(ruleId: string): string | null {
  const slash = ruleId.indexOf('/');
  if (slash < 0) return null;
  const family = ruleId.slice(0, slash);
  return FAMILY_RULE_IDS.has(family) && slash < ruleId.length - 1 ? family : null;
}
