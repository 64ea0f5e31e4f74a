import path from 'node:path';
import type { ActiveRule } from '../config/active-rules';
import { EMPTY_CONFIG, type Config, type FlagSettings } from '../config/config';
import { workerCount, type Jobs } from '../load/analyze-pool';
import { contextRoot, isKustomizationFile, readContext, type ContextOption } from '../load/context';
import { KustomizationTree } from '../load/kustomization-tree';
import { collectInputs, displayPathOf, type InputFile } from '../load/inputs';
import { compareStrings } from '../text/strings';
import { isChartProblem, type InputProblem } from '../load/walk';
import { podTemplatesOf, type PodTemplate } from '../model/pod';
import type { Resource } from '../model/resource';
import { createOverrides } from '../overrides/overrides';
import { availableRules, kindsReadByCustomRules } from '../custom-rules';
import { planRun } from '../plan/run-plan';
import type { RenderedInput, RenderOptions } from '../render';
import { RENDER_ERROR_RULE_ID } from '../render/types';
import { BUILTIN_RULES, FILE_UNREADABLE_RULE_ID, YAML_SYNTAX_RULE_ID } from '../rules';
import { INPUT_PROBLEM_RULE_IDS } from '../rules/loader-rule-ids';
import type { AnyRule, RelatedField, RuleContext, RunSettings } from '../rules/rule';
import { memberRuleId } from '../rule-family';
import { CommentSuppressions } from '../suppress/suppressions';
import type { FieldPath, Finding, Severity, SourceRange } from '../types';
import { analyzeInputs } from './analyze-inputs';
import { resourcesOf } from './documents';
import { DEFAULT_MAX_FINDINGS, type BaselineUse } from './finding-collector';
import { FindingPipeline } from './pipeline';
import { renderErrors } from './stages/map-rendered';
import { placeNamespaces } from './stages/place-namespaces';
import { isInReportSet } from './stages/report-set';
import { lintSummary } from './stages/summary';
import type { LintResult } from './result';

/** `profile`, `pssVersion`, ... (config/settings.ts): each given one wins over the configuration's. */
export interface LintOptions extends FlagSettings {
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
  /**
   * Where cross-object rules look beyond the named files (load/context.ts): `repository`, a
   * directory, or nowhere (undefined, the default). Findings are reported for named files only.
   */
  context?: ContextOption;
}

const FILE_START: SourceRange = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/**
 * Lints manifests and returns every finding, suppressed ones included (up to `maxFindings`):
 * reads the inputs, then sends each finding down the pipeline (pipeline.ts) — check → locate →
 * map rendered sources → overrides → suppressions → baseline → summary. Throws InputError / ConfigError.
 */
export async function lint(options: LintOptions): Promise<LintResult> {
  const config = options.config ?? EMPTY_CONFIG;
  // The configuration's custom rules join the built-in ones (or those given), like any other rule.
  const available = availableRules(config, options.rules ?? BUILTIN_RULES);
  const plan = planRun(available, config, options);
  const { settings, active } = plan;
  const applyOverrides = createOverrides(config, available.map((rule) => rule.meta.id), options.cwd, plan.onlyInOverrides);
  const excludes = [
    // Patterns in a configuration file are relative to the directory that holds it.
    { patterns: config.exclude, base: config.file ? path.dirname(config.file) : options.cwd, files: config.file ? [config.file] : [] },
    { patterns: options.exclude ?? [], base: options.cwd },
  ];
  // Kustomizations and charts (--kustomize/--helm) are linted as rendered output instead of their files.
  // Loaded only then: rendering needs child processes, which plain runs never start.
  const rendering = options.render ? await (await import('../render')).renderSources(options.paths, options.cwd, excludes, { ...options.render, charts: options.render.charts ?? config.charts }) : null;
  const inputProblems: InputProblem[] = [];
  const named = await collectInputs(options.paths, options.cwd, excludes, inputProblems, options.render?.helm === true);
  const kustomizationFiles = named.flatMap((input) => (input.absolutePath !== null && isKustomizationFile(input.absolutePath) ? [input.absolutePath] : []));
  const collected = named.filter((input) => !rendering?.consumes(input));
  const inputs: Array<InputFile | RenderedInput> = [...collected, ...(rendering?.inputs ?? [])];
  const severityOf = new Map(active.map((entry) => [entry.rule.meta.id, entry.severity]));
  // Problems found while loading (when their rule is on): no object; at 1:1 unless located. They
  // wait until every file is read, so that the comments of rendered output's sources are known.
  const loadingFindings: Finding[] = [];
  const reportLoading = (ruleId: string, file: string, message: string, range: SourceRange = FILE_START): void => {
    const severity = severityOf.get(ruleId);
    if (severity) loadingFindings.push({ ruleId, severity, message, file, ...range, object: null, path: '', source: null, suppression: null });
  };
  const comments = new Map<string, CommentSuppressions>();
  const resources: Resource[] = [];
  let skipped = 0;
  const unvalidated = new Set<Resource>();

  const maxFileSize = options.maxFileSize ?? config.maxFileSize;
  for (const problem of inputProblems) {
    // A chart that --helm renders is reported by the rendering, not as a chart left unrendered.
    if (isChartProblem(problem) && rendering?.consumes({ absolutePath: problem.absolutePath, displayPath: '' })) continue;
    reportLoading(INPUT_PROBLEM_RULE_IDS[problem.kind], displayPathOf(options.cwd, problem.absolutePath), problem.message, problem.range);
  }
  let analyzed = 0;
  for await (const { input, file } of analyzeInputs(inputs, options.stdinText, workerCount(options.jobs, inputs.length), maxFileSize)) {
    options.onProgress?.(++analyzed, inputs.length);
    if ('unreadable' in file) {
      reportLoading(FILE_UNREADABLE_RULE_ID, input.displayPath, file.unreadable);
      continue;
    }
    comments.set(input.displayPath, file.comments);
    const { parsed, problem } = file;
    if (problem) reportLoading(YAML_SYNTAX_RULE_ID, input.displayPath, problem);
    for (const { documentIndex: _index, message, ...range } of parsed.problems) reportLoading(YAML_SYNTAX_RULE_ID, input.displayPath, message, range);
    for (const document of parsed.documents) {
      const found = resourcesOf(document, input.displayPath);
      resources.push(...found.resources);
      skipped += found.skipped;
    }
  }
  // Cross-object rules also see the repository around the named files (load/context.ts); what
  // they report on those context objects is dropped at the check stage (stages/report-set.ts).
  const reportObjects = resources.length;
  const contextObjects = new Set<Resource>();
  let contextFiles = 0;
  const root = contextRoot(options.context, options.paths, options.cwd, config.file, rendering !== null);
  if (root !== null) {
    const reportFiles = new Set(collected.flatMap((input) => (input.absolutePath === null ? [] : [input.absolutePath])));
    const customKinds = kindsReadByCustomRules(config);
    for (const { input, file } of readContext(root, options.cwd, excludes, reportFiles, resources.slice(), maxFileSize, kustomizationFiles, customKinds)) {
      contextFiles++;
      for (const document of file.parsed.documents) {
        for (const resource of resourcesOf(document, input.displayPath).resources) {
          resources.push(resource);
          contextObjects.add(resource);
        }
      }
    }
  }
  placeNamespaces(resources, {
    tree: new KustomizationTree(kustomizationFiles, options.cwd),
    defaultNamespace: config.defaultNamespace ?? null,
    cwd: options.cwd,
    renderedFiles: new Set((rendering?.inputs ?? []).map((input) => input.displayPath)),
  });
  // Findings mapped to the sources of rendered output obey those sources' comments.
  for (const source of rendering?.sourceFiles ?? []) {
    if (!comments.has(source.displayPath)) comments.set(source.displayPath, CommentSuppressions.fromText(source.text));
  }

  // Every finding goes through the pipeline as it comes (see pipeline.ts): none is held whole.
  const maxFindings = options.maxFindings ?? DEFAULT_MAX_FINDINGS;
  const pipeline = new FindingPipeline({ rendering, overrides: applyOverrides, commentsOf: (file) => comments.get(file), honorPeerAnnotations: config.honorPeerAnnotations, maxFindings, baseline: options.baseline });
  for (const finding of loadingFindings) pipeline.loaded(finding);
  for (const finding of renderErrors(rendering, severityOf.get(RENDER_ERROR_RULE_ID))) pipeline.atSource(finding);
  const podTemplates = podTemplatesOf(resources, config.workloads);
  const inReportSet = isInReportSet(contextObjects);
  for (const entry of active) runRule(entry, resources, podTemplates, settings, unvalidated, pipeline, severityOf, inReportSet);
  const kept = pipeline.finish();
  return {
    summary: {
      ...lintSummary({ files: inputs.length, objects: reportObjects, skipped, unvalidated: unvalidated.size }, kept, options.baseline !== undefined),
      ...(contextFiles > 0 ? { contextFiles } : {}),
    },
    files: inputs.map((input) => ('reportPath' in input ? input.reportPath : input.displayPath)).sort(compareStrings),
    findings: kept.findings,
    rules: active.map((entry) => ({ meta: entry.rule.meta, severity: entry.severity })).sort((a, b) => compareStrings(a.meta.id, b.meta.id)),
    ...(kept.omitted > 0 ? { maxFindings } : {}),
    ...(kept.recorded ? { baseline: kept.recorded } : {}),
  };
}

/** Stage "check": runs one rule; what it reports goes down the pipeline. */
function runRule(
  entry: ActiveRule,
  resources: readonly Resource[],
  podTemplates: readonly PodTemplate[],
  settings: RunSettings,
  unvalidated: Set<Resource>,
  pipeline: FindingPipeline,
  activeRules: ReadonlyMap<string, Severity>,
  inReportSet: (resource: Resource) => boolean,
): void {
  const ruleId = entry.rule.meta.id;
  const context: RuleContext<unknown> = {
    resources,
    podTemplates,
    options: entry.options,
    settings,
    report(resource: Resource, path: FieldPath, message: string, severity?: Severity, related?: readonly RelatedField[]) {
      if (inReportSet(resource)) pipeline.report({ ruleId, severity: severity ?? entry.severity, resource, path, message, related: related ?? [] });
    },
    reportMember(member: string, resource: Resource, path: FieldPath, message: string, severity?: Severity) {
      if (inReportSet(resource)) pipeline.report({ ruleId: memberRuleId(ruleId, member), severity: severity ?? entry.severity, resource, path, message });
    },
    markUnvalidated(resource: Resource) {
      if (inReportSet(resource)) unvalidated.add(resource);
    },
    // A default rule and its pss/ counterpart report a field once (see pss/admission.ts).
    isRuleActive: (id) => activeRules.has(id),
  };
  entry.rule.check(context);
}
