import type { Config } from '../config/config';
import type { Locate } from '../config/config-yaml';
import { ConfigError } from '../errors';
import type { AnyRule } from '../rules/rule';
import { compileCustomRule, type CompiledCustomRule } from './compile';
import { customRule, expressionsOf } from './custom-rule';
import { kindsUsedIn, type KindsUsed } from './objects-index';
import type { CustomRuleConfig } from './types';

// Compiled once per configuration: parseConfig compiles to report errors with positions, runs reuse it.
const compiledRules = new WeakMap<readonly CustomRuleConfig[], { rules: AnyRule[]; kinds: KindsUsed }>();

/**
 * Compiles `customRules:` (already checked by the schema): any expression that does not compile,
 * a malformed `path` or an id given twice is a ConfigError naming the file, the key and positions.
 */
export function checkCustomRules(entries: readonly CustomRuleConfig[], shown: string, locate?: Locate): AnyRule[] {
  const cached = compiledRules.get(entries);
  if (cached) return cached.rules;
  const seen = new Map<string, number>();
  const compiled = entries.map((entry, index): CompiledCustomRule => {
    const earlier = seen.get(entry.id);
    if (earlier !== undefined) {
      const position = locate?.(['customRules', String(index), 'id']);
      throw new ConfigError(`${shown}: customRules[${index}].id: the value${position ? ` at line ${position.line}, column ${position.col}` : ''} is the id of customRules[${earlier}] already`);
    }
    seen.set(entry.id, index);
    return compileCustomRule(entry, index, { shown, locate });
  });
  // The kinds any rule looks up: the run's objects index holds those (objects-index.ts).
  const kinds = kindsUsedIn(compiled.flatMap(expressionsOf));
  const rules = compiled.map((rule) => customRule(rule, kinds) as AnyRule);
  compiledRules.set(entries, { rules, kinds });
  return rules;
}

/**
 * The kinds the configuration's custom rules look up in `objects`: a run over named files reads
 * them from the rest of the repository too, so that pre-commit sees what a full run sees.
 */
export function kindsReadByCustomRules(config: Config): KindsUsed {
  if (config.customRules.length === 0) return { kinds: [], all: false };
  customRulesOf(config);
  return compiledRules.get(config.customRules)?.kinds ?? { kinds: [], all: false };
}

/** The rules of the configuration's `customRules:`, compiled once. */
export function customRulesOf(config: Config): AnyRule[] {
  return checkCustomRules(config.customRules, config.shownAs ?? config.file ?? 'configuration');
}
