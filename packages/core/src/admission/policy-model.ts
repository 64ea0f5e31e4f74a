import type { Resource } from '../model/resource';
import { asArray, asName, asRecord, asString, type JsonRecord } from '../values';

export const ADMISSION_GROUP = 'admissionregistration.k8s.io';
const VERSIONS = new Set([`${ADMISSION_GROUP}/v1`, `${ADMISSION_GROUP}/v1beta1`, `${ADMISSION_GROUP}/v1alpha1`]);

export type ValidationAction = 'Deny' | 'Warn' | 'Audit';

/** matchConstraints of a policy, or matchResources of a binding. */
export interface MatchResources {
  namespaceSelector: unknown;
  objectSelector: unknown;
  resourceRules: readonly JsonRecord[];
  excludeResourceRules: readonly JsonRecord[];
  matchPolicy: 'Exact' | 'Equivalent';
}

export interface NamedExpression {
  name: string;
  expression: string;
  /** Where it is written, relative to the policy object: for compile errors. */
  path: ReadonlyArray<string | number>;
}

export interface PolicyValidation {
  expression: string;
  message: string | null;
  messageExpression: string | null;
  reason: string | null;
  index: number;
}

export interface AdmissionPolicy {
  resource: Resource;
  name: string;
  paramKind: { apiVersion: string; kind: string } | null;
  matchConstraints: MatchResources | null;
  matchConditions: readonly NamedExpression[];
  variables: readonly NamedExpression[];
  validations: readonly PolicyValidation[];
  failurePolicy: 'Fail' | 'Ignore';
}

export interface ParamRef {
  name: string | null;
  namespace: string | null;
  selector: unknown;
  parameterNotFoundAction: 'Deny' | 'Allow';
}

export interface AdmissionBinding {
  resource: Resource;
  name: string;
  policyName: string;
  paramRef: ParamRef | null;
  matchResources: MatchResources | null;
  validationActions: readonly ValidationAction[];
}

export function isPolicy(resource: Resource): boolean {
  return resource.kind === 'ValidatingAdmissionPolicy' && VERSIONS.has(resource.apiVersion);
}

export function isBinding(resource: Resource): boolean {
  return resource.kind === 'ValidatingAdmissionPolicyBinding' && VERSIONS.has(resource.apiVersion);
}

export function readPolicy(resource: Resource): AdmissionPolicy | null {
  const spec = asRecord(resource.object.spec);
  if (!spec || resource.name === null) return null;
  const paramKind = asRecord(spec.paramKind);
  const paramApiVersion = asString(paramKind?.apiVersion);
  const paramKindName = asString(paramKind?.kind);
  return {
    resource,
    name: resource.name,
    paramKind: paramApiVersion && paramKindName ? { apiVersion: paramApiVersion, kind: paramKindName } : null,
    matchConstraints: readMatchResources(spec.matchConstraints),
    matchConditions: namedExpressions(spec.matchConditions, 'matchConditions'),
    variables: namedExpressions(spec.variables, 'variables'),
    validations: asArray(spec.validations).flatMap((item, index) => {
      const record = asRecord(item);
      const expression = asString(record?.expression);
      if (expression === undefined) return [];
      return [{ expression, message: asString(record?.message) ?? null, messageExpression: asString(record?.messageExpression) ?? null, reason: asString(record?.reason) ?? null, index }];
    }),
    // The API server's default is Fail.
    failurePolicy: spec.failurePolicy === 'Ignore' ? 'Ignore' : 'Fail',
  };
}

export function readBinding(resource: Resource): AdmissionBinding | null {
  const spec = asRecord(resource.object.spec);
  const policyName = asName(spec?.policyName);
  if (!spec || resource.name === null || !policyName) return null;
  const paramRef = asRecord(spec.paramRef);
  const actions = asArray(spec.validationActions).filter((action): action is ValidationAction => action === 'Deny' || action === 'Warn' || action === 'Audit');
  return {
    resource,
    name: resource.name,
    policyName,
    paramRef: paramRef
      ? {
          name: asName(paramRef.name) ?? null,
          namespace: asName(paramRef.namespace) ?? null,
          selector: paramRef.selector,
          // v1 requires it; v1beta1 bindings written without it behaved as Deny.
          parameterNotFoundAction: paramRef.parameterNotFoundAction === 'Allow' ? 'Allow' : 'Deny',
        }
      : null,
    matchResources: readMatchResources(spec.matchResources),
    validationActions: actions,
  };
}

function readMatchResources(value: unknown): MatchResources | null {
  const record = asRecord(value);
  if (!record) return null;
  return {
    namespaceSelector: record.namespaceSelector,
    objectSelector: record.objectSelector,
    resourceRules: records(record.resourceRules),
    excludeResourceRules: records(record.excludeResourceRules),
    matchPolicy: record.matchPolicy === 'Exact' ? 'Exact' : 'Equivalent',
  };
}

function namedExpressions(value: unknown, key: string): NamedExpression[] {
  return asArray(value).flatMap((item, index) => {
    const record = asRecord(item);
    const name = asString(record?.name);
    const expression = asString(record?.expression);
    return name !== undefined && expression !== undefined ? [{ name, expression, path: ['spec', key, index, 'expression'] }] : [];
  });
}

function records(value: unknown): JsonRecord[] {
  return asArray(value).flatMap((item) => {
    const record = asRecord(item);
    return record ? [record] : [];
  });
}
