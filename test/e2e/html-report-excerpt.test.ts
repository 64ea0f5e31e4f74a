/**
 * The HTML report's source excerpts and the reader the CLI gives it, on their own: which values
 * are shown, which masked, where an excerpt stops, and which files are read at all.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding, LintResult } from '@k8s-lint/core';
import { excerptHtml, sourceLines } from '../../packages/cli/src/formatters/html-excerpt';
import { html } from '../../packages/cli/src/formatters/html-escape';
import { sourceReader } from '../../packages/cli/src/formatters/html-source-reader';
import { tempDir } from '../guarantees/helpers';

const MASK = '<span class="mask" title="value not shown in the report">…</span>';

function finding(at: { line: number; column: number; endLine?: number; endColumn: number; kind?: string | null }): Finding {
  const kind = at.kind === undefined ? 'Pod' : at.kind;
  return {
    ruleId: 'r', severity: 'error', message: 'm', file: 'f.yaml', path: 'p', source: null, suppression: null,
    object: kind === null ? null : { apiVersion: 'v1', kind, namespace: null, name: 'n' },
    line: at.line, column: at.column, endLine: at.endLine ?? at.line, endColumn: at.endColumn,
  };
}

/** The excerpt's rows as `number|content`, tags of the rows and numbers removed. */
function rows(text: string, at: Parameters<typeof finding>[0]): string[] {
  const excerpt = excerptHtml(sourceLines(text), finding(at));
  return [...excerpt.matchAll(/<span class="row(?: hit)?"><span class="ln">(\d+)<\/span>(.*?)<\/span>(?=<span class="row|<\/pre>)/g)].map((match) => `${match[1]}|${match[2]}`);
}

describe('html(): the one escape of every input value', () => {
  test('the five HTML characters, then control and bidi characters made visible', () => {
    expect(html(`<a href="x">'&`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
    expect(html('a\u001b[2J\u202eb\n::error::x')).toBe('a\\x1b[2J\\u202eb\\x0a::error::x');
    expect(html(42)).toBe('42');
  });
});

describe('excerpts', () => {
  const pod = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', '  annotations:', '    note: "call 555-0100"', 'spec:', '  containers:', '    - name: a', '      args: ["--token=abc"]', '      securityContext: { privileged: true }', ''].join('\n');

  test('two lines around the finding; values of known fields shown, others masked (in flow mappings too); the span marked', () => {
    expect(rows(pod, { line: 11, column: 7, endColumn: 44 })).toEqual([
      `9|    - name: a`,
      `10|      args: ${MASK}`,
      '11|      <mark>securityContext: { privileged: true }</mark>',
    ]);
    const flow = ['kind: Pod', 'spec:', '  containers: [{ name: a, image: "x" }]', '  securityContext: { privileged: true, seLinuxOptions: x,level: s0 }', ''].join('\n');
    expect(rows(flow, { line: 4, column: 22, endColumn: 38 })).toEqual([
      '2|spec:',
      `3|  containers: ${MASK}`,
      `4|  securityContext: { <mark>privileged: true</mark>, seLinuxOptions: ${MASK},level: ${MASK} }`,
    ]);
    expect(rows(pod, { line: 6, column: 5, endColumn: 9 })).toEqual([
      '4|  name: web',
      '5|  annotations:',
      `6|    <mark>note</mark>: ${MASK}`,
      '7|spec:',
      '8|  containers:',
    ]);
  });

  test('Secrets, ConfigMaps and findings without an object: keys only', () => {
    const secret = ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: db', 'stringData:', '  name: Zq7NamedLikeAField', ''].join('\n');
    const shown = rows(secret, { line: 6, column: 3, endColumn: 27, kind: 'Secret' });
    expect(shown).toEqual(['4|  name: ' + MASK, '5|stringData:', `6|  <mark>name: ${MASK}</mark>`]);
    expect(rows(secret, { line: 6, column: 3, endColumn: 27, kind: null })).toEqual(shown);
  });

  test('URLs, block scalars and comments are masked; k8s-lint directives are shown', () => {
    const flux = ['kind: GitRepository', 'spec:', '  # old: http://u:Zq7Pw@git.example', '  # k8s-lint-disable-next-line flux-insecure-source', '  url: http://u:Zq7Pw@git.example/x', '  ref:', '    name: |', '      Zq7Block', ''].join('\n');
    expect(rows(flux, { line: 5, column: 3, endColumn: 35 })).toEqual([
      `3|  ${MASK}`,
      '4|  # k8s-lint-disable-next-line flux-insecure-source',
      `5|  <mark>url: ${MASK}</mark>`,
      '6|  ref:',
      `7|    name: ${MASK}`,
    ]);
    expect(rows(flux, { line: 7, column: 5, endColumn: 12 }).at(-1)).toBe(`8|      ${MASK}`);
  });

  test('never crosses a document separator; nothing for a line the file does not have; long lines cut', () => {
    const two = ['kind: A', '---', 'kind: Pod', 'metadata: {}', '---', 'kind: B', ''].join('\n');
    expect(rows(two, { line: 3, column: 1, endColumn: 10 })).toEqual(['3|<mark>kind: Pod</mark>', '4|metadata: {}']);
    expect(excerptHtml(sourceLines(two), finding({ line: 40, column: 1, endColumn: 2 }))).toBe('');
    const long = `name: ${'x'.repeat(400)}`;
    expect(excerptHtml([long], finding({ line: 1, column: 1, endColumn: 5 }))).toContain('<span class="cut">…</span></span></pre>');
    expect(excerptHtml([long], finding({ line: 1, column: 1, endColumn: 5 }))).not.toContain('x'.repeat(300));
  });
});

describe('the source reader', () => {
  const root = tempDir('html-reader');
  const cwd = path.join(root, 'repo');
  mkdirSync(path.join(cwd, 'a'), { recursive: true });
  writeFileSync(path.join(cwd, 'a/pod.yaml'), 'kind: Pod\n');
  writeFileSync(path.join(cwd, 'a/base.yaml'), 'kind: Base\n');
  writeFileSync(path.join(cwd, 'unnamed.yaml'), 'kind: Unnamed\n');
  writeFileSync(path.join(cwd, 'big.yaml'), `kind: Big\n${'#'.repeat(100)}\n`);
  writeFileSync(path.join(root, 'linted.yaml'), 'kind: Linted\n');
  writeFileSync(path.join(root, 'outside.yaml'), 'kind: Outside\n');
  symlinkSync(path.join(cwd, 'a/pod.yaml'), path.join(cwd, 'link.yaml'));
  const named = (file: string): Finding => ({ ...finding({ line: 1, column: 1, endColumn: 2 }), file });
  // The run read the first five; the findings name those, a rendered source inside the working directory and one outside.
  const files = ['a/pod.yaml', '../linted.yaml', 'big.yaml', 'link.yaml', '<stdin>', 'gone.yaml'];
  const result = { files, findings: [...files, 'a/base.yaml', '../outside.yaml'].map(named) } as unknown as LintResult;
  const read = sourceReader(result, { cwd, maxBytes: 50, stdinText: 'kind: FromStdin\n' });

  test('reads files the run read and sources inside the working directory, when a finding names them', () => {
    expect(read('a/pod.yaml')).toBe('kind: Pod\n');
    expect(read('../linted.yaml')).toBe('kind: Linted\n');
    expect(read('a/base.yaml')).toBe('kind: Base\n');
    expect(read('<stdin>')).toBe('kind: FromStdin\n');
  });

  test('nothing for files no finding names, outside files the run did not read, symbolic links, files over the limit or gone', () => {
    expect(read('unnamed.yaml')).toBeUndefined();
    expect(read('../outside.yaml')).toBeUndefined();
    expect(read(path.join(root, 'outside.yaml'))).toBeUndefined();
    expect(read('link.yaml')).toBeUndefined();
    expect(read('big.yaml')).toBeUndefined();
    expect(read('gone.yaml')).toBeUndefined();
  });
});
