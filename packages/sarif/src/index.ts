import { pathToFileURL } from 'url';
import {
  VERSION,
  compareStrings,
  familyOf,
  jsonChunks,
  LazyJsonArray,
  markdownToText,
  objectPath,
  plural,
  ruleDocsUrl,
  securitySeverityOf,
  UNNAMED,
  wellFormed,
  type Finding,
  type LintResult,
  type ObjectRef,
  type RuleReference,
  type RuleRun,
  type Severity,
  type SourceRange,
} from '@k8s-lint/core';
import { FINGERPRINT_KEY, fingerprintFindings } from './fingerprint';
import { cutToLimits, GITHUB_LIMITS, type SarifCut } from './limits';
import { isSecurityRule } from './security-rules';
import type {
  ArtifactLocation,
  Location,
  Log,
  LogicalLocation,
  Notification,
  PropertyBag,
  Region,
  ReportingDescriptor,
  Result,
  Suppression,
} from 'sarif';

// The SARIF 2.1.0 object model is @types/sarif's; these names are the ones this package exported.
export type {
  ArtifactLocation,
  Invocation,
  Location,
  LogicalLocation,
  Message as SarifMessage,
  MultiformatMessageString,
  Notification,
  PhysicalLocation,
  PropertyBag,
  Region,
  ReportingConfiguration,
  ReportingDescriptor,
  ToolComponent,
  Log as SarifLog,
  Result as SarifResult,
  Run as SarifRun,
  Suppression as SarifSuppression,
} from 'sarif';
export type SarifLevel = Result.level;
/** An entry of `run.originalUriBaseIds`. */
export type OriginalUriBase = ArtifactLocation;
export { FINGERPRINT_KEY, fingerprintFindings, fingerprintMaterial } from './fingerprint';
export { GITHUB_LIMITS } from './limits';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
export const TOOL_NAME = 'k8s-lint';
export const DEFAULT_INFORMATION_URI = 'https://github.com/k8s-lint/k8s-lint';
/** Artifact URI used for findings read from standard input (`<stdin>`). */
export const STDIN_URI = 'stdin';

export interface SarifOptions {
  /** Defaults to the core VERSION. */
  toolVersion?: string;
  informationUri?: string;
  /**
   * Absolute directory (path or `file:` URI) that result URIs are relative to. Omitted by
   * default: GitHub resolves relative URIs against the repository root on its own.
   */
  srcRoot?: string;
}

/** Formats a lint result as a SARIF 2.1.0 log: 2-space JSON with a trailing newline. */
export function formatSarif(result: LintResult, options: SarifOptions = {}): string {
  return [...sarifChunks(result, options)].join('');
}

/**
 * The text of `formatSarif`, in pieces: results are made and written one at a time, so that
 * memory stays bounded whatever the number of findings.
 */
export function* sarifChunks(result: LintResult, options: SarifOptions = {}): Generator<string, void, undefined> {
  const plan = planLog(result);
  yield* jsonChunks(logOf(result, options, plan, new LazyJsonArray(() => plan.results())));
  yield '\n';
}

/**
 * The SARIF log as an object; deterministic (no timestamps, no environment data). Within
 * GitHub's upload limits: past 25,000 results, or 10 MB compressed, the most severe findings are
 * kept and the run's invocation says what was left out.
 */
export function toSarifLog(result: LintResult, options: SarifOptions = {}): Log {
  const plan = planLog(result);
  return logOf(result, options, plan, [...plan.results()]) as Log;
}

interface LogPlan {
  rules: ReportingDescriptor[];
  cut: SarifCut;
  results(): Generator<Result, void, undefined>;
}

function planLog(result: LintResult): LogPlan {
  const rules = ruleDescriptors(result);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  // Over every kept finding, before any cut: a result's fingerprint does not depend on the cut.
  const fingerprints = fingerprintFindings(result.findings);
  const resultOf = (index: number): Result => {
    const finding = result.findings[index] as Finding;
    return toResult(finding, ruleIndex.get(finding.ruleId) ?? -1, fingerprints[index] ?? '');
  };
  // A result as written: in log.runs[0].results, four levels deep.
  const cut = cutToLimits(result, (index) => `${' '.repeat(8)}${[...jsonChunks(resultOf(index), 4)].join('')}`);
  return {
    rules,
    cut,
    *results() {
      for (const index of cut.kept) yield resultOf(index);
    },
  };
}

function logOf(result: LintResult, options: SarifOptions, plan: LogPlan, results: Result[] | LazyJsonArray<Result>): unknown {
  const version = options.toolVersion ?? VERSION;
  const notifications = cutNotifications(result, plan.cut);
  const run = {
    tool: {
      driver: {
        name: TOOL_NAME,
        version,
        ...(isSemver(version) ? { semanticVersion: version } : {}),
        informationUri: options.informationUri ?? DEFAULT_INFORMATION_URI,
        rules: plan.rules,
      },
    },
    // Only when something was left out: a complete log is as it always was.
    invocations: [{ executionSuccessful: true, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
    originalUriBaseIds: { [SRCROOT]: srcRootBase(options.srcRoot) },
    columnKind: 'utf16CodeUnits',
    results,
    ...(notifications.length > 0 ? { properties: { findings: countedFindings(result), resultsOmitted: countedFindings(result) - plan.cut.kept.length } } : {}),
  };
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

/** Every finding of the run, suppressed and baselined included. */
function countedFindings(result: LintResult): number {
  const summary = result.summary;
  return summary.findings + summary.suppressed + (summary.baselined ?? 0);
}

/** What the log leaves out, and why, one notification per reason. */
function cutNotifications(result: LintResult, cut: SarifCut): Notification[] {
  const notifications: Notification[] = [];
  const notify = (id: string, text: string): number => notifications.push({ descriptor: { id }, level: 'warning', message: { text } });
  const omitted = result.summary.omitted ?? 0;
  if (omitted > 0) {
    notify(
      'max-findings',
      `k8s-lint found ${countedFindings(result)} findings (suppressed ones included) and kept ${result.findings.length} (--max-findings ${result.maxFindings ?? result.findings.length}: unsuppressed ones first, in report order); ${omitted} are not in this log. The counts in the summary cover them all.`,
    );
  }
  if (cut.overCount.length > 0) {
    notify(
      'github-results-limit',
      `GitHub code scanning rejects a run of more than ${GITHUB_LIMITS.resultsPerRun} results: this log keeps the ${GITHUB_LIMITS.resultsPerRun} most severe findings (unsuppressed first, then error, warning, note, in report order) and leaves out ${describeCount(cut.overCount)}.`,
    );
  }
  if (cut.overSize.length > 0) {
    notify(
      'github-size-limit',
      `GitHub code scanning rejects a SARIF file larger than ${GITHUB_LIMITS.gzipBytes / 1_000_000} MB compressed: this log keeps the ${cut.kept.length} most severe findings that fit (in the same order) and leaves out ${describeCount(cut.overSize)}.`,
    );
  }
  return notifications;
}

/** `25000 findings (3 errors, 24997 warnings, 0 notes; 0 suppressed)`. */
function describeCount(findings: readonly Finding[]): string {
  const count = (test: (finding: Finding) => boolean): number => findings.filter(test).length;
  const open = (severity: Severity) => (finding: Finding) => !finding.suppression && finding.severity === severity;
  return `${plural(findings.length, 'finding')} (${count(open('error'))} errors, ${count(open('warning'))} warnings, ${count(open('note'))} notes; ${count((finding) => finding.suppression !== null)} suppressed)`;
}

// ---------------------------------------------------------------------------------------------
// Rules

/** What a reportingDescriptor is built from, for both known and unknown rules. */
interface RuleInfo {
  id: string;
  title: string;
  description: string;
  /** Markdown. */
  help: string;
  references: readonly RuleReference[];
  tags: readonly string[];
  level: SarifLevel;
  securitySeverity: number | null;
  helpUri: string | null;
}

/**
 * Every rule that ran (already sorted by id), then any rule that only appears in findings,
 * sorted by id, so that every result's ruleIndex points at a descriptor.
 */
function ruleDescriptors(result: LintResult): ReportingDescriptor[] {
  const known = result.rules.map(ruleInfoOf);
  const knownById = new Map(known.map((rule) => [rule.id, rule]));
  const unknown = new Map<string, Severity>();
  for (const finding of result.findings) {
    if (!knownById.has(finding.ruleId) && !unknown.has(finding.ruleId)) unknown.set(finding.ruleId, finding.severity);
  }
  const extra = [...unknown.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([id, severity]) => {
      const family = knownById.get(familyOf(id) ?? '');
      return family ? memberRuleInfo(family, id, severity) : unknownRuleInfo(id, severity);
    });
  return [...known, ...extra].map(toDescriptor);
}

function ruleInfoOf(run: RuleRun): RuleInfo {
  const { meta } = run;
  const security = isSecurityRule(meta);
  return {
    id: meta.id,
    title: meta.title,
    description: meta.description,
    help: meta.help,
    references: meta.references,
    tags: unique([...meta.tags, ...(security ? ['security'] : []), meta.category]),
    level: toLevel(run.severity),
    securitySeverity: security ? securitySeverityOf(meta) : null,
    // A custom rule's documentation is the configuration that declares it: no page of ours.
    helpUri: meta.category === 'custom' ? null : ruleDocsUrl(meta.id),
  };
}

/** A family rule's member (`vap/<policy>`): described by its family, under its own id. */
function memberRuleInfo(family: RuleInfo, id: string, severity: Severity): RuleInfo {
  const member = id.slice(family.id.length + 1);
  return { ...family, id, title: `${family.title}: ${member}`, level: toLevel(severity) };
}

/**
 * A rule reported by the engine but absent from `result.rules`: describe it minimally rather
 * than emit an invalid ruleIndex. No security-severity or docs link is invented for it.
 */
function unknownRuleInfo(id: string, severity: Severity): RuleInfo {
  const description = `Findings reported by ${id}.`;
  return {
    id,
    title: id,
    description,
    help: description,
    references: [],
    tags: ['security'],
    level: toLevel(severity),
    securitySeverity: null,
    helpUri: null,
  };
}

function toDescriptor(rule: RuleInfo): ReportingDescriptor {
  const properties: PropertyBag = { tags: rule.tags.slice(0, GITHUB_LIMITS.tagsPerRule), precision: 'high' };
  if (rule.securitySeverity !== null) properties['security-severity'] = formatScore(rule.securitySeverity);
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: { text: helpText(rule), markdown: helpMarkdown(rule) },
    ...(rule.helpUri !== null ? { helpUri: rule.helpUri } : {}),
    defaultConfiguration: { level: rule.level },
    properties,
  };
}

/** `privileged-container` → `PrivilegedContainer` (SARIF's "friendly name" convention). */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** GitHub reads security-severity as a string holding a number from 0.0 to 10.0. */
function formatScore(score: number): string {
  const clamped = Number.isFinite(score) ? Math.min(10, Math.max(0, score)) : 0;
  return clamped.toFixed(1);
}

/** Every k8s-lint severity is the SARIF level of the same name. */
function toLevel(severity: Severity): SarifLevel {
  return severity;
}

function helpMarkdown(rule: RuleInfo): string {
  const body = rule.help.trim();
  if (rule.references.length === 0) return body;
  const items = rule.references.map((ref) => `- [${escapeLinkText(ref.title)}](${ref.url})`);
  return `${body}\n\n**References**\n\n${items.join('\n')}`;
}

function helpText(rule: RuleInfo): string {
  const body = markdownToText(rule.help).trim();
  if (rule.references.length === 0) return body;
  const items = rule.references.map((ref) => `- ${ref.title}: ${ref.url}`);
  return `${body}\n\nReferences:\n${items.join('\n')}`;
}

function escapeLinkText(text: string): string {
  return text.replace(/[[\]\\]/g, (char) => `\\${char}`);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function isSemver(version: string): boolean {
  return /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(version);
}

// ---------------------------------------------------------------------------------------------
// Results

function toResult(finding: Finding, ruleIndex: number, fingerprint: string): Result {
  const result: Result = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: toLevel(finding.severity),
    // GitHub rejects results without message text.
    message: { text: finding.message !== '' ? finding.message : finding.ruleId },
    locations: [toLocation(finding)],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
  };
  if (finding.related && finding.related.length > 0) result.relatedLocations = finding.related.map(toRelatedLocation);
  if (finding.suppression) result.suppressions = [toSuppression(finding.suppression)];
  const properties = resultProperties(finding);
  if (Object.keys(properties).length > 0) result.properties = properties;
  return result;
}

function toSuppression(suppression: NonNullable<Finding['suppression']>): Suppression {
  return {
    // A baseline lives outside the analysed files; annotations and comments are in them.
    kind: suppression.via === 'baseline' ? 'external' : 'inSource',
    ...(suppression.reason !== null ? { justification: suppression.reason } : {}),
    properties: { via: suppression.via },
  };
}

function toLocation(finding: Finding): Location {
  const location: Location = {
    physicalLocation: { artifactLocation: artifactLocation(finding.file), region: toRegion(finding) },
  };
  if (finding.object) location.logicalLocations = [logicalLocation(finding.object)];
  return location;
}

/** What explains the finding elsewhere (the role rule behind a binding); ids count from 1, as SARIF embedded links use them. */
function toRelatedLocation(related: NonNullable<Finding['related']>[number], index: number): Location {
  return {
    id: index + 1,
    physicalLocation: { artifactLocation: artifactLocation(related.file), region: toRegion(related) },
    message: { text: related.message !== '' ? related.message : 'related location' },
  };
}

/**
 * Repository-relative URIs with %SRCROOT% are what GitHub maps to files. Standard input has
 * no file, and an absolute path (outside the working directory) can only be a file: URI.
 */
export function artifactLocation(file: string): ArtifactLocation {
  if (file === '<stdin>') return { uri: STDIN_URI, description: { text: 'Standard input' } };
  if (file.startsWith('/')) return { uri: pathToFileURL(file).href };
  return { uri: encodeRelativePath(file), uriBaseId: SRCROOT };
}

/**
 * Percent-encodes each segment (spaces, `%`, `#`, `?`, `:`, non-ASCII) and keeps `/`;
 * encodeURIComponent throws on lone surrogates, which cannot name a real file anyway.
 */
export function encodeRelativePath(file: string): string {
  return file.split('/').map((segment) => encodeURIComponent(wellFormed(segment))).join('/');
}


/**
 * SARIF regions are 1-based with an exclusive end column. A single-line region must span at
 * least one column, otherwise it is empty and consumers place it inconsistently.
 */
export function toRegion(range: SourceRange): Region {
  const startLine = atLeastOne(range.line);
  const startColumn = atLeastOne(range.column);
  const endLine = Math.max(startLine, atLeastOne(range.endLine));
  let endColumn = atLeastOne(range.endColumn);
  if (endLine === startLine && endColumn <= startColumn) endColumn = startColumn + 1;
  return { startLine, startColumn, endLine, endColumn };
}

function atLeastOne(value: number): number {
  return Number.isFinite(value) && value >= 1 ? Math.floor(value) : 1;
}

/** `prod/Deployment/web`; cluster-scoped objects have no namespace part. */
function logicalLocation(object: ObjectRef): LogicalLocation {
  return { name: object.name ?? UNNAMED, fullyQualifiedName: objectPath(object), kind: 'object' };
}

function resultProperties(finding: Finding): PropertyBag {
  const properties: PropertyBag = {};
  const object = finding.object;
  if (object) {
    properties.objectApiVersion = object.apiVersion;
    properties.objectKind = object.kind;
    if (object.name !== null) properties.objectName = object.name;
    if (object.namespace !== null) properties.objectNamespace = object.namespace;
  }
  if (finding.path !== '') properties.fieldPath = finding.path;
  if (finding.source !== null) properties.helmSource = finding.source;
  // One result for every overlay that renders the finding; its fingerprint does not depend on them.
  if (finding.renderedBy) properties.renderedBy = [...finding.renderedBy];
  return properties;
}

// ---------------------------------------------------------------------------------------------
// Run

function srcRootBase(srcRoot: string | undefined): OriginalUriBase {
  const description = { text: 'The directory k8s-lint was run in; result file URIs are relative to it.' };
  if (srcRoot === undefined) return { description };
  return { uri: directoryUri(srcRoot), description };
}

/** originalUriBaseIds entries must be absolute URIs ending in `/`. */
function directoryUri(srcRoot: string): string {
  const href = srcRoot.startsWith('file:') ? new URL(srcRoot).href : pathToFileURL(srcRoot).href;
  return href.endsWith('/') ? href : `${href}/`;
}
