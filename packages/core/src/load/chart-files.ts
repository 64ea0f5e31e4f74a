import { statSync } from 'node:fs';
import path from 'node:path';
import { locate } from '../parse/locate';
import { parseFile } from '../parse/parse-file';
import type { SourceRange } from '../types';
import { asRecord } from '../values';
import { readBounded } from './read-bounded';

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
  // Bounded and non-blocking like every read of the linted tree: a FIFO put in place of Chart.yaml must not hang.
  const bytes = readBounded(file, MAX_CHART_FILE_BYTES);
  return Buffer.isBuffer(bytes) ? bytes.toString('utf8') : null;
}

/**
 * The chart directory whose source `file` is (its `templates/`, vendored `charts/` or a values
 * file), for a file named on the command line; null when it is not chart source. Pre-commit
 * names staged templates one by one: they are Go templates, not YAML, until helm renders them.
 */
export function chartOwningSource(file: string, isChartDirectory: (directory: string) => boolean = hasChartFile): string | null {
  let directory = path.dirname(file);
  for (let depth = 0; depth < MAX_CHART_DEPTH; depth++) {
    if (isChartDirectory(directory)) {
      const [first, ...rest] = path.relative(directory, file).split(path.sep);
      if (first === undefined) return null;
      return isChartSourceEntry(first, rest.length > 0) ? directory : null;
    }
    const parent = path.dirname(directory);
    if (parent === directory) return null;
    directory = parent;
  }
  return null;
}

/** How far above a named file its chart's Chart.yaml is looked for (templates/ nest a few levels at most). */
const MAX_CHART_DEPTH = 8;

function hasChartFile(directory: string): boolean {
  try {
    return statSync(path.join(directory, CHART_FILE)).isFile();
  } catch {
    return false;
  }
}
