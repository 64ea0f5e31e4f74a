import path from 'node:path';
import { resolveRules, type ActiveRule } from '../config/active-rules';
import { EMPTY_CONFIG, type Config } from '../config/config';
import { InputError } from '../errors';
import { workerCount, type Jobs } from '../load/analyze-pool';
import { collectInputs, displayPathOf, type InputFile } from '../load/inputs';
import { compareStrings } from '../text/strings';
import type { InputProblem } from '../load/walk';
import { podTemplateOf, type PodTemplate } from '../model/pod';
import type { Resource } from '../model/resource';
import { createOverrides, rulesTurnedOnByOverrides } from '../overrides/overrides';
import type { RenderedInput, Rendering, RenderOptions } from '../render';
import { RENDER_ERROR_RULE_ID } from '../render/types';
import { formatPath } from '../path';
import { BUILTIN_RULES, FILE_UNREADABLE_RULE_ID, SYMLINK_NOT_FOLLOWED_RULE_ID, YAML_SYNTAX_RULE_ID } from '../rules';
import { PSS_RULE_PREFIX } from '../rules/pss';
import { resolveKubernetesVersion } from '../rules/schema/kubernetes-versions';
import type { AnyRule, Profile, RuleContext, RunSettings } from '../rules/rule';
import { parseVersion } from '../pss/version';
import { annotationSuppression, CommentSuppressions } from '../suppress/suppressions';
import { maskUrlsIn } from '../text/mask-url';
import type { FieldPath, Finding, Severity, SourceRange } from '../types';
import { analyzeInputs } from './analyze-inputs';
import { resourcesOf } from './documents';
import { DEFAULT_MAX_FINDINGS, FindingCollector, type BaselineUse } from './finding-collector';
import type { LintResult } from './result';

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
  /** Called after each input file is read and parsed (`done` of `total`), e.g. for a progress display. */
  onProgress?(done: number, total: number): void;
  /** Rules to run instead of the built-in set (tests, embedders). */
  rules?: readonly AnyRule[];
  /** Overrides the configuration's `profile`. */
  profile?: Profile;
  /** Overrides the configuration's `pssVersion` (`latest` or `v1.N`). */
  pssVersion?: string;
  /** Overrides the configuration's `kubernetesVersion` (`1.N`, a bundled version). */
  kubernetesVersion?: string;
  /** Overrides the configuration's `maxFileSize` (bytes): larger files are reported, not read. */
  maxFileSize?: number;
  /** Lint kustomizations (`kubectl kustomize`) and charts (`helm template`) as rendered output. */
  render?: RenderOptions;
  /**
   * Threads that read and parse files: a number, or `auto` (one per core, up to 4, when there
   * are enough files to pay for starting them). Default 1: all in this thread. The result is
   * the same whatever the number.
   */
  jobs?: Jobs;
  /**
   * Findings kept in the result at most (default DEFAULT_MAX_FINDINGS): past it findings are
   * counted in the summary but not kept — the unsuppressed ones are kept first, the first in
   * report order — so that memory stays bounded whatever the input.
   */
  maxFindings?: number;
  /**
   * A baseline to apply (`apply`: what it accepts is suppressed `via: "baseline"`, as
   * `applyBaseline` does), or to record (`record`: every unsuppressed finding is accepted and
   * `result.baseline` holds them all). Given here, so that counts stay exact past `maxFindings`.
   */
  baseline?: BaselineUse;
}

const FILE_START: SourceRange = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/** Findings a rule reports are handed on in batches of this many. */
const REPORT_BATCH = 1024;

interface LoadedFile {
  displayPath: string;
  comments: CommentSuppressions;
}

/** Lints manifests and returns every finding, suppressed ones included. Throws InputError / ConfigError. */
export async function lint(options: LintOptions): Promise<LintResult> {
  const config = options.config ?? EMPTY_CONFIG;
  const settings: RunSettings = {
    profile: options.profile ?? config.profile,
    pssVersion: options.pssVersion ?? config.pssVersion,
    kubernetesVersion: resolveKubernetesVersion(options.kubernetesVersion ?? config.kubernetesVersion),
  };
  if (!parseVersion(settings.pssVersion)) throw new InputError(`invalid Pod Security Standards version "${settings.pssVersion}": must be "latest" or "v1.N"`);
  const available = options.rules ?? BUILTIN_RULES;
  const configured = resolveRules(available, config);
  const onlyInOverrides = rulesOnlyInOverrides(available, configured, config);
  const active = rulesForProfile([...configured, ...onlyInOverrides], settings.profile);
  const applyOverrides = createOverrides(
    config,
    available.map((rule) => rule.meta.id),
    options.cwd,
    new Set(onlyInOverrides.map((entry) => entry.rule.meta.id)),
  );
  const excludes = [
    // Patterns in a configuration file are relative to the directory that holds it.
    { patterns: config.exclude, base: config.file ? path.dirname(config.file) : options.cwd },
    { patterns: options.exclude ?? [], base: options.cwd },
  ];
  // Kustomizations and charts (--kustomize/--helm) are linted as rendered output instead of their files.
  // Loaded only then: rendering needs child processes, which plain runs never start.
  const rendering = options.render ? await (await import('../render')).renderSources(options.paths, options.cwd, excludes, options.render) : null;
  const inputProblems: InputProblem[] = [];
  const collected = (await collectInputs(options.paths, options.cwd, excludes, inputProblems)).filter((input) => !rendering?.consumes(input));
  const inputs: Array<InputFile | RenderedInput> = [...collected, ...(rendering?.inputs ?? [])];
  const severityOf = new Map(active.map((entry) => [entry.rule.meta.id, entry.severity]));
  // Problems found while loading (when their rule is on): no object; at 1:1 unless located.
  const reportLoading = (ruleId: string, file: string, message: string, range: SourceRange = FILE_START): void => {
    const severity = severityOf.get(ruleId);
    if (severity) findings.push({ ruleId, severity, message: maskUrlsIn(message), file, ...range, object: null, path: '', source: null, suppression: null });
  };
  const findings: Finding[] = [];
  const files = new Map<string, LoadedFile>();
  const resources: Resource[] = [];
  let skipped = 0;
  const unvalidated = new Set<Resource>();

  const maxFileSize = options.maxFileSize ?? config.maxFileSize;
  for (const problem of inputProblems) {
    reportLoading(problem.kind === 'symlink' ? SYMLINK_NOT_FOLLOWED_RULE_ID : FILE_UNREADABLE_RULE_ID, displayPathOf(options.cwd, problem.absolutePath), problem.message);
  }
  let analyzed = 0;
  for await (const { input, file } of analyzeInputs(inputs, options.stdinText, workerCount(options.jobs, inputs.length), maxFileSize)) {
    options.onProgress?.(++analyzed, inputs.length);
    if ('unreadable' in file) {
      reportLoading(FILE_UNREADABLE_RULE_ID, input.displayPath, file.unreadable);
      continue;
    }
    files.set(input.displayPath, { displayPath: input.displayPath, comments: file.comments });
    const { parsed, problem } = file;
    if (problem) reportLoading(YAML_SYNTAX_RULE_ID, input.displayPath, problem);
    for (const { documentIndex: _index, message, ...range } of parsed.problems) reportLoading(YAML_SYNTAX_RULE_ID, input.displayPath, message, range);
    for (const document of parsed.documents) {
      const found = resourcesOf(document, input.displayPath);
      resources.push(...found.resources);
      skipped += found.skipped;
    }
  }

  if (rendering) mapRendered(rendering, findings, files, severityOf.get(RENDER_ERROR_RULE_ID));

  // Findings go to the collector as they come, a batch at a time, so no rule's output is held whole.
  const maxFindings = options.maxFindings ?? DEFAULT_MAX_FINDINGS;
  const collector = new FindingCollector(maxFindings, options.baseline);
  const collect = (batch: Finding[]): void => {
    applyOverrides(batch);
    for (const finding of batch) {
      if (!finding.suppression) finding.suppression = files.get(finding.file)?.comments.find(finding.line, finding.ruleId) ?? null;
      collector.add(finding);
    }
  };
  collect(findings);
  findings.length = 0;
  const podTemplates = resources.map(podTemplateOf).filter((pod): pod is PodTemplate => pod !== undefined);
  for (const entry of active) runRule(entry, resources, podTemplates, config.defaultNamespace, settings, unvalidated, collect, rendering);
  const kept = collector.finish();
  const { baselined, ...counts } = kept.counts;
  return {
    summary: {
      files: inputs.length,
      objects: resources.length,
      skipped,
      ...counts,
      ...(options.baseline ? { baselined } : {}),
      // `unvalidated` only when some object had no schema, `omitted` only past maxFindings: output is otherwise as it was.
      ...(unvalidated.size ? { unvalidated: unvalidated.size } : {}),
      ...(kept.omitted > 0 ? { omitted: kept.omitted } : {}),
    },
    files: inputs.map((input) => ('reportPath' in input ? input.reportPath : input.displayPath)).sort(compareStrings),
    findings: kept.findings,
    rules: active.map((entry) => ({ meta: entry.rule.meta, severity: entry.severity })).sort((a, b) => compareStrings(a.meta.id, b.meta.id)),
    ...(kept.omitted > 0 ? { maxFindings } : {}),
    ...(kept.recorded ? { baseline: kept.recorded } : {}),
  };
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
  unvalidated: Set<Resource>,
  collect: (batch: Finding[]) => void,
  rendering: Rendering | null = null,
): void {
  const findings: Finding[] = [];
  const ruleId = entry.rule.meta.id;
  const context: RuleContext<unknown> = {
    resources,
    podTemplates,
    options: entry.options,
    defaultNamespace,
    settings,
    report(resource: Resource, path: FieldPath, message: string, severity?: Severity) {
      const finding = findingFor(resource, ruleId, severity ?? entry.severity, path, message);
      findings.push(rendering ? rendering.map(finding, resource, path) : finding);
      if (findings.length >= REPORT_BATCH) collect(findings.splice(0));
    },
    markUnvalidated(resource: Resource) {
      unvalidated.add(resource);
    },
  };
  entry.rule.check(context);
  collect(findings);
}

/** Syntax findings in rendered output move to their source; render errors join; sources' comments count. */
function mapRendered(rendering: Rendering, findings: Finding[], files: Map<string, LoadedFile>, renderSeverity: Severity | undefined): void {
  findings.forEach((finding, index) => (findings[index] = rendering.map(finding, null, [])));
  // render-error is configurable like any rule: its severity, or off.
  if (renderSeverity) findings.push(...rendering.findings.map((finding) => ({ ...finding, severity: renderSeverity, message: maskUrlsIn(finding.message) })));
  for (const source of rendering.sourceFiles) {
    if (!files.has(source.displayPath)) files.set(source.displayPath, { displayPath: source.displayPath, comments: CommentSuppressions.fromText(source.text) });
  }
}

function findingFor(resource: Resource, ruleId: string, severity: Severity, path: FieldPath, message: string): Finding {
  const { range } = resource.locate(path);
  return {
    ruleId,
    severity,
    // Whatever a rule quotes, a URL in it shows no credentials.
    message: maskUrlsIn(message),
    file: resource.file,
    ...range,
    object: resource.ref,
    path: formatPath(path),
    source: resource.helmSource,
    suppression: annotationSuppression(resource, ruleId),
  };
}

