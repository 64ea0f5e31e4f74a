import { InputError } from '../errors';
import { DEFAULT_MAX_FILE_SIZE } from '../load/analyze-file';
import { PROFILES, type Profile } from '../rules/rule';
import type { AnnotationPeer } from '../suppress/peer-checks';
import type { ChartSetting } from './chart-entries';
import type { WorkloadDeclaration } from '../model/workload-kinds';
import type { CustomRuleConfig } from '../custom-rules/types';

/** A command-line flag that wins over the setting. Its long name, in camelCase, is the setting's key. */
export interface SettingFlag<T> {
  /** Commander syntax: `--max-file-size <bytes>`. */
  name: string;
  help: string;
  choices?: readonly string[];
  /** From the flag's text to the value (default: the text itself); throws InputError. */
  parse?: (text: string) => T;
}

/** A setting of the configuration file only. */
function fileOnly<T>(defaultValue: T): { default: T } {
  return { default: defaultValue };
}

/** A setting that a command-line flag can give too. */
function withFlag<T>(defaultValue: T, flag: SettingFlag<T>): { default: T; flag: SettingFlag<T> } {
  return { default: defaultValue, flag };
}

/**
 * Every scalar setting of a run: a key of `.k8s-lint.yaml` (validated by its entry in
 * schema/config.schema.json, which editors read) with its default and, when the command line can
 * set it too, its flag. Config, EMPTY_CONFIG, LintOptions and the CLI's options derive from here,
 * so adding a setting is its schema entry plus an entry here (a test checks that they match).
 */
export const SETTINGS = {
  defaultNamespace: fileOnly<string | undefined>(undefined),
  profile: withFlag<Profile>('default', {
    name: '--profile <profile>',
    help: 'rule set: every rule, or exactly the Pod Security Standards checks of a level',
    choices: PROFILES,
  }),
  pssVersion: withFlag<string>('latest', {
    name: '--pss-version <version>',
    help: 'Pod Security Standards version for pss-* profiles: latest or v1.N (default: latest)',
  }),
  kubernetesVersion: withFlag<string | undefined>(undefined, {
    name: '--kubernetes-version <1.N>',
    help: 'Kubernetes version of the bundled API schemas that schema-invalid checks against (default: the newest bundled)',
  }),
  maxFileSize: withFlag<number>(DEFAULT_MAX_FILE_SIZE, {
    name: '--max-file-size <bytes>',
    help: 'report files larger than this instead of reading them (default: maxFileSize in the config, else 10000000)',
    parse: parseByteCount,
  }),
  // Not a flag: a chart's values, release name and namespace belong with the chart (config/chart-entries.ts checks them).
  charts: fileOnly<readonly ChartSetting[]>([]),
  // Peers whose exemption annotations suppress the rules their checks map to (suppress/peer-annotations.ts).
  honorPeerAnnotations: fileOnly<readonly AnnotationPeer[]>([]),
  // Custom kinds that run pods, and where their pod spec is (config/workload-entries.ts checks them).
  workloads: fileOnly<readonly WorkloadDeclaration[]>([]),
  // Rules in CEL (custom-rules/): compiled, and their errors located, when the configuration is read.
  customRules: fileOnly<readonly CustomRuleConfig[]>([]),
};

type Declared = typeof SETTINGS;
export type SettingKey = keyof Declared;
type ValueOf<K extends SettingKey> = Declared[K]['default'];
type RequiredKeys = { [K in SettingKey]: undefined extends ValueOf<K> ? never : K }[SettingKey];
type OptionalKeys = Exclude<SettingKey, RequiredKeys>;
type FlagKeys = { [K in SettingKey]: Declared[K] extends { flag: object } ? K : never }[SettingKey];

/** The settings' values: a key whose default is undefined is optional. */
export type Settings = { [K in RequiredKeys]: ValueOf<K> } & { [K in OptionalKeys]?: Exclude<ValueOf<K>, undefined> };

/** The settings the command line can give (LintOptions has them): each wins over the configuration's. */
export type FlagSettings = Partial<Pick<Settings, FlagKeys>>;

/** Keys of the settings that have a flag, in declaration order (the order of `--help`). */
export const FLAG_SETTING_KEYS = (Object.keys(SETTINGS) as SettingKey[]).filter((key): key is FlagKeys => 'flag' in SETTINGS[key]);

/** The flag of a setting that has one. */
export function flagOf(key: FlagKeys): SettingFlag<unknown> {
  return SETTINGS[key].flag;
}

/** The defaults, without keys whose default is undefined. */
export function defaultSettings(): Settings {
  return settingsFrom({});
}

/** `given`'s values (from the configuration or the flags) over the defaults. */
export function settingsFrom(given: Partial<Record<SettingKey, unknown>>): Settings {
  const values: Record<string, unknown> = {};
  for (const key of Object.keys(SETTINGS) as SettingKey[]) {
    const value = given[key] ?? SETTINGS[key].default;
    if (value !== undefined) values[key] = value;
  }
  return values as Settings;
}

/** The flags' texts (keyed like the settings; undefined when not given) parsed into settings. */
export function settingsFromFlags(texts: Partial<Record<keyof FlagSettings, string>>): FlagSettings {
  const values: Record<string, unknown> = {};
  for (const key of FLAG_SETTING_KEYS) {
    const text = texts[key];
    if (text === undefined) continue;
    const flag = flagOf(key);
    values[key] = flag.parse ? flag.parse(text) : text;
  }
  return values;
}

function parseByteCount(value: string): number {
  if (!/^[1-9][0-9]{0,14}$/.test(value)) throw new InputError(`invalid --max-file-size "${value}": must be a whole number of bytes`);
  return Number(value);
}
