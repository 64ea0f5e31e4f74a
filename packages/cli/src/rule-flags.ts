import { availableRules, BUILTIN_RULES, InputError, ruleIdSuggestion, type Config } from '@k8s-lint/core';

const LEVELS = ['off', 'error', 'warning', 'note'] as const;
type Level = (typeof LEVELS)[number];

/**
 * `--rule <id>=<level>`, parsed and checked against `known` (default: the built-in rules; null:
 * not checked): an unknown id is a usage error, with a near miss.
 */
export function parseRuleFlag(text: string, known: readonly string[] | null = BUILTIN_RULES.map((rule) => rule.meta.id)): { id: string; level: Level } {
  const match = /^([^=]+)=(.*)$/.exec(text);
  const level = match?.[2] as Level | undefined;
  if (!match?.[1] || level === undefined || !LEVELS.includes(level)) throw new InputError(`invalid --rule "${text}": expected <rule-id>=<${LEVELS.join('|')}>`);
  const id = match[1];
  if (known !== null && !known.includes(id)) throw new InputError(`--rule ${id}: unknown rule "${id}"${ruleIdSuggestion(id, known)}`);
  return { id, level };
}

/**
 * The configuration with the `--rule` levels over it: the flags are the user's, the file may come
 * from a pull request, so a flag wins over `rules:` and over every `overrides:` entry (options stay).
 */
export function withRuleFlags(config: Config, texts: readonly string[]): Config {
  if (texts.length === 0) return config;
  // The configuration's custom rules can be set too.
  const known = availableRules(config).map((rule) => rule.meta.id);
  const levels = new Map(texts.map((text) => parseRuleFlag(text, known)).map(({ id, level }) => [id, level]));
  const rules = { ...config.rules };
  for (const [id, level] of levels) rules[id] = { ...rules[id], severity: level };
  const overrides = (config.overrides ?? []).map((override) => ({
    ...override,
    rules: Object.fromEntries(Object.entries(override.rules).filter(([id]) => !levels.has(id))),
  }));
  return { ...config, rules, overrides };
}

/** Ids given with `--rule`, for `--print-config`'s "why". */
export function ruleFlagIds(texts: readonly string[]): Set<string> {
  return new Set(texts.map((text) => parseRuleFlag(text, null).id));
}
