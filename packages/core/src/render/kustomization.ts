import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { displayPathOf } from '../load/inputs';
import { locate } from '../parse/locate';
import { parseFile, type ParsedDocument } from '../parse/parse-file';
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

// kustomize hands these to go-getter or git: anything with a scheme, git shorthands, known
// forges, and query parameters that only remote targets take.
const REMOTE_PATTERNS = [/^[a-z][a-z0-9+.-]*:\/\//i, /^git::/i, /^[\w.-]+@[\w.-]+:/, /^(github\.com|gitlab\.com|bitbucket\.org)\//i, /\?(.*&)?(ref|version|submodules|timeout)=/];

export function isRemoteEntry(entry: string): boolean {
  return REMOTE_PATTERNS.some((pattern) => pattern.test(entry));
}

export function readKustomization(directory: string, cwd: string): Kustomization | null {
  const file = kustomizationFileIn(directory);
  if (!file) return null;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const document = parseFile(text).documents[0] ?? null;
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

/** Local kustomization directories that `kustomization` builds on. */
export function localBases(kustomization: Kustomization): string[] {
  return entriesOf(kustomization)
    .filter((entry) => !entry.remote && isDirectory(entry.target))
    .map((entry) => entry.target);
}
