export type { Finding, FieldPath, ObjectRef, Severity, SourceRange, Suppression } from './types';
export { SEVERITIES, severityRank } from './types';
export { formatPath } from './path';
export type { LintResult, LintSummary, RuleRun } from './engine/result';
export type { AnyRule, Rule, RuleCategory, RuleContext, RuleMeta, RuleReference } from './rules/rule';
export { securitySeverityOf } from './rules/rule';
export { ruleDocsUrl, RULE_DOCS_BASE_URL } from './docs/urls';
export { VERSION } from './version';
