import { CelCompileError, compileCel, type CompiledCel } from '../cel';
import type { Locate } from '../config/config-yaml';
import { ConfigError } from '../errors';
import type { FieldPath } from '../types';
import { parseFieldPath } from './field-path';
import type { CustomRuleConfig, CustomRuleValidation } from './types';

/** The names an expression of a custom rule may use. */
export const CUSTOM_RULE_VARIABLES = ['object', 'namespaceObject', 'params', 'variables', 'objects', 'objectsInNamespace'] as const;

export interface CompiledValidation {
  source: CustomRuleValidation;
  expression: CompiledCel;
  messageExpression: CompiledCel | null;
  /** From `path`, or null. */
  path: FieldPath | null;
  pathExpression: CompiledCel | null;
}

export interface CompiledCustomRule {
  config: CustomRuleConfig;
  variables: Array<{ name: string; compiled: CompiledCel }>;
  validations: CompiledValidation[];
}

/** Where messages say the problem is: the configuration's name and a way to find keys in it (absent for a configuration built in code). */
export interface ConfigWhere {
  shown: string;
  locate?: Locate;
}

/**
 * Compiles every expression of a custom rule once. A compile error, an unusable `path` or a
 * repeated variable name is a ConfigError naming the key (`customRules[2].validations[0].expression`),
 * the line and column inside the expression and, when known, where the expression is in the file.
 */
export function compileCustomRule(config: CustomRuleConfig, index: number, where: ConfigWhere): CompiledCustomRule {
  const seen = new Map<string, number>();
  const variables = (config.variables ?? []).map((variable, at) => {
    const key = ['customRules', index, 'variables', at];
    const earlier = seen.get(variable.name);
    if (earlier !== undefined) throw located(where, [...key, 'name'], `is the name of variables[${earlier}] already`);
    seen.set(variable.name, at);
    return { name: variable.name, compiled: compileAt(variable.expression, [...key, 'expression'], where) };
  });
  const validations = config.validations.map((validation, at): CompiledValidation => {
    const key = ['customRules', index, 'validations', at];
    const path = validation.path === undefined ? null : parseFieldPath(validation.path);
    if (validation.path !== undefined && path === null) throw located(where, [...key, 'path'], 'is not a field path such as spec.template.spec.containers[0].image');
    return {
      source: validation,
      expression: compileAt(validation.expression, [...key, 'expression'], where),
      messageExpression: validation.messageExpression === undefined ? null : compileAt(validation.messageExpression, [...key, 'messageExpression'], where),
      path,
      pathExpression: validation.pathExpression === undefined ? null : compileAt(validation.pathExpression, [...key, 'pathExpression'], where),
    };
  });
  return { config, variables, validations };
}

function compileAt(source: string, key: ReadonlyArray<string | number>, where: ConfigWhere): CompiledCel {
  try {
    return compileCel(source, CUSTOM_RULE_VARIABLES);
  } catch (error) {
    if (!(error instanceof CelCompileError)) throw error;
    const { line, column, message } = error.info;
    const start = where.locate?.(key.map(String));
    const inFile = start ? ` (the value starts at line ${start.line}, column ${start.col})` : '';
    return fail(where, key, `does not compile: ${message} at line ${line}, column ${column} of the expression${inFile}`);
  }
}

function fail(where: ConfigWhere, key: ReadonlyArray<string | number>, problem: string): never {
  throw new ConfigError(`${where.shown}: ${keyText(key)}: ${problem}`);
}

function located(where: ConfigWhere, key: ReadonlyArray<string | number>, problem: string): ConfigError {
  const position = where.locate?.(key.map(String));
  return new ConfigError(`${where.shown}: ${keyText(key)}: the value${position ? ` at line ${position.line}, column ${position.col}` : ''} ${problem}`);
}

/** `customRules[2].validations[0].expression`. */
export function keyText(key: ReadonlyArray<string | number>): string {
  return key.map((segment, at) => (typeof segment === 'number' ? `[${segment}]` : at === 0 ? segment : `.${segment}`)).join('');
}
