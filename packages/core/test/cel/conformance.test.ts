/** The cel-spec conformance pass rates recorded in docs/cel.md are the ones the engine gets. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runSection } from './conformance-runner';

const DOC = readFileSync(path.resolve(__dirname, '../../../../docs/cel.md'), 'utf8');
const rows = new Map(
  [...DOC.matchAll(/^\| (\w+) \| (\d+) \| (\d+) \| (\d+) \| [\d.]+% \|/gm)].map((m) => [m[1] as string, m.slice(2, 5).map(Number)]),
);

test('docs/cel.md records every section it claims', () => {
  expect([...rows.keys()]).toEqual([
    'basic', 'comparisons', 'conversions', 'fields', 'fp_math', 'integer_math', 'lists', 'logic',
    'macros', 'parse', 'string', 'string_ext', 'timestamps',
  ]);
});

test.each([...rows.keys()])('conformance section %s: tests, run, passed as recorded', (section) => {
  const result = runSection(section);
  const skipped = [...result.skipped.values()].reduce((a, b) => a + b, 0);
  expect([result.total, result.total - skipped, result.passed]).toEqual(rows.get(section));
});
