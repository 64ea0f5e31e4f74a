import path from 'node:path';
import { availableRules, createOverrides, InputError, planRun, SETTINGS, type Config, type Finding, type FlagSettings, type SettingKey } from '@k8s-lint/core';
import { toYaml } from './yaml-text';

/**
 * Why a rule has its level for the file: `default` is the preset (`extends`); `flag` is `--rule`;
 * `override` an `overrides:` entry matching the file.
 */
type Why = 'default' | 'config' | 'profile' | 'override' | 'flag';

export interface PrintConfigRequest {
  /** The file asked about, as given (relative to `cwd`). */
  file: string;
  cwd: string;
  /** The configuration a run linting `file` would use, `--rule` levels applied. */
  config: Config;
  flags: FlagSettings;
  ruleFlagIds: ReadonlySet<string>;
  format: 'yaml' | 'json';
}

/**
 * `--print-config <path>`: the configuration a run would use for that file (which file it came
 * from, the settings with the flags over it, its excludes) and the rules that run for the file,
 * with their level, why, and options.
 */
export function printConfig(request: PrintConfigRequest): string {
  const { config, cwd, flags } = request;
  const available = availableRules(config);
  const plan = planRun(available, config, flags);
  const shown = path.relative(cwd, path.resolve(cwd, request.file)).split(path.sep).join('/') || '.';
  // The engine's own stage decides the file's levels: the same globs, base and precedence as a run.
  const applyOverrides = createOverrides(config, available.map((rule) => rule.meta.id), cwd, plan.onlyInOverrides);
  const rules: Record<string, object> = {};
  for (const planned of plan.rules) {
    if (!planned.active) continue;
    const { id } = planned.rule.meta;
    const probe = { ruleId: id, severity: planned.severity, file: shown } as Finding;
    const forFile = applyOverrides(probe);
    if (forFile === null) continue;
    const why: Why = request.ruleFlagIds.has(id) ? 'flag' : forFile !== probe || planned.source === 'override' ? 'override' : planned.source;
    rules[id] = { severity: forFile.severity, why, ...(planned.rule.meta.optionsSchema ? { options: planned.options } : {}) };
  }
  const settings: Record<string, unknown> = {};
  for (const key of Object.keys(SETTINGS) as SettingKey[]) {
    const value = key === 'kubernetesVersion' ? plan.settings.kubernetesVersion : ((flags as Record<string, unknown>)[key] ?? config[key]);
    if (value !== undefined) settings[key] = value;
  }
  const report = {
    file: shown,
    config: config.file === null ? null : path.relative(cwd, config.file).split(path.sep).join('/'),
    extends: plan.preset,
    settings,
    exclude: config.exclude,
    rules,
  };
  return withoutUnsafeCharacters(request.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : toYaml(report));
}

/**
 * JSON.stringify escapes C0 controls only; the configuration (maybe a pull request's) could hold
 * DEL, C1 controls (a CSI without ESC), bidi controls or line separators in an option's value.
 * They can only be inside quoted strings here, where `\uHHHH` means the same in JSON and YAML.
 */
function withoutUnsafeCharacters(text: string): string {
  return text.replace(/[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `--print-config` writes YAML, or JSON with `--format json`. */
export function printConfigFormat(format: string): 'yaml' | 'json' {
  if (format === 'json') return 'json';
  if (format === 'stylish') return 'yaml';
  throw new InputError(`--print-config prints YAML, or JSON with --format json (not ${format})`);
}
