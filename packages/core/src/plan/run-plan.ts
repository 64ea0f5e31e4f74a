import { resolveRules, suggestion, type ActiveRule } from '../config/active-rules';
import { effectivePreset, presetSetting, type PresetName } from '../config/presets';
import { configLabel, EMPTY_CONFIG, type Config, type FlagSettings, type RuleLevel } from '../config/config';
import { ConfigError, InputError } from '../errors';
import { rulesTurnedOnByOverrides } from '../overrides/overrides';
import { parseVersion } from '../pss/version';
import { YAML_SYNTAX_RULE_ID } from '../rules/loader-rule-ids';
import { PSS_RULE_PREFIX } from '../rules/pod-security-standards/pss-rule';
import type { AnyRule, Profile, RunSettings } from '../rules/rule';
import { resolveKubernetesVersion } from '../kubernetes-schema/kubernetes-versions';

/** Where a rule's level for the run comes from. */
export type RuleSource = 'default' | 'config' | 'profile' | 'override';

/** An `overrides:` entry that names a rule: its index in the configuration and the level it sets. */
export interface OverrideLevel {
  index: number;
  level: RuleLevel;
}

/** One available rule as this run sees it. */
export interface PlannedRule {
  rule: AnyRule;
  /** It runs in this run, for every file or (`onlyInOverrides`) for the files of some overrides. */
  active: boolean;
  /**
   * Its effective level: `off` when it does not run; for a rule that runs only for some
   * overrides' files, the level the last of them gives.
   */
  severity: RuleLevel;
  /** Its level before the profile and the overrides: the default or `rules:` of the configuration. */
  configured: RuleLevel;
  /** The options it runs with (defaults merged with `rules.<id>.options`). */
  options: unknown;
  source: RuleSource;
  /** Off for the run, it runs only for the files of the overrides that give it a severity. */
  onlyInOverrides: boolean;
  /** Every `overrides:` entry that names the rule, in file order (later entries win). */
  overrides: OverrideLevel[];
}

/** Settings the command line may give (config/settings.ts); each wins over the configuration's. */
export type PlanSettings = FlagSettings;

export interface RunPlan {
  /** The resolved settings that rules read. */
  settings: RunSettings;
  /** The preset the rules start from (`extends:`; `recommended` when none). */
  preset: PresetName;
  /** Every available rule, in the order given. */
  rules: PlannedRule[];
  /** The rules that run, with the level and options they report with, in the order they run. */
  active: ActiveRule[];
  /** Ids of the rules that run only for the files of the overrides that turn them on. */
  onlyInOverrides: ReadonlySet<string>;
}

/**
 * The one place that decides what a run does: the settings (command line over configuration over
 * defaults) and, for every rule, whether it runs, at which level, with which options and why.
 * `lint()`, `k8s-lint rules`, `k8s-lint explain` and the docs all read it. Throws InputError
 * for a bad setting, ConfigError for an unknown rule or invalid options.
 */
export function planRun(available: readonly AnyRule[], config: Config = EMPTY_CONFIG, given: PlanSettings = {}): RunPlan {
  const settings: RunSettings = {
    profile: given.profile ?? config.profile,
    pssVersion: given.pssVersion ?? config.pssVersion,
    kubernetesVersion: resolveKubernetesVersion(given.kubernetesVersion ?? config.kubernetesVersion),
  };
  if (!parseVersion(settings.pssVersion)) throw new InputError(`invalid Pod Security Standards version "${settings.pssVersion}": must be "latest" or "v1.N"`);
  const configured = resolveRules(available, config);
  const onlyInOverrides = rulesOnlyInOverrides(available, configured, config);
  checkOverrideRuleIds(config, available);
  const active = [...configured, ...onlyInOverrides].filter((entry) => runsUnderProfile(entry.rule, settings.profile));
  const byId = new Map([...configured, ...onlyInOverrides].map((entry) => [entry.rule.meta.id, entry]));
  const overrideIds = new Set(onlyInOverrides.map((entry) => entry.rule.meta.id));
  const preset = effectivePreset(config.extends);
  const rules = available.map((rule) => planned(rule, byId.get(rule.meta.id), overrideIds.has(rule.meta.id), config, settings.profile, preset));
  return { settings, preset, rules, active, onlyInOverrides: overrideIds };
}

/**
 * A `pss-*` profile runs only the Pod Security Standards rules (and reports syntax errors). The
 * profile's level decides which checks every workload gets; a Namespace label asking for more
 * (enforce=restricted under pss-baseline) still gets its checks, as in the default profile.
 */
export function runsUnderProfile(rule: AnyRule, profile: Profile): boolean {
  return profile === 'default' || rule.meta.id === YAML_SYNTAX_RULE_ID || rule.meta.id.startsWith(PSS_RULE_PREFIX);
}

function planned(rule: AnyRule, entry: ActiveRule | undefined, onlyInOverrides: boolean, config: Config, profile: Profile, preset: PresetName): PlannedRule {
  const setting = config.rules[rule.meta.id]?.severity;
  const configured: RuleLevel = setting ?? presetSetting(rule, preset).level;
  const overrides = overridesNaming(rule.meta.id, config);
  const common = { rule, configured, options: entry?.options ?? rule.defaultOptions, overrides };
  if (entry && !runsUnderProfile(rule, profile)) return { ...common, active: false, severity: 'off', source: 'profile', onlyInOverrides: false };
  if (onlyInOverrides) {
    const level = overrides.filter((override) => override.level !== 'off').at(-1)?.level ?? rule.meta.severity;
    return { ...common, active: true, severity: level, source: 'override', onlyInOverrides: true };
  }
  return { ...common, active: entry !== undefined, severity: entry?.severity ?? 'off', source: setting === undefined ? 'default' : 'config', onlyInOverrides: false };
}

function overridesNaming(id: string, config: Config): OverrideLevel[] {
  return (config.overrides ?? []).flatMap((override, index) => (override.rules[id] === undefined ? [] : [{ index, level: override.rules[id] }]));
}

/**
 * Rules off for the run that an override turns on for some files: they run with their default
 * severity (the override then sets theirs) and the options configured under `rules`, if any.
 */
function rulesOnlyInOverrides(available: readonly AnyRule[], configured: readonly ActiveRule[], config: Config): ActiveRule[] {
  const running = new Set(configured.map((entry) => entry.rule.meta.id));
  const wanted = rulesTurnedOnByOverrides(config);
  const rules = available.filter((rule) => wanted.has(rule.meta.id) && !running.has(rule.meta.id));
  if (rules.length === 0) return [];
  const switchedOn = Object.fromEntries(rules.map((rule) => [rule.meta.id, { ...config.rules[rule.meta.id], severity: rule.meta.severity }]));
  return resolveRules(rules, { ...config, rules: switchedOn });
}

/** An override naming an unknown rule is a configuration error, for `rules` and `explain` as for a lint run. */
function checkOverrideRuleIds(config: Config, available: readonly AnyRule[]): void {
  const knownIds = available.map((rule) => rule.meta.id);
  const known = new Set(knownIds);
  (config.overrides ?? []).forEach((override, index) => {
    for (const id of Object.keys(override.rules)) {
      if (!known.has(id)) throw new ConfigError(`${configLabel(config)}: overrides[${index}].rules.${id}: unknown rule "${id}"${suggestion(id, knownIds)}`);
    }
  });
}
