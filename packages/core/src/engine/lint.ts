import { promises as fs } from 'node:fs';
import path from 'node:path';
import { resolveRules, type ActiveRule } from '../config/active-rules';
import { EMPTY_CONFIG, type Config } from '../config/config';
import { InputError } from '../errors';
import { collectInputs, compareStrings, type InputFile } from '../load/inputs';
import { podTemplateOf, type PodTemplate } from '../model/pod';
import type { Resource } from '../model/resource';
import { parseFile } from '../parse/parse-file';
import { formatPath } from '../path';
import { BUILTIN_RULES, YAML_SYNTAX_RULE_ID } from '../rules';
import { PSS_RULE_PREFIX } from '../rules/pss';
import type { AnyRule, Profile, RuleContext, RunSettings } from '../rules/rule';
import { parseVersion } from '../pss/version';
import { annotationSuppression, CommentSuppressions } from '../suppress/suppressions';
import type { FieldPath, Finding, Severity } from '../types';
import { resourcesOf } from './documents';
import type { LintResult, LintSummary } from './result';

export interface LintOptions {
  /** Files, directories, globs; `-` for standard input. */
  paths: readonly string[];
  /** Directory that paths and output file names are relative to. */
  cwd: string;
  config?: Config;
  /** Extra exclude globs (from `--exclude`), relative to `cwd`, added to the configuration's. */
  exclude?: readonly string[];
  /** Text of standard input, required when `-` is among the paths. */
  stdinText?: string;
  /** Rules to run instead of the built-in set (tests, embedders). */
  rules?: readonly AnyRule[];
  /** Overrides the configuration's `profile`. */
  profile?: Profile;
  /** Overrides the configuration's `pssVersion` (`latest` or `v1.N`). */
  pssVersion?: string;
}

interface LoadedFile {
  displayPath: string;
  comments: CommentSuppressions;
}

/** Lints manifests and returns every finding, suppressed ones included. Throws InputError / ConfigError. */
export async function lint(options: LintOptions): Promise<LintResult> {
  const config = options.config ?? EMPTY_CONFIG;
  const settings: RunSettings = { profile: options.profile ?? config.profile, pssVersion: options.pssVersion ?? config.pssVersion };
  if (!parseVersion(settings.pssVersion)) throw new InputError(`invalid Pod Security Standards version "${settings.pssVersion}": must be "latest" or "v1.N"`);
  const active = rulesForProfile(resolveRules(options.rules ?? BUILTIN_RULES, config), settings.profile);
  const excludes = [
    // Patterns in a configuration file are relative to the directory that holds it.
    { patterns: config.exclude, base: config.file ? path.dirname(config.file) : options.cwd },
    { patterns: options.exclude ?? [], base: options.cwd },
  ];
  const inputs = await collectInputs(options.paths, options.cwd, excludes);
  const severityOf = new Map(active.map((entry) => [entry.rule.meta.id, entry.severity]));
  const findings: Finding[] = [];
  const files = new Map<string, LoadedFile>();
  const resources: Resource[] = [];
  let skipped = 0;

  for (const input of inputs) {
    const text = await readInput(input, options.stdinText);
    files.set(input.displayPath, { displayPath: input.displayPath, comments: new CommentSuppressions(text) });
    const parsed = parseFile(text);
    const syntaxSeverity = severityOf.get(YAML_SYNTAX_RULE_ID);
    if (syntaxSeverity) {
      for (const problem of parsed.problems) {
        const { documentIndex: _index, message, ...range } = problem;
        findings.push({ ruleId: YAML_SYNTAX_RULE_ID, severity: syntaxSeverity, message, file: input.displayPath, ...range, object: null, path: '', source: null, suppression: null });
      }
    }
    for (const document of parsed.documents) {
      const found = resourcesOf(document, input.displayPath);
      resources.push(...found.resources);
      skipped += found.skipped;
    }
  }

  const podTemplates = resources.map(podTemplateOf).filter((pod): pod is PodTemplate => pod !== undefined);
  for (const entry of active) findings.push(...runRule(entry, resources, podTemplates, config.defaultNamespace, settings));

  for (const finding of findings) {
    if (finding.suppression) continue;
    finding.suppression = files.get(finding.file)?.comments.find(finding.line, finding.ruleId) ?? null;
  }
  findings.sort(compareFindings);
  return {
    summary: summarize(findings, inputs.length, resources.length, skipped),
    files: inputs.map((input) => input.displayPath).sort(compareStrings),
    findings,
    rules: active.map((entry) => ({ meta: entry.rule.meta, severity: entry.severity })).sort((a, b) => compareStrings(a.meta.id, b.meta.id)),
  };
}

async function readInput(input: InputFile, stdinText: string | undefined): Promise<string> {
  if (input.absolutePath === null) {
    if (stdinText === undefined) throw new InputError('standard input (-) was requested but not provided');
    return stdinText;
  }
  try {
    return await fs.readFile(input.absolutePath, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${input.displayPath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/**
 * A `pss-*` profile runs only the Pod Security Standards rules (and reports syntax errors). The
 * profile's level decides which checks every workload gets; a Namespace label asking for more
 * (enforce=restricted under pss-baseline) still gets its checks, as in the default profile.
 */
function rulesForProfile(active: ActiveRule[], profile: Profile): ActiveRule[] {
  if (profile === 'default') return active;
  return active.filter((entry) => entry.rule.meta.id === YAML_SYNTAX_RULE_ID || entry.rule.meta.id.startsWith(PSS_RULE_PREFIX));
}

function runRule(
  entry: ActiveRule,
  resources: readonly Resource[],
  podTemplates: readonly PodTemplate[],
  defaultNamespace: string,
  settings: RunSettings,
): Finding[] {
  const findings: Finding[] = [];
  const ruleId = entry.rule.meta.id;
  const context: RuleContext<unknown> = {
    resources,
    podTemplates,
    options: entry.options,
    defaultNamespace,
    settings,
    report(resource: Resource, path: FieldPath, message: string, severity?: Severity) {
      findings.push(findingFor(resource, ruleId, severity ?? entry.severity, path, message));
    },
  };
  entry.rule.check(context);
  return findings;
}

function findingFor(resource: Resource, ruleId: string, severity: Severity, path: FieldPath, message: string): Finding {
  const { range } = resource.locate(path);
  return {
    ruleId,
    severity,
    message,
    file: resource.file,
    ...range,
    object: resource.ref,
    path: formatPath(path),
    source: resource.helmSource,
    suppression: annotationSuppression(resource, ruleId),
  };
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    compareStrings(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.path, b.path) ||
    compareStrings(a.message, b.message)
  );
}

function summarize(findings: readonly Finding[], files: number, objects: number, skipped: number): LintSummary {
  const summary: LintSummary = { files, objects, skipped, findings: 0, errors: 0, warnings: 0, notes: 0, suppressed: 0 };
  for (const finding of findings) {
    if (finding.suppression) {
      summary.suppressed++;
      continue;
    }
    summary.findings++;
    if (finding.severity === 'error') summary.errors++;
    else if (finding.severity === 'warning') summary.warnings++;
    else summary.notes++;
  }
  return summary;
}
