import { readFileSync } from 'node:fs';
import path from 'node:path';
import { displayPathOf } from '../load/inputs';
import { locate } from '../parse/locate';
import type { FieldPath, SourceRange } from '../types';
import { asArray, asRecord, asString } from '../values';
import { kustomizationFileIn } from './discover';
import type { Kustomization } from './kustomization';
import { FIRST_LINE } from './types';

/** What a patch entry's `target` selects, as far as k8s-lint checks it. */
export interface PatchTarget {
  kind: string | null;
  name: string | null;
}

/** The text of one patch (a file, or inline in its kustomization) and where its positions are in the file it is written in. */
export interface PatchText {
  /** Display path of the file that holds the text. */
  file: string;
  text: string;
  target: PatchTarget | null;
  /** A range in `text` as a range in `file`; null when the inline text cannot be found there line for line. */
  place(range: SourceRange): SourceRange | null;
  /** Where the entry is written, for an inline patch whose lines cannot be placed. */
  entry: SourceRange;
  /** The kustomization file's text, when the patch is written in it (for suppression comments). */
  kustomizationText: string | null;
}

const PATCH_FIELDS = ['patches', 'patchesJson6902'];

/**
 * Every local patch of a kustomization, in the order kustomize applies them:
 * `patchesStrategicMerge` (a file name, or inline text: a file name holds no newline), then
 * `patches` and `patchesJson6902` entries (a `path` or an inline `patch`, with their `target`).
 */
export function patchTextsOf(kustomization: Kustomization, cwd: string): PatchText[] {
  const texts: PatchText[] = [];
  const fileText = kustomizationTextOf(kustomization);
  const entryRange = (at: FieldPath): SourceRange => (kustomization.document ? locate(kustomization.document, at).range : FIRST_LINE);
  const addFile = (file: string, target: PatchTarget | null, at: FieldPath): void => {
    const absolute = path.resolve(kustomization.directory, file);
    const text = readText(absolute);
    if (text !== null) texts.push({ file: displayPathOf(cwd, absolute), text, target, place: (range) => range, entry: entryRange(at), kustomizationText: null });
  };
  const addInline = (text: string, target: PatchTarget | null, at: FieldPath): void => {
    const entry = entryRange(at);
    const shift = fileText === null ? null : blockShift(fileText, entry.line, text);
    const place = (range: SourceRange): SourceRange | null =>
      shift && { line: range.line + shift.lines, column: range.column + shift.columns, endLine: range.endLine + shift.lines, endColumn: range.endColumn + shift.columns };
    texts.push({ file: kustomization.file, text, target, place, entry, kustomizationText: fileText });
  };
  asArray(kustomization.value.patchesStrategicMerge).forEach((item, index) => {
    const text = asString(item);
    if (!text) return;
    if (text.includes('\n')) addInline(text, null, ['patchesStrategicMerge', index]);
    else addFile(text, null, ['patchesStrategicMerge', index]);
  });
  for (const field of PATCH_FIELDS) {
    asArray(kustomization.value[field]).forEach((item, index) => {
      const entry = asRecord(item);
      const target = targetOf(entry?.target);
      const file = asString(entry?.path);
      const inline = asString(entry?.patch);
      if (file) addFile(file, target, [field, index, 'path']);
      else if (inline) addInline(inline, target, [field, index, 'patch']);
    });
  }
  return texts;
}

function targetOf(value: unknown): PatchTarget | null {
  const target = asRecord(value);
  return target ? { kind: asString(target.kind) ?? null, name: asString(target.name) ?? null } : null;
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null; // kustomize reports the missing file itself.
  }
}

export function kustomizationTextOf(kustomization: Kustomization): string | null {
  const file = kustomizationFileIn(kustomization.directory);
  return file ? readText(file) : null;
}

/**
 * How far the lines of an inline patch written as a literal block (`patch: |-`) are from the
 * text's own positions: its first line is the line after the key, every line indented alike.
 * Checked line for line, so that a quoted or folded patch is never placed wrongly.
 */
export function blockShift(fileText: string, keyLine: number, text: string): { lines: number; columns: number } | null {
  const fileLines = fileText.split(/\r?\n/);
  const patchLines = text.split('\n');
  const first = patchLines.findIndex((line) => line.trim() !== '');
  const firstLine = patchLines[first];
  const written = fileLines[keyLine + first];
  if (firstLine === undefined || written === undefined || !written.endsWith(firstLine)) return null;
  const indent = written.length - firstLine.length;
  const margin = ' '.repeat(indent);
  const placed = patchLines.every((line, index) => line.trim() === '' || fileLines[keyLine + index] === margin + line);
  return placed ? { lines: keyLine, columns: indent } : null;
}
