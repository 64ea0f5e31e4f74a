import type { Resource } from './resource';
import type { FieldPath } from '../types';
import { asArray, asRecord, asString, type JsonRecord } from '../values';

/** Audit levels, from logging nothing to logging request and response bodies. */
export const AUDIT_LEVELS = ['None', 'Metadata', 'Request', 'RequestResponse'] as const;
export type AuditLevel = (typeof AUDIT_LEVELS)[number];

/** One rule of an audit Policy, with its position (rules are evaluated in order; the first match wins). */
export interface AuditRule {
  index: number;
  level: AuditLevel | undefined;
  rule: JsonRecord;
  path: FieldPath;
}

/** A resource whose request or response bodies carry credentials. */
export interface SensitiveResource {
  group: string;
  resource: string;
  label: string;
}

export const SENSITIVE_RESOURCES: readonly SensitiveResource[] = [
  { group: '', resource: 'secrets', label: 'Secrets' },
  { group: '', resource: 'configmaps', label: 'ConfigMaps' },
  { group: 'authentication.k8s.io', resource: 'tokenreviews', label: 'TokenReviews' },
];

/** Verbs whose requests carry no object body: at `Request` level they log nothing of the object. */
const BODYLESS_VERBS = new Set(['get', 'list', 'watch', 'delete', 'deletecollection']);

/** An audit Policy (audit.k8s.io/v1), the file `--audit-policy-file` names. */
export function isAuditPolicy(resource: Resource): boolean {
  return resource.kind === 'Policy' && resource.apiVersion === 'audit.k8s.io/v1';
}

export function auditRules(resource: Resource): AuditRule[] {
  return asArray(resource.object.rules).map((item, index) => {
    const rule = asRecord(item) ?? {};
    const level = AUDIT_LEVELS.find((name) => name === asString(rule.level));
    return { index, level, rule, path: ['rules', index] };
  });
}

export function levelRank(level: AuditLevel | undefined): number {
  return level === undefined ? -1 : AUDIT_LEVELS.indexOf(level);
}

const nonEmpty = (value: unknown): boolean => asArray(value).length > 0;

/** A rule with no selector at all: it matches every request, so no rule after it is ever read. */
export function isCatchAll(rule: AuditRule): boolean {
  return !['users', 'userGroups', 'verbs', 'resources', 'namespaces', 'nonResourceURLs'].some((key) => nonEmpty(rule.rule[key]));
}

/**
 * Whether a rule matches requests on a resource (not its subresources), as the API server's
 * policy checker decides: `none`, `some` (users, groups, verbs, namespaces or names narrow it) or
 * `all`, so that a later rule still sees the requests a `some` rule leaves.
 */
export function matchOf(rule: AuditRule, target: SensitiveResource): 'none' | 'some' | 'all' {
  const { rule: fields } = rule;
  let narrowed = ['users', 'userGroups', 'verbs'].some((key) => nonEmpty(fields[key]));
  if (nonEmpty(fields.namespaces)) narrowed = true;
  else if (!nonEmpty(fields.resources)) return nonEmpty(fields.nonResourceURLs) ? 'none' : narrowed ? 'some' : 'all';
  if (!nonEmpty(fields.resources)) return 'some';
  let best: 'none' | 'some' | 'all' = 'none';
  for (const item of asArray(fields.resources)) {
    const entry = asRecord(item) ?? {};
    if ((asString(entry.group) ?? '') !== target.group) continue;
    const names = asArray(entry.resources);
    const covers = names.length === 0 || names.some((name) => name === '*' || name === target.resource || name === `${target.resource}/*`);
    if (!covers) continue;
    if (!narrowed && !nonEmpty(entry.resourceNames)) return 'all';
    best = 'some';
  }
  return best;
}

/** Whether a rule that matches writes bodies: `RequestResponse`, or `Request` for a verb that sends one. */
export function logsBodies(rule: AuditRule): boolean {
  if (rule.level === 'RequestResponse') return true;
  if (rule.level !== 'Request') return false;
  const verbs = asArray(rule.rule.verbs);
  return verbs.length === 0 || verbs.some((verb) => typeof verb !== 'string' || !BODYLESS_VERBS.has(verb));
}

/**
 * The rules that write bodies of a sensitive resource: following the rules in order, each one
 * that can match the resource before a rule matches all of its requests.
 */
export function rulesLoggingBodiesOf(rules: readonly AuditRule[], target: SensitiveResource): AuditRule[] {
  const found: AuditRule[] = [];
  for (const rule of rules) {
    const match = matchOf(rule, target);
    if (match === 'none') continue;
    if (logsBodies(rule)) found.push(rule);
    if (match === 'all') break;
  }
  return found;
}
