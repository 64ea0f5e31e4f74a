import type { AnyRule, Profile } from '../rules/rule';
import { planRun, type PlannedRule } from './run-plan';

/** Whether a rule runs when nothing is configured (docs and `explain` say "off by default" when not). */
export function onByDefault(rule: AnyRule): boolean {
  return planRun([rule]).rules[0]?.active ?? false;
}

/** A rule's level when nothing is configured, as docs and `explain` write it: `note (off by default)`. */
export function defaultLevelText(rule: AnyRule): string {
  return onByDefault(rule) ? rule.meta.severity : `${rule.meta.severity} (off by default)`;
}

/**
 * What the profile and the overrides do to a rule in this run, in words (empty when nothing):
 * `off under profile pss-baseline`, `on only in files of overrides[0]: error`,
 * `in files of overrides[1]: off`.
 */
export function levelChange(planned: PlannedRule, profile: Profile): string {
  if (planned.source === 'profile') return `off under profile ${profile}`;
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
  // `warning (off under profile pss-baseline)`, but `note (off by default); off under profile ...`.
  if (planned.source === 'profile' && !level.includes('(')) return `${level} (${change})`;
  return `${level}${change ? `; ${change}` : ''}`;
}
