import { recommendedChangeOf } from '../config/presets';
import type { AnyRule, Profile } from '../rules/rule';
import { planRun, type PlannedRule } from './run-plan';

const STRICT_PRESET = 'strict preset';

/** Whether a rule runs when nothing is configured (docs and `explain` say "off by default" when not). */
export function onByDefault(rule: AnyRule): boolean {
  return planRun([rule]).rules[0]?.active ?? false;
}

/**
 * A rule's level when nothing is configured, as docs and `explain` write it: `warning`,
 * `note (strict preset)` for a rule only `extends: [strict]` turns on, `note (off by default)`.
 */
export function defaultLevelText(rule: AnyRule): string {
  if (onByDefault(rule)) return rule.meta.severity;
  return `${rule.meta.severity} (${recommendedChangeOf(rule.meta.id)?.recommended === 'off' ? STRICT_PRESET : 'off by default'})`;
}

/**
 * Which presets run a rule, and why `recommended` differs, in one sentence for docs and `explain`;
 * empty for a rule both presets run as written.
 */
export function presetText(rule: AnyRule): string {
  if (rule.meta.enabledByDefault === false) return 'In no preset: it runs only when `rules:` gives it a severity.';
  const change = recommendedChangeOf(rule.meta.id);
  if (!change) return '';
  if (change.recommended === 'off') return `In the \`strict\` preset only (\`extends: [strict]\`). ${change.why}`;
  const options = Object.entries(change.recommended.options).map(([key, value]) => `\`${key}: ${JSON.stringify(value)}\``).join(', ');
  return `The \`recommended\` preset runs it with ${options}; \`strict\` with its defaults. ${change.why}`;
}

/**
 * What the profile, the preset and the overrides do to a rule in this run, in words (empty when
 * nothing): `off under profile pss-baseline`, `strict preset`, `on only in files of overrides[0]: error`,
 * `in files of overrides[1]: off`.
 */
export function levelChange(planned: PlannedRule, profile: Profile): string {
  if (planned.source === 'profile') return `off under profile ${profile}`;
  // Off because the run is on `recommended`, which leaves the rule to `strict`.
  if (!planned.active && planned.source === 'default' && recommendedChangeOf(planned.rule.meta.id)?.recommended === 'off') return STRICT_PRESET;
  const given = planned.overrides.map((override) => `overrides[${override.index}]: ${override.level}`).join(', ');
  if (planned.onlyInOverrides) return `on only in files of ${given}`;
  return planned.active && given !== '' ? `in files of ${given}` : '';
}

/**
 * The Severity line of `explain`: the default, the configured level when it differs, and what the
 * profile or overrides change (`warning; configured: note (off under profile pss-baseline)`).
 */
export function explainLevel(planned: PlannedRule, profile: Profile): string {
  const { rule } = planned;
  const defaultLevel = onByDefault(rule) ? rule.meta.severity : 'off';
  const configured = planned.configured !== defaultLevel ? `; configured: ${planned.configured}` : '';
  const change = levelChange(planned, profile);
  const level = `${defaultLevelText(rule)}${configured}`;
  // The default level already says `(strict preset)`.
  if (change === STRICT_PRESET) return level;
  // `warning (off under profile pss-baseline)`, but `note (off by default); off under profile ...`.
  if (planned.source === 'profile' && !level.includes('(')) return `${level} (${change})`;
  return `${level}${change ? `; ${change}` : ''}`;
}
