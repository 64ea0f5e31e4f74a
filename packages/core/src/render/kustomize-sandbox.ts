import path from 'node:path';
import { displayPathOf } from '../load/inputs';
import { isInsideDirectory, repositoryBoundary } from '../load/repository';
import { locate } from '../parse/locate';
import { parseFile, type ParsedDocument } from '../parse/parse-file';
import { maskUrlCredentials } from '../text/mask-url';
import type { FieldPath, Finding, SourceRange } from '../types';
import { asArray, asRecord, asString, type JsonRecord } from '../values';
import { kustomizationFileIn } from './discover';
import { isRemoteEntry, parseBoundedFile } from './kustomization';
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

/**
 * The static check that runs before kubectl or kustomize: every kustomization reachable from a
 * root (through resources, bases, components and plugin entries that are local directories) is
 * read with bounds, and every field that names a file or a URL must be a local path inside the
 * repository. Anything else is a render-error where it is written, and the root is not
 * rendered. Results are shared between the roots of a run.
 */
export class KustomizeSandbox {
  private readonly analyses = new Map<string, Analysis>();
  private readonly configScans = new Map<string, Finding[]>();

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
    const findings: Finding[] = [];
    const seen = new Set<string>();
    const stack: Visit[] = [{ directory: realRoot, role: 'resources', owner: null }];
    const budget: Budget = { remaining: this.maxFiles };
    for (let visit = stack.pop(); visit; visit = stack.pop()) {
      const key = visitKey(visit);
      if (seen.has(key)) continue;
      seen.add(key);
      const analysis = this.analyze(visit, boundary, budget);
      if (budget.remaining < 0) {
        return [renderError(rootFile, FIRST_LINE, `more than ${this.maxFiles} kustomization and plugin configuration files are reachable from ${rootFile}: not rendered (each is checked before rendering)`)];
      }
      findings.push(...analysis.findings);
      stack.push(...[...analysis.next].reverse());
    }
    return findings;
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
    // kustomize reports a directory without a kustomization itself.
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
    const value = asRecord(document?.value) ?? {};
    const where: Place = { file: display, document, base: visit.directory, inline: null };
    if (visit.role === 'resources') {
      this.addScan(analysis, scanKustomization(value), visit, boundary, budget, where);
    } else {
      // Only `resources` and `bases` are allowed here; each other field is refused at its key.
      const allowed = scanKustomization(value).references.filter((reference) => reference.use === 'resource');
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
    const quoted = `kustomize ${reference.noun} "${quote(reference.value)}"${where.inline ? ` in an inline ${where.inline.noun} configuration` : ''}`;
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
    this.follow(analysis, reference, local, visit, budget, boundary);
  }

  /** What kustomize does next with a local path: build a directory, or read a file as plugin configuration. */
  private follow(analysis: Analysis, reference: Reference, local: Extract<LocalPath, { ok: true }>, visit: Visit, budget: Budget, boundary: string): void {
    if (reference.use === 'resource' || reference.use === 'component') {
      if (local.kind === 'directory') analysis.next.push({ ...visit, directory: local.target });
      else if (local.kind === 'file' && visit.role !== 'resources') analysis.findings.push(...this.scanConfigFile(local.target, visit, boundary, budget));
      return;
    }
    if (reference.use !== 'plugin') return;
    const role = reference.noun as Role;
    if (local.kind === 'directory') analysis.next.push({ directory: local.target, role, owner: visit.owner ?? visit.directory });
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
