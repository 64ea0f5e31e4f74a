/**
 * Property: the report depends only on the files' paths and contents: not on the order in which
 * the files were written (directory listing order), nor on how the paths are given (order,
 * duplicates, `./`, directories, globs), nor on the number of threads that read them.
 * Generated repositories reuse object names across files and namespaces, mix documents and
 * Lists, and now and then hold a damaged file.
 */
import fc from 'fast-check';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/cli';
import { propertySettings, runMain, Scratch, type MainRun } from './harness';
import { damagedManifest } from './inputs';
import { documentArb, objectArb, renderFile, styleArb } from './manifests';

const scratch = new Scratch();
afterAll(() => scratch.cleanup());

const FILE_NAMES = ['a.yaml', 'b.yaml', 'z.yml', 'apps/web.yaml', 'apps/api.yml', 'apps/nested/db.yaml', 'prod/deploy.yaml', 'dev/deploy.yaml', 'x/y/z/w.yaml'] as const;

type Files = ReadonlyArray<readonly [string, string]>;

/** The text of one file: generated documents with the same object names as in other files, or (now and then) a damaged one. */
const fileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.array(documentArb(objectArb()), { minLength: 1, maxLength: 3 }), styleArb).map(([documents, style]) => renderFile(documents, style)) },
  { weight: 1, arbitrary: damagedManifest },
);

function repository(names: readonly string[], minLength: number, maxLength: number): fc.Arbitrary<Files> {
  return fc.uniqueArray(fc.tuple(fc.constantFrom(...names), fileText), { selector: ([name]) => name, minLength, maxLength });
}

/** Ways of naming the same set of files on the command line. */
const SPELLINGS = ['directory', 'files', 'dot-slash and duplicates', 'top-level entries', 'globs'] as const;
type Spelling = (typeof SPELLINGS)[number];

function argumentsFor(spelling: Spelling, order: readonly string[]): string[] {
  switch (spelling) {
    case 'directory':
      return ['.'];
    case 'files':
      return [...order];
    case 'dot-slash and duplicates':
      return [...order.map((name) => `./${name}`), ...order.slice(0, 1)];
    case 'top-level entries':
      return [...new Set(order.map((name) => name.split('/')[0] ?? name))];
    case 'globs':
      return ['**/*.{yaml,yml}'];
  }
}

/** One way of writing and naming a repository: the order its files are written in, and how they are named. */
const layout = (files: Files): fc.Arbitrary<{ writeOrder: Files; spelling: Spelling; argumentOrder: string[] }> =>
  fc.record({
    writeOrder: fc.shuffledSubarray([...files], { minLength: files.length, maxLength: files.length }),
    spelling: fc.constantFrom(...SPELLINGS),
    argumentOrder: fc.shuffledSubarray(files.map(([name]) => name), { minLength: files.length, maxLength: files.length }),
  });

describe('deterministic output', () => {
  // Both runs use the same directory, removed and written again, so that nothing but the order differs.
  const repo = path.join(scratch.root, 'repo');

  async function lintAs(writeOrder: Files, args: string[]): Promise<MainRun> {
    rmSync(repo, { recursive: true, force: true });
    mkdirSync(repo);
    Scratch.write(repo, writeOrder);
    return runMain([...args, '-f', 'json'], { cwd: repo });
  }

  const order = propertySettings(7_000_001, 60);
  test(`the same report whatever the order files are written and named in (${order.label})`, async () => {
    const arb = repository(FILE_NAMES, 2, 6).chain((files) => fc.tuple(fc.constant(files), layout(files), layout(files)));
    await fc.assert(
      fc.asyncProperty(arb, async ([, first, second]) => {
        const a = await lintAs(first.writeOrder, argumentsFor(first.spelling, first.argumentOrder));
        const b = await lintAs(second.writeOrder, argumentsFor(second.spelling, second.argumentOrder));
        expect(a.stderr).toBe('');
        expect([0, 1]).toContain(a.code);
        expect(b).toEqual(a);
      }),
      { seed: order.seed, numRuns: order.numRuns, timeout: 30_000 },
    );
  });

  const jobs = propertySettings(7_000_002, 2);
  test(`the built CLI prints the same bytes with --jobs 1 and --jobs 2, as JSON and as SARIF (${jobs.label})`, () => {
    // The first thread is handed three batches of 16 files before the second gets any: more
    // files than that, so that both threads read some.
    const names = Array.from({ length: 64 }, (_, i) => `dir-${i % 4}/file-${i}.yaml`);
    fc.assert(
      fc.property(repository(names, 49, 64), (files) => {
        const cwd = scratch.dir();
        Scratch.write(cwd, files);
        for (const format of ['json', 'sarif']) {
          const single = runCli(['.', '-f', format, '--jobs', '1'], { cwd, timeout: 30_000 });
          expect(single.stderr).toBe('');
          expect([0, 1]).toContain(single.status);
          const parallel = runCli(['.', '-f', format, '--jobs', '2'], { cwd, timeout: 30_000 });
          expect(parallel).toEqual(single);
        }
      }),
      { seed: jobs.seed, numRuns: jobs.numRuns },
    );
  });
});
