import type { ErrorObject, ValidateFunction } from 'ajv';
import { createAjv } from '../ajv';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { lineStartsOf, linePos } from '../parse/line-starts';
import { indexDocument, MAX_ALIASES } from '../parse/source-index';
import { ConfigError } from '../errors';
import { DEFAULT_MAX_FILE_SIZE } from '../load/analyze-file';
import { globProblem } from '../load/glob';
import { resolveConfigSchemaPath } from './schema-path';
import type { RuleOverride } from '../overrides/overrides';
import type { Profile } from '../rules/rule';
import { bundledKubernetesVersion, unsupportedKubernetesVersion } from '../rules/schema/kubernetes-versions';
import type { Severity } from '../types';
import { asRecord } from '../values';

export const CONFIG_FILE_NAME = '.k8s-lint.yaml';
export const DEFAULT_NAMESPACE = 'default';

export type RuleLevel = Severity | 'off';

export interface RuleSetting {
  severity?: RuleLevel;
  options?: Record<string, unknown>;
}

export interface Config {
  /** The file the configuration came from; null when none was found. */
  file: string | null;
  rules: Record<string, RuleSetting>;
  exclude: string[];
  defaultNamespace: string;
  profile: Profile;
  /** Pod Security Standards version for the `pss-*` profiles: `latest` or `v1.N`. */
  pssVersion: string;
  /** Kubernetes version of the API schemas `schema-invalid` checks against (`1.N`, bundled); default: the newest bundled. */
  kubernetesVersion?: string;
  /** Per-path rule levels (`overrides:`), in file order; later entries win. */
  overrides?: RuleOverride[];
  /** Files larger than this many bytes are reported (`file-unreadable`), not read. */
  maxFileSize: number;
}

interface RawConfig {
  rules?: Record<string, RuleLevel | RuleSetting>;
  exclude?: string[];
  defaultNamespace?: string;
  profile?: Profile;
  pssVersion?: string;
  kubernetesVersion?: string;
  overrides?: RuleOverride[];
  maxFileSize?: number;
}

export const EMPTY_CONFIG: Config = {
  file: null,
  rules: {},
  exclude: [],
  defaultNamespace: DEFAULT_NAMESPACE,
  profile: 'default',
  pssVersion: 'latest',
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
};

/** The JSON Schema shipped with the package (also usable by editors). */
export const CONFIG_SCHEMA_PATH = resolveConfigSchemaPath(__dirname);

let validator: ValidateFunction<RawConfig> | undefined;

function validateRaw(value: unknown): ErrorObject[] {
  if (!validator) {
    const schema = JSON.parse(readFileSync(CONFIG_SCHEMA_PATH, 'utf8')) as object;
    validator = createAjv({ allErrors: true, strict: false }).compile<RawConfig>(schema);
  }
  return validator(value) ? [] : [...(validator.errors ?? [])];
}

/** `--config <file>`, else `.k8s-lint.yaml` in the working directory or the nearest one above it. */
export function findConfigFile(cwd: string): string | null {
  let directory = path.resolve(cwd);
  for (;;) {
    const candidate = path.join(directory, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(directory);
    if (parent === directory) return null;
    directory = parent;
  }
}

export function loadConfig(cwd: string, explicitFile?: string): Config {
  const file = explicitFile ? path.resolve(cwd, explicitFile) : findConfigFile(cwd);
  if (!file) return EMPTY_CONFIG;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${file}: cannot read configuration: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return parseConfig(text, file);
}

/** Parses and validates configuration text; `file` is only used in messages and as the origin. */
export function parseConfig(text: string, file: string): Config {
  let value: unknown;
  try {
    value = readConfigYaml(text) ?? {};
  } catch (error) {
    const message = (error as Error).message;
    // The parser runs out of stack on absurd nesting and says so in its own words.
    const reason = message.includes('Maximum call stack size exceeded') ? 'nested too deeply' : (message.split('\n')[0] ?? '');
    throw new ConfigError(`${file}: invalid YAML: ${reason}`);
  }
  checkKubernetesVersionIsText(value, file);
  const errors = validateRaw(value);
  if (errors.length > 0) throw new ConfigError(`${file}: ${describeSchemaError(errors)}`);
  const raw = value as RawConfig;
  const badGlob = globProblemIn(raw);
  if (badGlob) throw new ConfigError(`${file}: ${badGlob}`);
  if (raw.kubernetesVersion !== undefined && !bundledKubernetesVersion(raw.kubernetesVersion)) {
    throw new ConfigError(`${file}: kubernetesVersion: ${unsupportedKubernetesVersion(raw.kubernetesVersion)}`);
  }
  const rules: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(raw.rules ?? {})) {
    rules[id] = typeof setting === 'string' ? { severity: setting } : setting;
  }
  return {
    file,
    rules,
    exclude: raw.exclude ?? [],
    defaultNamespace: raw.defaultNamespace ?? DEFAULT_NAMESPACE,
    profile: raw.profile ?? EMPTY_CONFIG.profile,
    pssVersion: raw.pssVersion ?? EMPTY_CONFIG.pssVersion,
    ...(raw.kubernetesVersion !== undefined ? { kubernetesVersion: raw.kubernetesVersion } : {}),
    overrides: raw.overrides ?? [],
    maxFileSize: raw.maxFileSize ?? EMPTY_CONFIG.maxFileSize,
  };
}

/** YAML reads an unquoted `1.30` as the number 1.3: say so, rather than "must be string". */
function checkKubernetesVersionIsText(value: unknown, file: string): void {
  if (typeof asRecord(value)?.kubernetesVersion === 'number') {
    throw new ConfigError(`${file}: kubernetesVersion: write the version as a string, such as "1.36" (unquoted, YAML reads 1.30 as the number 1.3)`);
  }
}

/** The first glob of `exclude` or `overrides[].files` that cannot be used, with its key. */
function globProblemIn(raw: RawConfig): string | null {
  const globs = [
    ...(raw.exclude ?? []).map((pattern, index) => ({ key: `exclude[${index}]`, pattern })),
    ...(raw.overrides ?? []).flatMap((override, index) => override.files.map((pattern, at) => ({ key: `overrides[${index}].files[${at}]`, pattern }))),
  ];
  for (const { key, pattern } of globs) {
    const problem = globProblem(pattern);
    if (problem) return `${key}: invalid glob "${pattern}": ${problem}`;
  }
  return null;
}

/**
 * The configuration as a value. YAML 1.2 on purpose: `off` must stay a string here. Duplicate
 * keys are found in linear time by indexDocument (the yaml package's own check is quadratic, and
 * a configuration in the linted repository may be hostile). Throws with the parser's message.
 */
function readConfigYaml(text: string): unknown {
  const document = parseDocument(text, { uniqueKeys: false, prettyErrors: true });
  const { duplicateKeyAt, aliases, tooManyAliasesAt } = indexDocument(document);
  if (tooManyAliasesAt >= 0) throw new Error(`${aliases} aliases, more than ${MAX_ALIASES}`);
  const error = document.errors[0];
  if (duplicateKeyAt >= 0 && (!error || duplicateKeyAt < error.pos[0])) {
    const { line, col } = linePos(lineStartsOf(text), duplicateKeyAt);
    throw new Error(`Map keys must be unique at line ${line}, column ${col}:`);
  }
  if (error) throw error;
  return document.toJS({ maxAliasCount: 100 });
}

/** `a.b[0]`-style key for a JSON pointer such as `/rules/run-as-root`. */
export function keyOf(instancePath: string, extra?: string): string {
  const parts = instancePath.split('/').slice(1).map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) parts.push(extra);
  return parts.map((part, index) => (/^\d+$/.test(part) ? `[${part}]` : index === 0 ? part : `.${part}`)).join('') || '(top level)';
}

/** One readable line for the most specific schema error (oneOf branches produce several). */
export function describeSchemaError(errors: readonly ErrorObject[]): string {
  const error = [...errors].sort((a, b) => rank(a) - rank(b))[0];
  if (!error) return 'invalid configuration';
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      return `${keyOf(error.instancePath, key)}: unknown key`;
    }
    case 'enum':
      return `${keyOf(error.instancePath)}: must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map(String).join(', ')}`;
    case 'propertyNames':
      return `${keyOf(error.instancePath, String((error.params as { propertyName: string }).propertyName))}: invalid name`;
    default:
      return `${keyOf(error.instancePath)}: ${error.message ?? 'is invalid'}`;
  }
}

// Prefer the error that says most: a wrong value in an enum or an unknown key over a failed oneOf.
function rank(error: ErrorObject): number {
  const order = ['additionalProperties', 'enum', 'type', 'pattern', 'propertyNames', 'oneOf'];
  const index = order.indexOf(error.keyword);
  return (index < 0 ? order.length : index) - error.instancePath.split('/').length * 10;
}
