/** Running the CLI in this process, temporary directories, and reading positions back out of text. */
import { main, type CliIo } from '@k8s-lint/cli';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { JsonObjectRef, JsonFinding, JsonReport } from '../helpers/json-report';
export type { JsonObjectRef, JsonFinding, JsonReport } from '../helpers/json-report';

/**
 * Seed and number of runs of a property: fixed, so that a run is reproducible, and printed in the
 * test name. `K8S_LINT_FC_SEED` and `K8S_LINT_FC_RUNS` replace them, to explore further by hand.
 */
export function propertySettings(defaultSeed: number, defaultRuns: number): { seed: number; numRuns: number; label: string } {
  const seed = fromEnv('K8S_LINT_FC_SEED') ?? defaultSeed;
  const numRuns = fromEnv('K8S_LINT_FC_RUNS') ?? defaultRuns;
  return { seed, numRuns, label: `seed ${seed}, ${numRuns} runs` };
}

function fromEnv(name: string): number | undefined {
  const value = process.env[name];
  return value !== undefined && /^-?\d+$/.test(value) ? Number(value) : undefined;
}

export interface MainRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `main()` with an in-memory io: no colour, no progress, standard input given as a string. */
export async function runMain(argv: readonly string[], options: { cwd: string; stdin?: string }): Promise<MainRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    cwd: options.cwd,
    env: { NO_COLOR: '1' },
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    readStdin: () => Promise.resolve(options.stdin ?? ''),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** The documented JSON report (README), as far as these tests read it. */

export function parseReport(stdout: string): JsonReport {
  return JSON.parse(stdout) as JsonReport;
}

/** A directory under the system's temporary directory, removed by `cleanup`. */
export class Scratch {
  readonly root = mkdtempSync(path.join(tmpdir(), 'k8s-lint-properties-'));
  private count = 0;

  constructor() {
    // Every run is hermetic: this configuration file (empty: the defaults) stops the search for one above.
    writeFileSync(path.join(this.root, '.k8s-lint.yaml'), '');
  }

  /** A new, empty directory for one run. */
  dir(): string {
    const dir = path.join(this.root, `run-${++this.count}`);
    mkdirSync(dir);
    return dir;
  }

  /** Writes `files` (relative path → content) under `dir`, in the order given. */
  static write(dir: string, files: ReadonlyArray<readonly [string, string | Uint8Array]>): void {
    for (const [name, content] of files) {
      const file = path.join(dir, name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
  }

  cleanup(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** Lines as the engine (the yaml package) counts them: only `\n` ends a line; a `\r` before it belongs to no column that matters. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * The offset of a 1-based line and column (UTF-16 code units) in `text`, or a description of why
 * the position is not in the text. `allowEnd` accepts the position just after the line's last
 * character (an exclusive end, or an empty line).
 */
export function offsetOf(text: string, starts: readonly number[], line: number, column: number): number | string {
  if (!Number.isInteger(line) || !Number.isInteger(column)) return `non-integer position ${line}:${column}`;
  if (line < 1 || line > starts.length) return `line ${line} is outside the file's ${starts.length} lines`;
  const start = starts[line - 1] ?? 0;
  const next = starts[line];
  const end = next === undefined ? text.length : next - 1;
  if (column < 1 || start + column - 1 > end) return `column ${column} is outside line ${line} (${end - start} characters)`;
  return start + column - 1;
}

/** Problems with a finding's range in the text of its file: none when it lies inside. */
export function rangeProblems(text: string, finding: Pick<JsonFinding, 'line' | 'column' | 'endLine' | 'endColumn'>): string[] {
  const starts = lineStarts(text);
  const problems: string[] = [];
  const start = offsetOf(text, starts, finding.line, finding.column);
  const end = offsetOf(text, starts, finding.endLine, finding.endColumn);
  if (typeof start === 'string') problems.push(`start: ${start}`);
  if (typeof end === 'string') problems.push(`end: ${end}`);
  if (finding.endLine < finding.line) problems.push(`endLine ${finding.endLine} < line ${finding.line}`);
  if (typeof start === 'number' && typeof end === 'number' && end < start) problems.push(`end before start`);
  return problems;
}

/** Inverse of core's formatPath: `a.b[0]["k8s.io/x"]` → ['a', 'b', 0, 'k8s.io/x']. */
export function parsePath(text: string): Array<string | number> {
  const segments: Array<string | number> = [];
  const token = /^(?:\.?([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\])/;
  let rest = text;
  while (rest !== '') {
    const match = token.exec(rest);
    if (!match) throw new Error(`cannot parse field path ${JSON.stringify(text)} at ${JSON.stringify(rest)}`);
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push(JSON.parse(match[3] ?? '""') as string);
    rest = rest.slice(match[0].length);
  }
  return segments;
}

/** A finding reduced to what does not depend on where its object's text sits in the file. */
export function identity(finding: Pick<JsonFinding, 'ruleId' | 'severity' | 'message' | 'file' | 'object' | 'path'>): string {
  return JSON.stringify([finding.file, finding.object, finding.ruleId, finding.path, finding.severity, finding.message]);
}

export function sameObject(a: JsonObjectRef | null, b: JsonObjectRef | null): boolean {
  return a !== null && b !== null && a.apiVersion === b.apiVersion && a.kind === b.kind && a.namespace === b.namespace && a.name === b.name;
}
