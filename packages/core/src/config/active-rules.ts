import type Ajv from 'ajv';
import { createAjv } from '../ajv';
import { ConfigError } from '../errors';
import type { AnyRule } from '../rules/rule';
import type { Severity } from '../types';
import { configLabel, describeSchemaError, type Config } from './config';
import { nearMiss } from './near-miss';
import { effectivePreset, presetSetting } from './presets';

/** A rule as configured for one run. */
export interface ActiveRule {
  rule: AnyRule;
  severity: Severity;
  options: unknown;
}

/**
 * Applies the preset (`extends:`) and then `rules:` from the configuration to the available rules:
 * severities, `off` and options. Unknown ids and invalid options are configuration errors, so a
 * typo never silently disables nothing.
 */
export function resolveRules(available: readonly AnyRule[], config: Config): ActiveRule[] {
  const byId = new Map(available.map((rule) => [rule.meta.id, rule]));
  const where = configLabel(config);
  for (const id of Object.keys(config.rules)) {
    if (!byId.has(id)) throw new ConfigError(`${where}: rules.${id}: unknown rule "${id}"${suggestion(id, [...byId.keys()])}`);
  }
  const preset = effectivePreset(config.extends);
  const active: ActiveRule[] = [];
  for (const rule of available) {
    const setting = config.rules[rule.meta.id] ?? {};
    const base = presetSetting(rule, preset);
    const level = setting.severity ?? base.level;
    if (level === 'off') continue;
    active.push({ rule, severity: level, options: optionsFor(rule, base.options, setting.options, where) });
  }
  return active;
}

let ajv: Ajv | undefined;

function optionsFor(rule: AnyRule, base: unknown, given: Record<string, unknown> | undefined, where: string): unknown {
  if (given === undefined) return base;
  const schema = rule.meta.optionsSchema;
  const key = `rules.${rule.meta.id}.options`;
  if (!schema) throw new ConfigError(`${where}: ${key}: rule "${rule.meta.id}" has no options`);
  // verbose: errors carry their schema, so an unknown option can be matched against the known ones.
  ajv ??= createAjv({ allErrors: true, strict: false, verbose: true });
  const validate = ajv.compile(schema);
  if (!validate(given)) {
    const detail = describeSchemaError(validate.errors ?? []);
    // Re-root the schema error's key under the rule's options key.
    throw new ConfigError(`${where}: ${key}${detail.startsWith('(top level)') ? detail.slice('(top level)'.length) : `.${detail}`}`);
  }
  return { ...(base as object), ...given };
}

/** ` (did you mean "x"?)` for a near miss among the known ids, else empty. */
export function suggestion(id: string, known: readonly string[]): string {
  const close = nearMiss(id, known);
  return close ? ` (did you mean "${close}"?)` : '';
}
