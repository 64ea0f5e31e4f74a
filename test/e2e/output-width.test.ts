/**
 * Human output fits the width: 80 columns when stdout is not a terminal, COLUMNS when set
 * (a terminal's own width wins on a terminal). Through the committed bundle.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { displayWidth } from '../../packages/cli/src/formatters/wrap';
import { BUNDLE, describeIf, lint } from '../guarantees/helpers';
import { REPO_ROOT } from '../helpers/cli';

const CORPUS = process.env.K8S_LINT_CORPUS ?? '/work/shared/corpus';
const MICROSERVICES_DEMO = path.join(CORPUS, 'GoogleCloudPlatform__microservices-demo');

function tooWide(text: string, width: number): string[] {
  return text.split('\n').filter((line) => displayWidth(line) > width);
}

describe('stylish and rules fit 80 columns when stdout is not a terminal', () => {
  test('examples/: no line over 80 columns', () => {
    const run = lint(['examples/'], { cwd: REPO_ROOT, entry: BUNDLE });
    expect(run.status).toBe(1);
    expect(run.stdout.split('\n').length).toBeGreaterThan(300);
    expect(tooWide(run.stdout, 80)).toEqual([]);
  });

  test("the README's stylish example is what the CLI prints", () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const example = /- `stylish`: grouped by file[\s\S]*?```text\n([\s\S]*?)\n {2}```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const shown = (example ?? '').replace(/^ {2}/gm, '');
    expect(lint(['examples/bad/debug-pod.yaml'], { cwd: REPO_ROOT, entry: BUNDLE }).stdout.startsWith(`${shown}\n`)).toBe(true);
  });

  test('rules: an aligned table, no line over 80 columns', () => {
    const run = lint(['rules'], { cwd: REPO_ROOT, entry: BUNDLE });
    expect(run.status).toBe(0);
    expect(tooWide(run.stdout, 80)).toEqual([]);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`  RULE${' '.repeat(34)}SEVERITY  TITLE`);
    // Every row has its severity in the SEVERITY column.
    const rows = lines.filter((line) => /^ {2}\S/.test(line)).slice(1);
    expect(rows.length).toBeGreaterThan(70);
    for (const row of rows) expect(row.slice(40, 50)).toMatch(/^(error|warning|note|off) +$/);
  });

  test('COLUMNS asks for another width; below 40 counts as 40', () => {
    const wide = lint(['examples/'], { cwd: REPO_ROOT, entry: BUNDLE, env: { COLUMNS: '120' } });
    expect(tooWide(wide.stdout, 120)).toEqual([]);
    expect(tooWide(wide.stdout, 80).length).toBeGreaterThan(0);
    const narrow = lint(['examples/'], { cwd: REPO_ROOT, entry: BUNDLE, env: { COLUMNS: '10' } });
    expect(tooWide(narrow.stdout, 40)).toEqual([]);
    // Too narrow for a title column: titles go under their rule.
    const rules = lint(['rules'], { cwd: REPO_ROOT, entry: BUNDLE, env: { COLUMNS: '50' } }).stdout;
    expect(tooWide(rules, 50)).toEqual([]);
    expect(rules).toContain('\n  image-latest-tag                      warning\n    Image uses latest or no tag\n');
  });
});

describeIf(existsSync(MICROSERVICES_DEMO), 'a real repository in 80 columns', `${MICROSERVICES_DEMO} is not there (set K8S_LINT_CORPUS)`)(() => {
  test('GoogleCloudPlatform/microservices-demo: no line over 80 columns', () => {
    const run = lint(['.'], { cwd: MICROSERVICES_DEMO, entry: BUNDLE });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('✖ ');
    expect(tooWide(run.stdout, 80)).toEqual([]);
  });
});
