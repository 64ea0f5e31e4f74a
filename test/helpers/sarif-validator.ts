/**
 * Validates SARIF the way GitHub code scanning ingests it:
 *  1. against the SARIF 2.1.0 JSON schema shipped with @microsoft/sarif-multitool (ajv, draft 2020-12);
 *  2. with the official Sarif.Multitool, GitHub ingestion rules (Gh) plus spec rules (Sarif).
 * The multitool is a pinned devDependency: if it is missing that is a defect, so this throws
 * instead of skipping.
 */
import { spawnSync } from 'child_process';
import { accessSync, chmodSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export interface SarifValidation {
  /** JSON-schema violations, `instancePath: message`. */
  schemaErrors: string[];
  /** Error-level results of the multitool (and tool failures it reported). */
  multitoolErrors: string[];
  /** Warning-level multitool results: acceptable, but worth printing when something fails. */
  multitoolWarnings: string[];
}

const MULTITOOL_PACKAGE = '@microsoft/sarif-multitool';
const SCHEMA_FILE = 'sarif-2.1.0.json';
const MULTITOOL_TIMEOUT_MS = 120_000;

/** Schema check then multitool check. Schema errors keep the multitool's GitHub rules from running. */
export function validateSarif(sarifText: string): SarifValidation {
  const schemaErrors = validateSarifSchema(sarifText);
  const { errors, warnings } = runSarifMultitool(sarifText);
  return { schemaErrors, multitoolErrors: errors, multitoolWarnings: warnings };
}

/** A failure message listing everything found, for `expect(...).toEqual(...)` style output. */
export function describeValidation(validation: SarifValidation): string {
  const section = (title: string, lines: string[]): string =>
    lines.length === 0 ? `${title}: none` : `${title}:\n  ${lines.join('\n  ')}`;
  return [
    section('schema errors', validation.schemaErrors),
    section('multitool errors', validation.multitoolErrors),
    section('multitool warnings', validation.multitoolWarnings),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Locating the multitool package

interface MultitoolPaths {
  binary: string;
  schema: string;
}

let cachedPaths: MultitoolPaths | undefined;

/** The native binary and the schema, both in the platform package (a dependency of the main one). */
export function locateMultitool(): MultitoolPaths {
  if (cachedPaths) return cachedPaths;
  const mainDir = packageDir(MULTITOOL_PACKAGE, [__dirname]);
  const platformPackage = `${MULTITOOL_PACKAGE}-${process.platform}`;
  const platformDir = packageDir(platformPackage, [mainDir]);
  const binary = join(platformDir, process.platform === 'win32' ? 'Sarif.Multitool.exe' : 'Sarif.Multitool');
  const schema = [join(platformDir, SCHEMA_FILE), join(mainDir, SCHEMA_FILE)].find((file) => existsSync(file));
  if (!existsSync(binary)) throw new Error(`${platformPackage} is installed but has no ${binary}`);
  if (!schema) throw new Error(`${SCHEMA_FILE} not found in ${platformDir} or ${mainDir}`);
  cachedPaths = { binary, schema };
  return cachedPaths;
}

function packageDir(name: string, from: string[]): string {
  try {
    return dirname(require.resolve(`${name}/package.json`, { paths: from }));
  } catch (error) {
    throw new Error(
      `${name} is not installed, but SARIF validation needs it: it is a pinned devDependency ` +
        `(${MULTITOOL_PACKAGE} in scripts/package.json); run \`pnpm install\`. (${String(error)})`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// JSON schema

let cachedValidator: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  if (cachedValidator) return cachedValidator;
  const schema: unknown = JSON.parse(readFileSync(locateMultitool().schema, 'utf8'));
  if (typeof schema !== 'object' || schema === null) throw new Error('SARIF schema is not a JSON object');
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  cachedValidator = ajv.compile(schema);
  return cachedValidator;
}

export function validateSarifSchema(sarifText: string): string[] {
  let log: unknown;
  try {
    log = JSON.parse(sarifText);
  } catch (error) {
    return [`not JSON: ${String(error)}`];
  }
  const validate = schemaValidator();
  if (validate(log)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`);
}

// ---------------------------------------------------------------------------------------------
// Multitool

/** Runs `Sarif.Multitool validate` on the text; exit code 0 does not mean valid, so read its log. */
export function runSarifMultitool(sarifText: string): { errors: string[]; warnings: string[] } {
  const { binary } = locateMultitool();
  ensureExecutable(binary);
  const dir = mkdtempSync(join(tmpdir(), 'k8s-lint-sarif-'));
  try {
    const input = join(dir, 'input.sarif');
    const output = join(dir, 'out.sarif');
    writeFileSync(input, sarifText, 'utf8');
    const run = spawnSync(binary, ['validate', input, '--rule-kind', 'Gh;Sarif', '-o', output, '--log', 'ForceOverwrite'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: MULTITOOL_TIMEOUT_MS,
      env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
    });
    if (run.error) throw new Error(`could not run ${binary}: ${run.error.message}`);
    if (run.status !== 0 || !existsSync(output)) {
      throw new Error(`Sarif.Multitool failed (exit ${String(run.status)}):\n${run.stdout}\n${run.stderr}`);
    }
    return readMultitoolLog(readFileSync(output, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** npm 11 and pnpm may skip the platform package's postinstall that sets the executable bit. */
function ensureExecutable(binary: string): void {
  try {
    accessSync(binary, constants.X_OK);
  } catch {
    chmodSync(binary, statSync(binary).mode | 0o100);
  }
}

// The multitool's own output log, read loosely: only the fields used below.
interface ToolLog {
  runs?: ToolRun[];
}
interface ToolRun {
  tool?: { driver?: { rules?: ToolRule[] } };
  results?: ToolResult[];
  invocations?: ToolInvocation[];
}
interface ToolRule {
  id?: string;
  defaultConfiguration?: { level?: string };
  messageStrings?: Record<string, { text?: string }>;
}
interface ToolMessage {
  text?: string;
  id?: string;
  arguments?: string[];
}
interface ToolResult {
  ruleId?: string;
  ruleIndex?: number;
  level?: string;
  message?: ToolMessage;
  locations?: Array<{ physicalLocation?: { region?: { startLine?: number; startColumn?: number } } }>;
}
interface ToolNotification {
  level?: string;
  message?: ToolMessage;
}
interface ToolInvocation {
  executionSuccessful?: boolean;
  toolExecutionNotifications?: ToolNotification[];
  toolConfigurationNotifications?: ToolNotification[];
}

export function readMultitoolLog(logText: string): { errors: string[]; warnings: string[] } {
  // The multitool writes a UTF-8 BOM.
  const log = JSON.parse(logText.replace(/^\uFEFF/, '')) as ToolLog;
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const run of log.runs ?? []) {
    const rules = run.tool?.driver?.rules ?? [];
    for (const result of run.results ?? []) {
      const rule = result.ruleIndex !== undefined ? rules[result.ruleIndex] : undefined;
      // A result without a level takes its rule's default, and SARIF's default is warning.
      const level = result.level ?? rule?.defaultConfiguration?.level ?? 'warning';
      const line = `${result.ruleId ?? '?'}${position(result)}: ${messageText(result.message, rule)}`;
      if (level === 'error') errors.push(line);
      else if (level === 'warning') warnings.push(line);
    }
    errors.push(...invocationErrors(run.invocations ?? []));
  }
  return { errors, warnings };
}

function invocationErrors(invocations: ToolInvocation[]): string[] {
  const errors: string[] = [];
  for (const invocation of invocations) {
    const notifications = [...(invocation.toolExecutionNotifications ?? []), ...(invocation.toolConfigurationNotifications ?? [])];
    for (const notification of notifications) {
      if (notification.level === 'error') errors.push(`tool notification: ${messageText(notification.message, undefined)}`);
    }
    if (invocation.executionSuccessful === false) errors.push('Sarif.Multitool reported executionSuccessful: false');
  }
  return errors;
}

function position(result: ToolResult): string {
  const region = result.locations?.[0]?.physicalLocation?.region;
  return region?.startLine !== undefined ? ` (${region.startLine},${region.startColumn ?? 1})` : '';
}

/** Expands `{0}`-style message strings the multitool references by id. */
function messageText(message: ToolMessage | undefined, rule: ToolRule | undefined): string {
  if (!message) return '(no message)';
  if (message.text !== undefined) return message.text;
  const template = message.id !== undefined ? rule?.messageStrings?.[message.id]?.text : undefined;
  if (template === undefined) return `${message.id ?? '(no message)'} ${JSON.stringify(message.arguments ?? [])}`;
  const args = message.arguments ?? [];
  return template.replace(/\{(\d+)\}/g, (match, index: string) => args[Number(index)] ?? match);
}
