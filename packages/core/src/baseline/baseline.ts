import { identityNamespace } from '../model/placement';
import path from 'node:path';
import { InputError } from '../errors';
import { findingKey } from '../finding-key';
import { STDIN_PATH } from '../load/inputs';
import { readBounded, type ReadProblem } from '../load/read-bounded';
import { compareStrings } from '../text/strings';
import type { Finding, ObjectRef } from '../types';

/** Format version of the baseline file; bumped only on incompatible changes. */
export const BASELINE_VERSION = 1;

/** One group of identical findings: what is recorded, never where (no line or column). */
export interface BaselineEntry {
  ruleId: string;
  /** Relative to the directory of the baseline file, `/`-separated; `<stdin>` for standard input. */
  file: string;
  object: ObjectRef | null;
  path: string;
  /** How many findings with this key are accepted; one more is new. */
  count: number;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  entries: BaselineEntry[];
}

/** Where the baseline file lives: entry paths are relative to its directory so any cwd works. */
export interface BaselineLocation {
  /** Absolute directory of the baseline file. */
  directory: string;
  /** Working directory that findings' `file` is relative to. */
  cwd: string;
}

function baselineFile(finding: Finding, location: BaselineLocation): string {
  if (finding.file === STDIN_PATH) return STDIN_PATH;
  return path.relative(location.directory, path.resolve(location.cwd, finding.file)).split(path.sep).join('/');
}

/** What the baseline records of a finding: its identity, with the file relative to the baseline file. */
export function entryOf(finding: Finding, location: BaselineLocation): Omit<BaselineEntry, 'count'> {
  // The namespace as written (identityNamespace), as baselines have always recorded it.
  const object = finding.object && { apiVersion: finding.object.apiVersion, kind: finding.object.kind, namespace: identityNamespace(finding.object), name: finding.object.name };
  return { ruleId: finding.ruleId, file: baselineFile(finding, location), object, path: finding.path };
}

/**
 * The baseline's key of a finding's entry (or of an entry read from a file): `findingKey`, where an
 * empty name or namespace counts as none, as it always has in baseline files, so that files
 * written before keep matching the same findings.
 */
export function baselineKey(entry: Omit<BaselineEntry, 'count'>): string {
  const object = entry.object && { ...entry.object, namespace: entry.object.namespace || null, name: entry.object.name || null };
  return findingKey({ ...entry, object });
}

/**
 * Order of entries in the file only (file, rule, object, path), as files have always been written,
 * so they diff cleanly; which findings an entry matches is `baselineKey`'s.
 */
function fileOrder(entry: Omit<BaselineEntry, 'count'>): string {
  const object = entry.object ? [entry.object.apiVersion, entry.object.kind, entry.object.namespace ?? '', entry.object.name ?? ''] : [];
  return JSON.stringify([entry.file, entry.ruleId, object, entry.path]);
}

/** Groups unsuppressed findings by key, counting them; `baseline()` sorts them so the file diffs cleanly. */
export class BaselineRecorder {
  private readonly byKey = new Map<string, BaselineEntry>();

  constructor(private readonly location: BaselineLocation) {}

  add(finding: Finding): void {
    const entry = entryOf(finding, this.location);
    const key = baselineKey(entry);
    const existing = this.byKey.get(key);
    if (existing) existing.count++;
    else this.byKey.set(key, { ...entry, count: 1 });
  }

  baseline(): Baseline {
    const entries = [...this.byKey.values()].map((entry) => ({ order: fileOrder(entry), entry }));
    entries.sort((a, b) => compareStrings(a.order, b.order));
    return { version: BASELINE_VERSION, entries: entries.map(({ entry }) => entry) };
  }
}

/** How many findings of each key (`baselineKey` of the entry) the baseline accepts. */
export function acceptedCounts(baseline: Baseline): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of baseline.entries) {
    const key = baselineKey(entry);
    counts.set(key, (counts.get(key) ?? 0) + entry.count);
  }
  return counts;
}

/** Records the unsuppressed findings, grouped by key and sorted (file, rule, object, path) so the file diffs cleanly. */
export function createBaseline(findings: readonly Finding[], location: BaselineLocation): Baseline {
  const recorder = new BaselineRecorder(location);
  for (const finding of findings) if (!finding.suppression) recorder.add(finding);
  return recorder.baseline();
}

/** Stable text: fixed key order, two-space indent, trailing newline. */
export function formatBaseline(baseline: Baseline): string {
  const entries = baseline.entries.map((entry) => ({
    ruleId: entry.ruleId,
    file: entry.file,
    object: entry.object && { apiVersion: entry.object.apiVersion, kind: entry.object.kind, namespace: entry.object.namespace, name: entry.object.name },
    path: entry.path,
    count: entry.count,
  }));
  return `${JSON.stringify({ version: baseline.version, entries }, null, 2)}\n`;
}

/**
 * Reads and validates a baseline file; any problem is an InputError (exit 2) with one line that
 * names the file as `shown` (relative to the working directory, as every path on stderr is).
 */
/** Far above any real baseline (a 50,000-finding one is about 15 MB), far below what strains memory. */
export const MAX_BASELINE_BYTES = 100_000_000;

export function readBaseline(file: string, shown: string = file): Baseline {
  // The baseline may come from the pull request being linted: a link to /dev/zero or a FIFO must not hang or grow.
  const bytes = readBounded(file, MAX_BASELINE_BYTES);
  if (!Buffer.isBuffer(bytes)) throw new InputError(`cannot read baseline ${shown}: ${readProblemText(bytes)}`);
  return parseBaseline(bytes.toString('utf8'), shown);
}

function readProblemText(problem: ReadProblem): string {
  if (problem.kind === 'error') return problem.code;
  if (problem.kind === 'not-a-file') return 'not a regular file';
  return `larger than ${MAX_BASELINE_BYTES} bytes`;
}

/** `file` names the baseline in messages only. */
export function parseBaseline(text: string, file: string): Baseline {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // V8's message quotes the text around the error, which may hold anything: say only where.
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    throw new InputError(`invalid baseline ${file}: not valid JSON${position === undefined ? '' : ` (at character ${position})`}`);
  }
  const problem = baselineProblem(value);
  if (problem) throw new InputError(`invalid baseline ${file}: ${problem}`);
  return value as Baseline;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isNullableString = (value: unknown): boolean => value === null || isString(value);

function baselineProblem(value: unknown): string | null {
  if (!isRecord(value)) return 'not a JSON object';
  if (value.version !== BASELINE_VERSION) {
    const written = typeof value.version === 'number' ? ` ${value.version}` : '';
    return `unsupported version${written} (expected ${BASELINE_VERSION})`;
  }
  if (!Array.isArray(value.entries)) return '"entries" must be an array';
  for (const [index, entry] of value.entries.entries()) {
    const problem = entryProblem(entry);
    if (problem) return `entries[${index}]: ${problem}`;
  }
  return null;
}

function entryProblem(entry: unknown): string | null {
  if (!isRecord(entry)) return 'must be an object';
  if (!isString(entry.ruleId) || !isString(entry.file) || !isString(entry.path)) return '"ruleId", "file" and "path" must be strings';
  if (typeof entry.count !== 'number' || !Number.isInteger(entry.count) || entry.count < 1) return '"count" must be a positive integer';
  const object = entry.object;
  if (object === null) return null;
  if (!isRecord(object) || !isString(object.apiVersion) || !isString(object.kind) || !isNullableString(object.namespace) || !isNullableString(object.name)) {
    return '"object" must be null or { apiVersion, kind, namespace, name }';
  }
  return null;
}

/** Reason given to baselined findings (JSON `suppression.reason`, SARIF `justification`). */
export const BASELINE_REASON = 'in baseline';
