import { CelCompileError, compileCel, type CompiledCel } from '../cel';
import type { FieldPath } from '../types';
import type { AdmissionPolicy } from './policy-model';

/** The names a policy's expressions may use (as the API server declares them). */
export const POLICY_VARIABLES: readonly string[] = ['object', 'oldObject', 'request', 'params', 'namespaceObject', 'authorizer', 'variables'];

export interface CompiledValidation {
  expression: CompiledCel;
  messageExpression: CompiledCel | null;
  message: string | null;
  reason: string | null;
  /** The field the validation is about, from its expression; null when none is seen. */
  field: FieldPath | null;
}

export interface CompiledPolicy {
  policy: AdmissionPolicy;
  matchConditions: ReadonlyArray<{ name: string; compiled: CompiledCel }>;
  variables: ReadonlyArray<{ name: string; compiled: CompiledCel }>;
  validations: readonly CompiledValidation[];
}

/** An expression of the policy that does not compile: where it is and why. */
export interface PolicyCompileError {
  path: FieldPath;
  message: string;
}

/** Every expression of a policy compiled once, or the first that does not compile (the API server refuses such a policy). */
export function compilePolicy(policy: AdmissionPolicy, fieldPathOf: (expression: string) => FieldPath | null): CompiledPolicy | PolicyCompileError {
  try {
    const named = (entries: AdmissionPolicy['variables']): Array<{ name: string; compiled: CompiledCel }> =>
      entries.map((entry) => ({ name: entry.name, compiled: compileAt(entry.expression, entry.path) }));
    return {
      policy,
      matchConditions: named(policy.matchConditions),
      variables: named(policy.variables),
      validations: policy.validations.map((validation) => ({
        expression: compileAt(validation.expression, ['spec', 'validations', validation.index, 'expression']),
        messageExpression: validation.messageExpression === null ? null : compileAt(validation.messageExpression, ['spec', 'validations', validation.index, 'messageExpression']),
        message: validation.message,
        reason: validation.reason,
        field: fieldPathOf(validation.expression),
      })),
    };
  } catch (error) {
    if (error instanceof ExpressionError) return { path: error.path, message: error.message };
    throw error;
  }
}

class ExpressionError extends Error {
  constructor(
    readonly path: FieldPath,
    message: string,
  ) {
    super(message);
  }
}

function compileAt(source: string, path: FieldPath): CompiledCel {
  try {
    return compileCel(source, POLICY_VARIABLES);
  } catch (error) {
    if (!(error instanceof CelCompileError)) throw error;
    const { line, column, message } = error.info;
    throw new ExpressionError(path, `${message} (line ${line}, column ${column} of the expression)`);
  }
}
