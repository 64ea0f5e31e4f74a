import { CelEvalError, lazyVariables, type CelBudget, type CompiledCel } from '../cel';
import type { Resource } from '../model/resource';
import type { FieldPath, Severity } from '../types';
import type { CompiledPolicy, CompiledValidation } from './compiled-policy';
import type { Admitted } from './match-resources';
import type { AdmissionBinding, AdmissionPolicy, ValidationAction } from './policy-model';

/** One thing to report about an object: a validation it fails, or why it could not be evaluated. */
export interface AdmissionReport {
  policy: string;
  resource: Resource;
  path: FieldPath;
  message: string;
  severity: Severity;
}

const METADATA: FieldPath = ['metadata'];

/** Deny → error, Warn → warning, Audit → note; the highest of the binding's actions. */
export function severityOfActions(actions: readonly ValidationAction[]): Severity | null {
  if (actions.includes('Deny')) return 'error';
  if (actions.includes('Warn')) return 'warning';
  return actions.includes('Audit') ? 'note' : null;
}

/**
 * A policy and binding on one object, with one params object (null without paramKind), as the
 * API server evaluates a CREATE: matchConditions (all true, else skipped), then each validation.
 */
export function evaluateOn(compiled: CompiledPolicy, binding: AdmissionBinding, admitted: Admitted, params: unknown, budget: CelBudget, report: (report: AdmissionReport) => void): void {
  const { policy } = compiled;
  const severity = severityOfActions(binding.validationActions) ?? 'error';
  const head = headOf(policy, binding);
  const base: Record<string, unknown> = {
    object: admitted.resource.object,
    oldObject: null,
    params,
    namespaceObject: admitted.namespaceObject?.object ?? null,
    request: requestOf(admitted),
  };
  const activation = { ...base, variables: lazyVariables(compiled.variables, base, budget) };
  const failed = (why: string): void => report(couldNotEvaluate(policy, binding, admitted.resource, why));

  let conditionError: string | null = null;
  for (const condition of compiled.matchConditions) {
    const result = evaluate(condition.compiled, activation, budget);
    if (result.value === false) return;
    if (result.value !== true) conditionError ??= `matchCondition '${condition.name}': ${result.error ?? `returned ${typeName(result.value)}, not a boolean`}`;
  }
  if (conditionError !== null) return failed(conditionError);

  for (const validation of compiled.validations) {
    const result = evaluate(validation.expression, activation, budget);
    if (result.value === true) continue;
    if (result.value !== false) {
      failed(`expression '${validation.expression.source}': ${result.error ?? `returned ${typeName(result.value)}, not a boolean`}`);
      continue;
    }
    const reason = validation.reason !== null && validation.reason !== 'Invalid' ? ` (reason: ${validation.reason})` : '';
    const text = `${messageOf(validation, activation, budget)}${reason}`;
    // The API server's words: its denial, or the warning it returns for Warn (and records for Audit).
    const message = severity === 'error' ? `${head} denied request: ${text}` : `Validation failed for ${head}: ${text}`;
    report({ policy: policy.name, resource: admitted.resource, path: validation.field ?? METADATA, severity, message });
  }
}

/** How messages name the policy and binding, in the API server's words. */
export function headOf(policy: AdmissionPolicy, binding: AdmissionBinding): string {
  return `ValidatingAdmissionPolicy '${policy.name}' with binding '${binding.name}'`;
}

/**
 * An object the policy could not be evaluated on (a CEL error, the cost limit, a binding without
 * the params it needs): reported, never passed. With failurePolicy Ignore the API server admits
 * it, so the report is a note.
 */
export function couldNotEvaluate(policy: AdmissionPolicy, binding: AdmissionBinding, resource: Resource, why: string): AdmissionReport {
  const fail = policy.failurePolicy === 'Fail';
  const outcome = fail ? 'failurePolicy Fail: the API server denies the request' : 'failurePolicy Ignore: the API server admits the request';
  return { policy: policy.name, resource, path: METADATA, severity: fail ? (severityOfActions(binding.validationActions) ?? 'error') : 'note', message: `${headOf(policy, binding)} could not be evaluated: ${why} (${outcome})` };
}

/** The message the API server gives: messageExpression's string when it makes one, else message, else the failed expression. */
function messageOf(validation: CompiledValidation, activation: Record<string, unknown>, budget: CelBudget): string {
  if (validation.messageExpression) {
    const { value } = evaluate(validation.messageExpression, activation, budget);
    if (typeof value === 'string' && value.trim() !== '' && !/[\r\n]/.test(value)) return value.trim();
  }
  if (validation.message !== null && validation.message.trim() !== '') return validation.message;
  return `failed expression: ${validation.expression.source}`;
}

function evaluate(compiled: CompiledCel, activation: Record<string, unknown>, budget: CelBudget): { value: unknown; error?: string } {
  try {
    return { value: compiled.evaluate(activation, budget) };
  } catch (error) {
    if (error instanceof CelEvalError) return { value: undefined, error: error.message };
    throw error;
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a map' : `a ${typeof value}`;
}

/** The AdmissionRequest of a CREATE of the object by an authenticated user (the linter knows no user). */
function requestOf(admitted: Admitted): Record<string, unknown> {
  const { resource, gvr } = admitted;
  const kind = { group: gvr.group, version: gvr.version, kind: resource.kind };
  const gvrRecord = { group: gvr.group, version: gvr.version, resource: gvr.resource };
  return {
    uid: '',
    kind,
    resource: gvrRecord,
    requestKind: kind,
    requestResource: gvrRecord,
    name: resource.name ?? '',
    namespace: admitted.namespace ?? '',
    operation: 'CREATE',
    userInfo: { username: '', groups: ['system:authenticated'] },
    dryRun: false,
    options: { apiVersion: 'meta.k8s.io/v1', kind: 'CreateOptions' },
  };
}
