import type { ErrorObject, ValidateFunction } from 'ajv';
import { createAjv } from '../ajv';
import { readFileSync } from 'node:fs';
import { ConfigError } from '../errors';
import { globProblem } from '../load/glob';
import { resolveConfigSchemaPath } from './schema-path';
import { withAnyRuleId } from './schema-rule-ids';
import type { RuleOverride } from '../overrides/overrides';
import { bundledKubernetesVersion, unsupportedKubernetesVersion } from '../kubernetes-schema/kubernetes-versions';
import type { Severity } from '../types';
import { asRecord } from '../values';
import { checkChartNames, resolveChartEntries } from './chart-entries';
import { checkWorkloadEntries } from './workload-entries';
import { checkCustomRules } from '../custom-rules/config-rules';
import { readConfigSource } from './config-file';
import { ConfigYamlError, readConfigYaml, type Locate } from './config-yaml';
import type { PresetName } from './presets';
import { describeSchemaError } from './schema-messages';
import { defaultSettings, settingsFrom, type Settings } from './settings';

export { CONFIG_FILE_NAME, findConfigFile } from './config-file';
export { describeSchemaError, keyOf } from './schema-messages';
export { SETTINGS, type FlagSettings, type Settings } from './settings';

export type RuleLevel = Severity | 'off';

export interface RuleSetting {
  severity?: RuleLevel;
  options?: Record<string, unknown>;
}

/** The structured keys of `.k8s-lint.yaml`; the scalar ones are declared in settings.ts. */
interface RuleAndPathKeys {
  rules: Record<string, RuleSetting>;
  exclude: string[];
  /** Per-path rule levels (`overrides:`), in file order; later entries win. */
  overrides?: RuleOverride[];
  /** Presets the rules start from (`extends:`), in file order; absent means `recommended`. */
  extends?: PresetName[];
}

export type Config = RuleAndPathKeys & Settings & {
  /** The file the configuration came from, absolute; null when none was found. */
  file: string | null;
  /** How messages name that file: relative to the working directory (default: `file`). */
  shownAs?: string;
};

type RawConfig = Partial<Settings> & {
  rules?: Record<string, RuleLevel | RuleSetting>;
  exclude?: string[];
  overrides?: RuleOverride[];
  extends?: PresetName | PresetName[];
};

export const EMPTY_CONFIG: Config = { file: null, rules: {}, exclude: [], ...defaultSettings() };

/** The JSON Schema shipped with the package (also usable by editors). */
export const CONFIG_SCHEMA_PATH = resolveConfigSchemaPath(__dirname);

let validator: ValidateFunction<RawConfig> | undefined;

function validateRaw(value: unknown): ErrorObject[] {
  if (!validator) {
    const schema = JSON.parse(readFileSync(CONFIG_SCHEMA_PATH, 'utf8')) as object;
    validator = createAjv({ allErrors: true, strict: false, verbose: true }).compile<RawConfig>(withAnyRuleId(schema as Record<string, unknown>));
  }
  return validator(value) ? [] : [...(validator.errors ?? [])];
}

/** How messages name the configuration's file. */
export function configLabel(config: Config): string {
  return config.shownAs ?? config.file ?? 'configuration';
}

/** `--config <file>`, else `.k8s-lint.yaml` found from the linted paths upward, up to the repository root (config-file.ts). */
export function loadConfig(cwd: string, explicitFile?: string, paths?: readonly string[]): Config {
  const source = readConfigSource(cwd, explicitFile, paths);
  return source ? parseConfig(source.text, source.file, source.shown) : EMPTY_CONFIG;
}

/**
 * Parses and validates configuration text; `file` is the origin (the base of its globs), `shown`
 * names it in messages. Messages name keys and positions, never values written in the file.
 */
export function parseConfig(text: string, file: string, shown: string = file): Config {
  let value: unknown;
  let locate: Locate;
  try {
    ({ value, locate } = readConfigYaml(text));
  } catch (error) {
    if (error instanceof ConfigYamlError) throw new ConfigError(`${shown}: invalid YAML: ${error.message}`);
    throw error;
  }
  value ??= {};
  checkKubernetesVersionIsText(value, shown);
  checkChartNames(value, shown, locate);
  checkWorkloadEntries(value, shown, locate);
  const errors = validateRaw(value);
  if (errors.length > 0) throw new ConfigError(`${shown}: ${describeSchemaError(errors, locate)}`);
  const raw = value as RawConfig;
  const badGlob = globProblemIn(raw, locate);
  if (badGlob) throw new ConfigError(`${shown}: ${badGlob}`);
  if (raw.kubernetesVersion !== undefined && !bundledKubernetesVersion(raw.kubernetesVersion)) {
    // The schema's pattern lets only digits, dots and a "v" through, so the value can be shown.
    throw new ConfigError(`${shown}: kubernetesVersion: ${unsupportedKubernetesVersion(raw.kubernetesVersion)}`);
  }
  const rules: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(raw.rules ?? {})) {
    rules[id] = typeof setting === 'string' ? { severity: setting } : setting;
  }
  // Paths of `charts:` are checked against the file system, relative to this file, and kept absolute.
  const charts = resolveChartEntries(raw.charts ?? [], file, shown, locate);
  // Every expression of `customRules:` compiles now, so that an error names its key and position.
  checkCustomRules(raw.customRules ?? [], shown, locate);
  const presets = raw.extends === undefined ? undefined : typeof raw.extends === 'string' ? [raw.extends] : raw.extends;
  const settings = settingsFrom({ ...raw, charts });
  return { file, shownAs: shown, rules, exclude: raw.exclude ?? [], overrides: raw.overrides ?? [], ...(presets ? { extends: presets } : {}), ...settings };
}

/** YAML reads an unquoted `1.30` as the number 1.3: say so, rather than "must be string". */
function checkKubernetesVersionIsText(value: unknown, file: string): void {
  if (typeof asRecord(value)?.kubernetesVersion === 'number') {
    throw new ConfigError(`${file}: kubernetesVersion: write the version as a string, such as "1.36" (unquoted, YAML reads 1.30 as the number 1.3)`);
  }
}

/**
 * The first glob of `exclude` or `overrides[].files` that cannot be used, by its key and position:
 * the pattern is not quoted, since any text can be written there.
 */
function globProblemIn(raw: RawConfig, locate: Locate): string | null {
  const globs = [
    ...(raw.exclude ?? []).map((pattern, index) => ({ path: ['exclude', String(index)], key: `exclude[${index}]`, pattern })),
    ...(raw.overrides ?? []).flatMap((override, index) =>
      override.files.map((pattern, at) => ({ path: ['overrides', String(index), 'files', String(at)], key: `overrides[${index}].files[${at}]`, pattern })),
    ),
  ];
  for (const { path, key, pattern } of globs) {
    const problem = globProblem(pattern);
    if (!problem) continue;
    const position = locate(path);
    return `${key}: invalid glob${position ? ` at line ${position.line}, column ${position.col}` : ''}: ${problem}`;
  }
  return null;
}
