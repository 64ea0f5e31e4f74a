import path from 'node:path';
import { decodeFile } from '../load/decode';
import { displayPathOf } from '../load/inputs';
import { readBounded } from '../load/read-bounded';
import { isInsideDirectory, repositoryBoundary } from '../load/repository';
import { locate } from '../parse/locate';
import { parseFile, type ParsedDocument } from '../parse/parse-file';
import { formatPath } from '../path';
import { maskUrlCredentials } from '../text/mask-url';
import type { FieldPath, Finding, SourceRange } from '../types';
import { asArray, asRecord, asString, type JsonRecord } from '../values';
import { KUSTOMIZATION_FILES, kustomizationFileIn } from './discover';
import { isRemoteEntry, MAX_KUSTOMIZATION_BYTES, parseBoundedFile } from './kustomization';
import { foldKey, pluginSourceRefusals, scanKustomization, scanPluginConfig, type FieldScan, type Reference } from './kustomization-fields';
import { realPathOf, resolveLocalPath, type LocalPath } from './local-path';
import { FIRST_LINE, renderError } from './types';

/** Most kustomization and plugin configuration files read for one root before it is refused. */
export const MAX_SANDBOX_FILES = 1000;

const NOT_FETCHED = 'is not fetched (k8s-lint works offline): vendor it into the repository to lint this kustomization';

/** Longest path or URL quoted in a message: a 1 MB entry must not make a 1 MB finding. */
const MAX_QUOTED = 300;

/**
 * What a kustomization's output is: objects (`resources`), or the configuration of plugins when
 * it is a directory listed in `generators`, `transformers` or `validators`.
 */
type Role = 'resources' | 'generator' | 'transformer' | 'validator';

interface Visit {
  directory: string;
  role: Role;
  /**
   * The directory of the kustomization that lists the plugins: kustomize resolves the paths in
   * plugin configurations against it, wherever the configuration comes from. Null for `resources`.
   */
  owner: string | null;
  /** The entry that leads here (null for the root): a cycle is reported at it. */
  via: Entry | null;
}

/** An entry of a kustomization or plugin configuration, where findings about what it names go. */
interface Entry {
  file: string;
  range: SourceRange;
  /** `resources entry "../base"`, for messages. */
  label: string;
}

interface Analysis {
  findings: Finding[];
  next: Visit[];
  /** Files read (the kustomization and plugin configuration files), counted against the bound of every root that reaches it. */
  reads: number;
}

interface Budget {
  remaining: number;
}

/** One root's traversal. */
interface Walk {
  boundary: string;
  budget: Budget;
  /** Visits whose kustomization was already checked for this root. */
  done: Set<string>;
  findings: Finding[];
}

/**
 * The static check that runs before kubectl or kustomize: every kustomization reachable from a
 * root (through resources, bases, components and plugin entries that are local directories) is
 * read with bounds, and every field that names a file or a URL must be a local path inside the
 * repository. Anything else is a render-error where it is written, and the root is not
 * rendered; so are the failures kubectl would otherwise report only at the root's line 1 (a
 * missing file or directory, a kustomization that is empty or does not parse, a cycle).
 * Results are shared between the roots of a run.
 */
export class KustomizeSandbox {
  private readonly analyses = new Map<string, Analysis>();
  private readonly configScans = new Map<string, Finding[]>();
  /** Each cycle's finding by its directories: roots that enter it at different places report it once, where it was first found. */
  private readonly cycles = new Map<string, Finding>();

  constructor(
    private readonly cwd: string,
    private readonly maxFiles = MAX_SANDBOX_FILES,
  ) {}

  /** The render-errors that keep `root` from being rendered; empty when it may be rendered. */
  check(root: string, boundary: string): Finding[] {
    const rootFile = this.display(kustomizationFileIn(root) ?? root);
    const realRoot = realPathOf(root);
    if (realRoot === null || !isInsideDirectory(boundary, realRoot)) {
      return [renderError(rootFile, FIRST_LINE, `kustomization is outside the repository (${this.display(boundary)}): not rendered`)];
    }
    const walk: Walk = { boundary, budget: { remaining: this.maxFiles }, done: new Set(), findings: [] };
    if (!this.walk({ directory: realRoot, role: 'resources', owner: null, via: null }, [], walk)) {
      return [renderError(rootFile, FIRST_LINE, `more than ${this.maxFiles} kustomization and plugin configuration files are reachable from ${rootFile}: not rendered (each is checked before rendering)`)];
    }
    return walk.findings;
  }

  /**
   * Depth first, so that the chain of kustomizations being built is known: kustomize refuses a
   * directory that is, or contains, one of its chain ("cycle detected"), and a cycle must be a
   * finding at the entry that closes it, never a loop. The depth is bounded by the file budget.
   * False when the budget is exhausted.
   */
  private walk(visit: Visit, chain: readonly string[], walk: Walk): boolean {
    const closed = visit.via ? closedCycle(chain, visit.directory) : null;
    if (visit.via && closed) {
      const cycleKey = `${walk.boundary}\0${[...new Set([...closed, visit.directory])].sort().join('\0')}`;
      const finding = this.cycles.get(cycleKey) ?? this.cycleError(visit.via, closed, visit.directory);
      this.cycles.set(cycleKey, finding);
      walk.findings.push(finding);
      return true;
    }
    const key = visitKey(visit);
    if (walk.done.has(key)) return true;
    walk.done.add(key);
    const analysis = this.analyze(visit, walk.boundary, walk.budget);
    if (walk.budget.remaining < 0) return false;
    walk.findings.push(...analysis.findings);
    const inner = [...chain, visit.directory];
    return analysis.next.every((next) => this.walk(next, inner, walk));
  }

  private cycleError(via: Entry, chain: readonly string[], directory: string): Finding {
    const names = [...chain, directory].map((each) => this.display(each));
    const first = chain[0] ?? directory;
    const contains = first === directory ? '' : ` (${this.display(directory)} contains ${this.display(first)})`;
    return renderError(via.file, via.range, `${via.label}: kustomization cycle ${names.join(' → ')}${contains}: not rendered`);
  }

  private analyze(visit: Visit, boundary: string, budget: Budget): Analysis {
    const key = `${boundary}\0${visitKey(visit)}`;
    const cached = this.analyses.get(key);
    if (cached) {
      budget.remaining -= cached.reads;
      return cached;
    }
    const before = budget.remaining;
    const analysis = this.analyzeOnce(visit, boundary, budget);
    analysis.reads = before - budget.remaining;
    // A partial analysis (the bound was reached inside it) is never reused.
    if (budget.remaining >= 0) this.analyses.set(key, analysis);
    return analysis;
  }

  private analyzeOnce(visit: Visit, boundary: string, budget: Budget): Analysis {
    const analysis: Analysis = { findings: [], next: [], reads: 0 };
    const file = kustomizationFileIn(visit.directory);
    // Only a root can be without one (it was found by its file, since removed): follow() reports the others at their entry.
    if (!file) return analysis;
    budget.remaining--;
    const display = this.display(file);
    const realFile = realPathOf(file);
    if (realFile === null || !isInsideDirectory(boundary, realFile)) {
      analysis.findings.push(renderError(display, FIRST_LINE, 'kustomization file leads outside the repository through a symbolic link: not rendered'));
      return analysis;
    }
    const parsed = parseBoundedFile(realFile);
    if ('problem' in parsed) {
      analysis.findings.push(renderError(display, parsed.range, `kustomization cannot be checked before rendering (${parsed.problem}): not rendered`));
      return analysis;
    }
    const document = parsed.documents[0] ?? null;
    const shape = shapeProblem(document?.value);
    if (shape) {
      analysis.findings.push(renderError(display, document ? locate(document, []).range : FIRST_LINE, `kustomization ${shape}: not rendered`));
      return analysis;
    }
    const value = asRecord(document?.value) ?? {};
    const where: Place = { file: display, document, base: visit.directory, inline: null };
    const scan = withNumericText(scanKustomization(value), realFile, document);
    if (visit.role === 'resources') {
      this.addScan(analysis, scan, visit, boundary, budget, where);
    } else {
      // Only `resources` and `bases` are allowed here; each other field is refused at its key.
      const allowed = scan.references.filter((reference) => reference.use === 'resource');
      this.addScan(analysis, { references: allowed, refusals: pluginSourceRefusals(value, visit.role) }, visit, boundary, budget, where);
    }
    return analysis;
  }

  private addScan(analysis: Analysis, scan: FieldScan, visit: Visit, boundary: string, budget: Budget, where: Place): void {
    for (const refusal of scan.refusals) analysis.findings.push(renderError(where.file, this.rangeOf(where, refusal.at), refusal.message));
    for (const reference of scan.references) {
      this.checkReference(analysis, reference, visit, boundary, budget, where);
      if (budget.remaining < 0) return;
    }
  }

  private checkReference(analysis: Analysis, reference: Reference, visit: Visit, boundary: string, budget: Budget, where: Place): void {
    const report = (message: string): void => {
      analysis.findings.push(renderError(where.file, this.rangeOf(where, reference.at), message));
    };
    const inlineSuffix = where.inline ? ` in an inline ${where.inline.noun} configuration` : '';
    const quoted = `kustomize ${reference.noun} "${quote(reference.value)}"${inlineSuffix}`;
    const inline = reference.use === 'plugin' || reference.use === 'patch' ? inlineObjects(reference.value) : null;
    if (inline && 'problem' in inline) {
      // kustomize's own parser might read it as configuration this one cannot see.
      if (reference.use === 'plugin') report(`inline ${reference.noun} configuration cannot be checked before rendering (YAML error: ${inline.problem}): this kustomization is not rendered`);
      else if (isRemoteEntry(firstLine(reference.value))) report(`remote ${quoted} ${NOT_FETCHED}`);
      return;
    }
    if (inline) {
      // Text that parses as objects is used as they are, never read as a path; a URL on its first line is refused all the same.
      if (isRemoteEntry(firstLine(reference.value))) report(`remote ${quoted} ${NOT_FETCHED}`);
      if (reference.use === 'plugin') {
        // Paths in plugin configurations are relative to the kustomization that lists the plugins.
        const inlineWhere: Place = { ...where, base: visit.owner ?? visit.directory, inline: { noun: reference.noun, at: reference.at } };
        for (const config of inline.objects) this.addScan(analysis, scanPluginConfig(config), visit, boundary, budget, inlineWhere);
      }
      return;
    }
    if (isRemoteEntry(reference.value)) {
      report(`remote ${quoted} ${NOT_FETCHED}`);
      return;
    }
    const local = resolveLocalPath(where.base, reference.value, boundary);
    if (!local.ok) {
      report(`${quoted} ${refusalReason(local.reason)}`);
      return;
    }
    const entry: Entry = { file: where.file, range: this.rangeOf(where, reference.at), label: `${entryName(reference.at)} "${quote(reference.value)}"${inlineSuffix}` };
    // kustomize would fail on it after reading everything else; here it is found at its entry.
    if (local.kind === 'missing') {
      report(`${entry.label}: no such file or directory in ${this.display(where.base)}: not rendered`);
      return;
    }
    this.follow(analysis, reference, local, visit, budget, boundary, entry);
  }

  /** What kustomize does next with a local path: build a directory, or read a file as plugin configuration. */
  private follow(analysis: Analysis, reference: Reference, local: Extract<LocalPath, { ok: true }>, visit: Visit, budget: Budget, boundary: string, entry: Entry): void {
    const builds = reference.use === 'resource' || reference.use === 'component' || reference.use === 'plugin';
    if (builds && local.kind === 'directory' && !kustomizationFileIn(local.target)) {
      analysis.findings.push(renderError(entry.file, entry.range, `${entry.label}: no ${KUSTOMIZATION_NAMES} in ${this.display(local.target)}: not rendered`));
      return;
    }
    if (reference.use === 'resource' || reference.use === 'component') {
      if (local.kind === 'directory') analysis.next.push({ ...visit, directory: local.target, via: entry });
      else if (local.kind === 'file' && visit.role !== 'resources') analysis.findings.push(...this.scanConfigFile(local.target, visit, boundary, budget));
      return;
    }
    if (reference.use !== 'plugin') return;
    const role = reference.noun as Role;
    if (local.kind === 'directory') analysis.next.push({ directory: local.target, role, owner: visit.owner ?? visit.directory, via: entry });
    else if (local.kind === 'file') analysis.findings.push(...this.scanConfigFile(local.target, { ...visit, role, owner: visit.owner ?? visit.directory }, boundary, budget));
  }

  /** Reads a plugin configuration file (every document, and the items of lists) and checks what its configurations name. */
  private scanConfigFile(file: string, visit: Visit, boundary: string, budget: Budget): Finding[] {
    budget.remaining--;
    const key = `${boundary}\0${visit.owner ?? ''}\0${file}`;
    const cached = this.configScans.get(key);
    if (cached) return cached;
    const display = this.display(file);
    const parsed = parseBoundedFile(file);
    const analysis: Analysis = { findings: [], next: [], reads: 0 };
    if ('problem' in parsed) {
      analysis.findings.push(renderError(display, parsed.range, `kustomize ${visit.role} configuration cannot be checked before rendering (${parsed.problem}): this kustomization is not rendered`));
    } else {
      for (const document of parsed.documents) {
        const where: Place = { file: display, document, base: visit.owner ?? path.dirname(file), inline: null };
        for (const { config, at } of configsIn(document.value)) {
          const scan = scanPluginConfig(config);
          const shifted: FieldScan = {
            references: scan.references.map((reference) => ({ ...reference, at: [...at, ...reference.at] })),
            refusals: scan.refusals.map((refusal) => ({ ...refusal, at: [...at, ...refusal.at] })),
          };
          this.addScan(analysis, shifted, visit, boundary, budget, where);
        }
      }
    }
    this.configScans.set(key, analysis.findings);
    return analysis.findings;
  }

  private rangeOf(where: Place, at: FieldPath): SourceRange {
    if (!where.document) return FIRST_LINE;
    // Inside inline configuration text, the finding is at the entry that holds it.
    return locate(where.document, where.inline ? where.inline.at : at).range;
  }

  private display(file: string): string {
    return displayPathOf(this.cwd, file);
  }
}

/** Where references are read from: a file's document, or an inline configuration inside one. */
interface Place {
  file: string;
  document: ParsedDocument | null;
  /** The directory relative paths are resolved against. */
  base: string;
  /** For inline configuration text: what the entry is ("transformer", ...) and where it is written; findings go there. */
  inline: { noun: string; at: FieldPath } | null;
}

const KUSTOMIZATION_NAMES = `${KUSTOMIZATION_FILES.slice(0, -1).join(', ')} or ${KUSTOMIZATION_FILES.at(-1) ?? ''}`;

/**
 * The part of `chain` that `directory` closes into a cycle: from where it is on the chain, else
 * from the nearest directory of the chain that it contains (kustomize refuses both), or null.
 */
function closedCycle(chain: readonly string[], directory: string): string[] | null {
  const same = chain.indexOf(directory);
  if (same >= 0) return chain.slice(same);
  for (let index = chain.length - 1; index >= 0; index--) {
    if (isInsideDirectory(directory, chain[index] ?? '')) return chain.slice(index);
  }
  return null;
}

/** How an entry is named in messages: `resources entry`, `configMapGenerator[0].files entry`, `patches[0].path`. */
function entryName(at: FieldPath): string {
  return typeof at.at(-1) === 'number' ? `${formatPath(at.slice(0, -1))} entry` : formatPath(at);
}

/** Why kustomize refuses a kustomization's first document before reading any field, or null. */
function shapeProblem(value: unknown): string | null {
  if (value === null || value === undefined) return 'is empty (kustomize refuses an empty one)';
  const record = asRecord(value);
  if (!record) return `is not a mapping of fields (it is ${Array.isArray(value) ? 'a list' : 'a single value'})`;
  return Object.keys(record).length === 0 ? 'is empty (kustomize refuses an empty one)' : null;
}

/** The references of `scan` with the text of numeric plain scalars read from `file` (where kustomize reads `.` as a path, YAML 1.1 reads NaN). */
function withNumericText(scan: FieldScan, file: string, document: ParsedDocument | null): FieldScan {
  if (!document || !scan.references.some((reference) => reference.numeric)) return scan;
  const bytes = readBounded(file, MAX_KUSTOMIZATION_BYTES);
  const lines = Buffer.isBuffer(bytes) ? decodeFile(bytes).text.split(/\r?\n|\r/) : [];
  const references = scan.references.flatMap((reference) => {
    if (!reference.numeric) return [reference];
    const { line, column, endLine, endColumn } = locate(document, reference.at).range;
    const text = line === endLine ? lines[line - 1]?.slice(column - 1, endColumn - 1) : undefined;
    return text ? [{ ...reference, value: text }] : [];
  });
  return { ...scan, references };
}

function visitKey(visit: Visit): string {
  return `${visit.role}\0${visit.owner ?? ''}\0${visit.directory}`;
}

/**
 * The boundary a root's paths must stay in: the repository of the working directory (nearest
 * `.git` above it, else the working directory), or, for a directory argument outside it, that
 * argument's own repository. Real paths, so that links are judged by where they lead.
 */
export function boundaryFor(root: string, args: readonly string[], cwd: string): string {
  const candidates = [repositoryBoundary(cwd)];
  for (const arg of args) {
    const absolute = realPathOf(path.resolve(cwd, arg));
    if (absolute !== null) candidates.push(repositoryBoundary(absolute));
  }
  const realRoot = realPathOf(root);
  const real = candidates.map((candidate) => realPathOf(candidate) ?? candidate);
  return real.find((candidate) => realRoot !== null && isInsideDirectory(candidate, realRoot)) ?? real[0] ?? cwd;
}

function refusalReason(reason: Extract<LocalPath, { ok: false }>['reason']): string {
  switch (reason) {
    case 'absolute':
      return 'is an absolute path: only relative paths inside the repository are followed, so this kustomization is not rendered';
    case 'outside':
      return 'is outside the repository: only paths inside it are followed, so this kustomization is not rendered';
    case 'link-outside':
      return 'leads outside the repository through a symbolic link: only paths inside it are followed, so this kustomization is not rendered';
    case 'unresolvable':
      return 'is a symbolic link that leads nowhere or loops: this kustomization is not rendered';
    case 'special':
      return 'is not a regular file or directory (a FIFO, socket or device): it is never read, so this kustomization is not rendered';
  }
}

function quote(value: string): string {
  const masked = maskUrlCredentials(value);
  return masked.length > MAX_QUOTED ? `${masked.slice(0, MAX_QUOTED)}...` : masked;
}

function firstLine(text: string): string {
  return text.trimStart().split(/[\r\n]/, 1)[0] ?? '';
}

/**
 * The objects an entry's text holds when kustomize would use it as inline configuration or an
 * inline patch (several lines or a `{...}` that parse as YAML objects), why such text does not
 * parse, or null when it is a path.
 */
function inlineObjects(text: string): { objects: JsonRecord[] } | { problem: string } | null {
  if (!/[\r\n]/.test(text) && !text.trimStart().startsWith('{')) return null;
  const parsed = parseFile(text);
  const problem = parsed.problems[0];
  if (problem) return { problem: problem.message };
  const objects = parsed.documents.flatMap((document) => configsIn(document.value).map(({ config }) => config));
  return objects.length > 0 ? { objects } : null;
}

/** Plugin configurations in a document: the object itself, or the items of a `kind: ...List` (kustomize expands lists). */
function configsIn(value: unknown, at: FieldPath = []): Array<{ config: JsonRecord; at: FieldPath }> {
  const record = asRecord(value);
  if (!record) return [];
  const kindEntry = Object.entries(record).find(([key]) => foldKey(key) === 'kind');
  const itemsEntry = Object.entries(record).find(([key]) => foldKey(key) === 'items');
  if (kindEntry && itemsEntry && (asString(kindEntry[1]) ?? '').endsWith('List')) {
    return asArray(itemsEntry[1]).flatMap((item, index) => configsIn(item, [...at, itemsEntry[0], index]));
  }
  return [{ config: record, at }];
}
