import { statSync } from 'node:fs';
import path from 'node:path';
import { analyzeText } from '../load/analyze-file';
import { decodeFile } from '../load/decode';
import { displayPathOf } from '../load/inputs';
import { readBounded } from '../load/read-bounded';
import { locate } from '../parse/locate';
import type { ParsedDocument } from '../parse/parse-file';
import type { SourceRange } from '../types';
import { asArray, asRecord, asString, type JsonRecord } from '../values';
import { kustomizationFileIn } from './discover';
import { FIRST_LINE } from './types';

/** A kustomization file as written, with positions for its entries. */
export interface Kustomization {
  directory: string;
  /** Display path of the kustomization file. */
  file: string;
  value: JsonRecord;
  document: ParsedDocument | null;
}

export interface KustomizationEntry {
  value: string;
  /** Absolute path the entry points to (meaningless for remote entries). */
  target: string;
  remote: boolean;
  range: SourceRange;
}

// Fields whose entries are other kustomizations or resource files. Patches are not sources of
// objects: they change objects defined elsewhere.
const ENTRY_FIELDS = ['resources', 'bases', 'components'];

/**
 * Largest kustomization or plugin configuration file read before rendering. Real ones are a few
 * kilobytes; the bound keeps a file put in their place (or a link to /dev/zero) from costing
 * memory or time.
 */
export const MAX_KUSTOMIZATION_BYTES = 1_000_000;

// What kustomize hands to its HTTP client, to git or to go-getter: any scheme followed by a slash
// (`https://`, `file:///`, the one-slash `https:/`), the schemes it knows even without one
// (`http:x`), `git::`, SCP-style `user@host:path` and `user@host/path`, known forges (also in the
// `github.com:org/repo` form), and query parameters that only remote targets take. A superset of
// kustomize's own tests (loader.IsRemoteFile, git.NewRepoSpecFromURL): a false positive only
// means a file name that is not rendered.
const REMOTE_PATTERNS = [
  /^git::/i,
  // go-getter's forced getters (`s3::https://...`), which older kustomize versions used.
  /^[a-z][a-z0-9+.-]*::/i,
  /^[a-z][a-z0-9+.-]*:\//i,
  /^(https?|ssh|file|git):/i,
  /^[a-z][a-z0-9_.-]*@/i,
  /^(github\.com|gitlab\.com|bitbucket\.org)[/:]/i,
  /\?(.*&)?(ref|version|submodules|timeout)=/,
];

export function isRemoteEntry(entry: string): boolean {
  const trimmed = entry.trim();
  return REMOTE_PATTERNS.some((pattern) => pattern.test(trimmed));
}

/** A kustomization file's text, parsed, or why it could not be: read with the bounded reader (no FIFO, no device, at most MAX_KUSTOMIZATION_BYTES). */
export type ParsedKustomizationFile = { documents: ParsedDocument[] } | { problem: string; range: SourceRange };

export function parseBoundedFile(file: string): ParsedKustomizationFile {
  const bytes = readBounded(file, MAX_KUSTOMIZATION_BYTES);
  if (!Buffer.isBuffer(bytes)) {
    const problem =
      bytes.kind === 'error' ? `it cannot be read (${bytes.code})` : bytes.kind === 'not-a-file' ? 'it is not a regular file (a FIFO, socket or device)' : `it is larger than ${MAX_KUSTOMIZATION_BYTES} bytes`;
    return { problem, range: FIRST_LINE };
  }
  const analyzed = analyzeText(decodeFile(bytes));
  if ('unreadable' in analyzed) return { problem: analyzed.unreadable, range: FIRST_LINE };
  if (analyzed.problem) return { problem: analyzed.problem, range: FIRST_LINE };
  const syntax = analyzed.parsed.problems[0];
  if (syntax) return { problem: `YAML error: ${syntax.message}`, range: { line: syntax.line, column: syntax.column, endLine: syntax.endLine, endColumn: syntax.endColumn } };
  return { documents: analyzed.parsed.documents };
}

export function readKustomization(directory: string, cwd: string): Kustomization | null {
  const file = kustomizationFileIn(directory);
  if (!file) return null;
  const parsed = parseBoundedFile(file);
  // One that cannot be read is still a kustomization: the sandbox check reports why it is not rendered.
  // kustomize reads the first document only.
  const document = 'problem' in parsed ? null : (parsed.documents[0] ?? null);
  return { directory, file: displayPathOf(cwd, file), value: asRecord(document?.value) ?? {}, document };
}

export function entriesOf(kustomization: Kustomization): KustomizationEntry[] {
  const entries: KustomizationEntry[] = [];
  for (const field of ENTRY_FIELDS) {
    asArray(kustomization.value[field]).forEach((item, index) => {
      const value = asString(item);
      if (value === undefined) return;
      const document = kustomization.document;
      const range = document ? locate(document, [field, index]).range : FIRST_LINE;
      entries.push({ value, target: path.resolve(kustomization.directory, value), remote: isRemoteEntry(value), range });
    });
  }
  return entries;
}

export function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

// Directories listed here are kustomizations whose output is plugin configuration.
const PLUGIN_FIELDS = ['generators', 'transformers', 'validators'];

/**
 * Local kustomization directories that `kustomization` builds on: its bases and components,
 * and the directories of plugin configuration it uses (rendered through it, never on their own).
 */
export function localBases(kustomization: Kustomization): string[] {
  const plugins = PLUGIN_FIELDS.flatMap((field) => asArray(kustomization.value[field]))
    .map(asString)
    .filter((value): value is string => value !== undefined && !isRemoteEntry(value))
    .map((value) => path.resolve(kustomization.directory, value));
  return [...entriesOf(kustomization).filter((entry) => !entry.remote).map((entry) => entry.target), ...plugins].filter(isDirectory);
}
