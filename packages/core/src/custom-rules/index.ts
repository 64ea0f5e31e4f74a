import type { Config } from '../config/config';
import { BUILTIN_RULES } from '../rules';
import type { AnyRule } from '../rules/rule';
import { customRulesOf } from './config-rules';

export type { CustomRuleConfig, CustomRuleMatch, CustomRuleValidation, CustomRuleVariable } from './types';
export { checkCustomRules, customRulesOf, kindsReadByCustomRules } from './config-rules';
export { parseFieldPath } from './field-path';

/** The rules a run with this configuration can use: the built-in ones (or `builtIn`), then its custom rules. */
export function availableRules(config: Config, builtIn: readonly AnyRule[] = BUILTIN_RULES): readonly AnyRule[] {
  return config.customRules.length === 0 ? builtIn : [...builtIn, ...customRulesOf(config)];
}
