import { BUILTIN_RULES, DEFAULT_PRESET, escapeControlsByLine, explainLevel, presetSetting, presetText, InputError, markdownToText, ruleDocsUrl, ruleIdSuggestion, withoutRepeatedLead, type AnyRule, type PlannedRule, type Profile, type Severity } from '@k8s-lint/core';

/** A rule as a run plans it, and the run's profile. */
export interface PlannedLevel {
  planned: PlannedRule;
  profile: Profile;
}

/**
 * `k8s-lint explain <rule>`: everything about one rule in the terminal, the same facts as its docs
 * page. `level` is the rule in the run plan (or only its configured severity, `off` when it does
 * not run); the Severity line says what the configuration, the profile and overrides make of it.
 */
export function explainRule(id: string, level: Severity | 'off' | PlannedLevel | undefined, rules: readonly AnyRule[] = BUILTIN_RULES): string {
  const rule = rules.find((candidate) => candidate.meta.id === id);
  if (!rule) {
    const hint = ruleIdSuggestion(id, rules.map((candidate) => candidate.meta.id));
    throw new InputError(`unknown rule "${id}"${hint}; "k8s-lint rules" lists them`);
  }
  const { meta } = rule;
  const { planned, profile } = typeof level === 'object' ? level : { planned: configuredOnly(rule, level), profile: 'default' as const };
  const severity = explainLevel(planned, profile);
  const lines = [
    `${meta.id}: ${meta.title}`,
    '',
    `Severity:  ${severity}`,
    `Category:  ${meta.category}`,
    ...(meta.tags.length > 0 ? [`Tags:      ${meta.tags.join(', ')}`] : []),
    '',
    meta.description,
    '',
  ];
  const presets = presetText(rule);
  if (presets !== '') lines.push(markdownToText(presets), '');
  const help = withoutRepeatedLead(meta.description, markdownToText(meta.help)).trimEnd();
  if (help !== '') lines.push(help, '');
  const options = optionLines(rule);
  if (options.length > 0) lines.push('Options (default values):', ...options, '');
  if (meta.references.length > 0) lines.push('References:', ...meta.references.map((ref) => `  - ${ref.title}: ${ref.url}`), '');
  // A custom rule's documentation is its configuration (its help above): no page of ours describes it.
  if (meta.category !== 'custom') lines.push(`Docs: ${ruleDocsUrl(meta.id)}`);
  else if (lines.at(-1) === '') lines.pop();
  // The text is the rules' own, but whatever a rule (an embedder's too) holds stays off the terminal.
  return escapeControlsByLine(`${lines.join('\n')}\n`);
}

/** One line per option: its name, default (as JSON) and, when the schema has one, its description. */
function optionLines(rule: AnyRule): string[] {
  const schema = rule.meta.optionsSchema;
  if (!schema) return [];
  const properties = (schema.properties ?? {}) as Record<string, { description?: unknown }>;
  const defaults = (rule.defaultOptions ?? {}) as Record<string, unknown>;
  const names = [...new Set([...Object.keys(properties), ...Object.keys(defaults)])];
  return names.map((name) => {
    const value = name in defaults ? JSON.stringify(defaults[name]) : '(none)';
    const description = properties[name]?.description;
    return `  ${name}: ${value}${typeof description === 'string' ? `  ${markdownToText(description)}` : ''}`;
  });
}

/** A rule at its configured level, with no profile or override in play. */
function configuredOnly(rule: AnyRule, configured: Severity | 'off' | undefined): PlannedRule {
  const defaultLevel = presetSetting(rule, DEFAULT_PRESET).level;
  const level = configured ?? defaultLevel;
  const source = level === defaultLevel ? 'default' : 'config';
  return { rule, active: level !== 'off', severity: level, configured: level, options: rule.defaultOptions, source, onlyInOverrides: false, overrides: [] };
}
