import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { locate } from '../parse/locate';
import { parseFile } from '../parse/parse-file';
import type { SourceRange } from '../types';
import { asRecord } from '../values';

/** The file that makes a directory a Helm chart. */
export const CHART_FILE = 'Chart.yaml';

/** Directories of a chart that hold Go templates (`templates/`) or vendored subcharts (`charts/`): not YAML until helm renders them. */
const CHART_SOURCE_DIRECTORIES = new Set(['templates', 'charts']);
/** values.yaml, values-prod.yaml, values.schema.json...: inputs of `helm template`, never manifests. */
const VALUES_FILE = /^values.*\.(ya?ml|json)$/i;

/** Whether an entry of a chart directory is chart source rather than a manifest. */
export function isChartSourceEntry(name: string, isDirectory: boolean): boolean {
  return isDirectory ? CHART_SOURCE_DIRECTORIES.has(name) : VALUES_FILE.test(name);
}

export const CHART_NOT_RENDERED_MESSAGE =
  'Helm chart not rendered: its templates/, charts/ and values files were not linted; run k8s-lint with --helm to lint the chart as `helm template` renders it';

export interface ChartFileProblem {
  /** `syntax`: the file does not parse; `invalid`: it parses but lacks what helm requires. */
  kind: 'syntax' | 'invalid';
  message: string;
  range: SourceRange;
}

/** Chart.yaml is a few hundred bytes; past this it is not checked (the plain YAML path bounds it). */
const MAX_CHART_FILE_BYTES = 1024 * 1024;

/**
 * What makes `Chart.yaml` unusable for helm, at its position: a syntax error, or a missing
 * `name` or `version` (helm refuses the chart). Null when it is fine or cannot be read (the
 * loader reports unreadable files).
 */
export function chartFileProblem(file: string): ChartFileProblem | null {
  const text = readSmallFile(file);
  if (text === null) return null;
  const parsed = parseFile(text);
  const syntax = parsed.problems[0];
  if (syntax) {
    const { documentIndex: _index, message, ...range } = syntax;
    return { kind: 'syntax', message: `${path.basename(file)} cannot be parsed: ${message}`, range };
  }
  const document = parsed.documents[0];
  const chart = document ? asRecord(document.value) : undefined;
  const missing = ['name', 'version'].filter((key) => typeof chart?.[key] !== 'string' && typeof chart?.[key] !== 'number');
  if (missing.length === 0) return null;
  const range = document ? locate(document, [missing[0] ?? 'name']).range : { line: 1, column: 1, endLine: 1, endColumn: 1 };
  return { kind: 'invalid', message: `invalid Chart.yaml: ${missing.map((key) => `\`${key}\``).join(' and ')} not set (helm requires \`name\` and \`version\`)`, range };
}

function readSmallFile(file: string): string | null {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(file, 'r');
    const buffer = Buffer.alloc(MAX_CHART_FILE_BYTES + 1);
    const length = readSync(descriptor, buffer, 0, buffer.length, 0);
    return length > MAX_CHART_FILE_BYTES ? null : buffer.subarray(0, length).toString('utf8');
  } catch {
    return null;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}
