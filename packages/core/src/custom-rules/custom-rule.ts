import { CelCostExceeded, lazyVariables, type CelBudget } from '../cel';
import type { Resource } from '../model/resource';
import type { Rule, RuleContext } from '../rules/rule';
import type { FieldPath } from '../types';
import type { CompiledCustomRule, CompiledValidation } from './compile';
import { fieldPathOf } from './field-path';
import { customRuleHelp } from './help';
import { customRuleMatches } from './match';
import type { KindsUsed } from './objects-index';
import { runBudget, runIndex } from './run-state';

export type CustomRuleParams = Record<string, unknown>;

/** Findings without a field point at the object's metadata, as the API server's messages name the object. */
const METADATA: FieldPath = ['metadata'];
const NO_VARIABLES: Readonly<Record<string, unknown>> = {};

/**
 * A `customRules:` entry as a rule like the built-in ones: its id, severity, title and help go
 * wherever those of built-in rules go, `rules:`, `overrides:`, `--rule` and suppressions apply,
 * and `rules.<id>.options` is merged over its `params`. `kinds`: those the custom rules of the
 * configuration look up, which the run's objects index holds.
 */
export function customRule(compiled: CompiledCustomRule, kinds: KindsUsed): Rule<CustomRuleParams> {
  const { config } = compiled;
  return {
    meta: {
      id: config.id,
      title: config.title,
      description: config.description ?? `Objects that fail a validation of the custom rule "${config.title}".`,
      severity: config.severity ?? 'warning',
      category: 'custom',
      tags: ['custom'],
      help: customRuleHelp(config),
      references: [],
      optionsSchema: { type: 'object', description: 'Merged over the rule\'s `params`.' },
    },
    defaultOptions: config.params ?? {},
    check(context) {
      checkObjects(compiled, context, kinds);
    },
  };
}

/** The text of every expression of the rule. */
export function expressionsOf(compiled: CompiledCustomRule): string[] {
  const ofValidations = compiled.validations.flatMap((validation) => [validation.expression, validation.messageExpression, validation.pathExpression]);
  return [...compiled.variables.map((variable) => variable.compiled), ...ofValidations].flatMap((expression) => (expression ? [expression.source] : []));
}

function checkObjects(compiled: CompiledCustomRule, context: RuleContext<CustomRuleParams>, kinds: KindsUsed): void {
  const budget = runBudget(context.resources);
  const index = runIndex(context.resources, kinds);
  const matched = context.resources.filter((resource) => customRuleMatches(compiled.config.match, resource));
  for (const [at, resource] of matched.entries()) {
    if (budget.remaining <= 0) {
      const left = matched.length - at;
      context.report(resource, METADATA, `not evaluated: the CEL cost budget of the run is spent; this object and ${left - 1} more matched by the rule were not checked`);
      return;
    }
    const base = {
      object: index.objectOf(resource),
      namespaceObject: index.namespaceObjectOf(resource),
      params: context.options,
      objects: index.all,
      objectsInNamespace: index.inNamespaceOf(resource),
    };
    // Most rules declare no variables: no lazy map to build for each object then.
    const variables = compiled.variables.length === 0 ? NO_VARIABLES : lazyVariables(compiled.variables, base, budget);
    const activation = { ...base, variables };
    compiled.validations.forEach((validation, at) => checkValidation(validation, at, resource, activation, budget, context));
  }
}

function checkValidation(
  validation: CompiledValidation,
  at: number,
  resource: Resource,
  activation: Readonly<Record<string, unknown>>,
  budget: CelBudget,
  context: RuleContext<CustomRuleParams>,
): void {
  let passed: unknown;
  try {
    passed = validation.expression.evaluate(activation, budget);
  } catch (error) {
    context.report(resource, METADATA, notEvaluated(at, 'expression', error, budget));
    return;
  }
  if (passed === true) return;
  if (passed !== false) {
    context.report(resource, METADATA, `could not be evaluated: validations[${at}].expression returned ${describeValue(passed)}, not a bool`);
    return;
  }
  const message = messageOf(validation, activation, budget);
  if (!validation.pathExpression) {
    context.report(resource, validation.path ?? METADATA, message);
    return;
  }
  try {
    const path = fieldPathOf(validation.pathExpression.evaluate(activation, budget));
    if (path) context.report(resource, path, message);
    else context.report(resource, METADATA, `${message} (validations[${at}].pathExpression returned no field path)`);
  } catch (error) {
    context.report(resource, METADATA, `${message} (${notEvaluated(at, 'pathExpression', error, budget)})`);
  }
}

/** As the API server: `messageExpression`'s string when it gives a non-empty one, else `message`, else the expression. */
function messageOf(validation: CompiledValidation, activation: Readonly<Record<string, unknown>>, budget: CelBudget): string {
  const fallback = validation.source.message ?? `failed expression: ${validation.source.expression}`;
  if (!validation.messageExpression) return fallback;
  try {
    const message = validation.messageExpression.evaluate(activation, budget);
    return typeof message === 'string' && message.trim() !== '' ? message.replace(/\s*\n\s*/g, ' ') : fallback;
  } catch {
    return fallback;
  }
}

function notEvaluated(at: number, key: string, error: unknown, budget: CelBudget): string {
  const why = error instanceof CelCostExceeded && budget.remaining <= 0 ? 'the CEL cost budget of the run is spent' : error instanceof Error ? error.message : String(error);
  return `could not be evaluated: validations[${at}].${key}: ${why}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a map' : `a ${typeof value}`;
}
