/**
 * Property: whatever the input (any string on standard input, any bytes in any number of files:
 * unicode noise, YAML-ish text with anchors, aliases, tabs, `---`, CRLF, BOMs, deep nesting,
 * damaged manifests), the CLI ends with 0 or 1 (content never makes a usage error, 2), writes
 * nothing to stderr (an exception would end as "internal error" there), writes a report whose
 * summary and exit code agree, and locates every finding inside its file.
 *
 * Most runs call `main()` in this process; a few spawn the built CLI with a timeout, so that a
 * hang fails the test, and through worker threads (`--jobs 2`).
 */
import fc from 'fast-check';
import { runCli } from '../helpers/cli';
import { parseReport, propertySettings, rangeProblems, runMain, Scratch } from './harness';
import { anyText, decodedText, fileBytes } from './inputs';

const scratch = new Scratch();
afterAll(() => scratch.cleanup());

const FORMATS = ['stylish', 'sarif', 'github', 'junit', 'html'] as const;
const FILE_NAMES = ['a.yaml', 'b.yml', 'c.json', 'sub/d.yaml', 'sub/deeper/e.yaml', 'ü ñ.yaml', '.hidden.yaml', 'explicit.txt'] as const;
const TIMEOUT = 30_000;

/** What is wrong with a run's JSON report for inputs whose text (as the engine decodes it) is `texts`; empty when nothing. */
function reportProblems(run: { code: number | null; stdout: string; stderr: string }, texts: ReadonlyMap<string, string>): string[] {
  if (run.stderr !== '') return [`stderr: ${run.stderr}`];
  if (run.code !== 0 && run.code !== 1) return [`exit ${String(run.code)}`];
  const report = parseReport(run.stdout);
  const open = report.findings.filter((finding) => !finding.suppressed);
  const problems: string[] = [];
  if (report.summary.findings !== open.length) problems.push(`summary counts ${report.summary.findings} findings, the report has ${open.length}`);
  const failing = open.some((finding) => finding.severity !== 'note');
  if (run.code !== (failing ? 1 : 0)) problems.push(`exit ${run.code} with ${failing ? 'some' : 'no'} warning or error`);
  for (const finding of report.findings) {
    const text = texts.get(finding.file);
    const where = `${finding.ruleId} at ${finding.file}:${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn}`;
    if (text === undefined) problems.push(`${where}: not a linted file`);
    else problems.push(...rangeProblems(text, finding).map((problem) => `${where}: ${problem}`));
  }
  return problems;
}

describe('any input', () => {
  const stdin = propertySettings(20240601, 300);
  test(`standard input: exit 0 or 1, a consistent report, findings inside the text (${stdin.label})`, async () => {
    await fc.assert(
      fc.asyncProperty(anyText, fc.constantFrom(...FORMATS), async (text, format) => {
        const run = await runMain(['-', '-f', 'json'], { cwd: scratch.root, stdin: text });
        expect(reportProblems(run, new Map([['<stdin>', text]]))).toEqual([]);
        // The other formatters take the same findings without failing, and exit alike.
        const other = await runMain(['-', '-f', format], { cwd: scratch.root, stdin: text });
        expect({ code: other.code, stderr: other.stderr }).toEqual({ code: run.code, stderr: '' });
      }),
      { seed: stdin.seed, numRuns: stdin.numRuns, timeout: TIMEOUT },
    );
  });

  const files = propertySettings(20240602, 120);
  test(`files of any bytes, linted as a directory or one by one: same guarantees (${files.label})`, async () => {
    const filesArb = fc.uniqueArray(fc.tuple(fc.constantFrom(...FILE_NAMES), fileBytes), { selector: ([name]) => name, minLength: 1, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(filesArb, fc.boolean(), async (entries, asDirectory) => {
        const dir = scratch.dir();
        Scratch.write(dir, entries);
        // A directory contributes only its manifests (.yaml, .yml, .json); named files are linted whatever their name.
        const linted = asDirectory ? entries.filter(([name]) => name !== 'explicit.txt') : entries;
        const run = await runMain([...(asDirectory ? ['.'] : entries.map(([name]) => name)), '-f', 'json'], { cwd: dir });
        expect(reportProblems(run, new Map(linted.map(([name, bytes]) => [name, decodedText(bytes)])))).toEqual([]);
      }),
      { seed: files.seed, numRuns: files.numRuns, timeout: TIMEOUT },
    );
  });

  const spawned = propertySettings(20240603, 6);
  test(`the built CLI, on standard input and in worker threads (${spawned.label})`, () => {
    fc.assert(
      fc.property(anyText, fileBytes, fc.boolean(), (text, bytes, viaFiles) => {
        if (viaFiles) {
          const dir = scratch.dir();
          Scratch.write(dir, [['text.yaml', text], ['bytes.yaml', bytes]]);
          const run = runCli(['.', '-f', 'json', '--jobs', '2'], { cwd: dir, timeout: TIMEOUT });
          expect(reportProblems({ code: run.status, ...run }, new Map([['text.yaml', decodedText(Buffer.from(text))], ['bytes.yaml', decodedText(bytes)]]))).toEqual([]);
        } else {
          const run = runCli(['-', '-f', 'json'], { cwd: scratch.root, input: text, timeout: TIMEOUT });
          // Standard input reaches the process as UTF-8: lone surrogates arrive as U+FFFD.
          expect(reportProblems({ code: run.status, ...run }, new Map([['<stdin>', Buffer.from(text).toString('utf8')]]))).toEqual([]);
        }
      }),
      { seed: spawned.seed, numRuns: spawned.numRuns },
    );
  });
});
