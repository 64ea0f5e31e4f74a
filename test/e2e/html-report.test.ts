/**
 * `--format html` of the committed bundle, without a browser: the exact escaping of input
 * values, a Content-Security-Policy whose hashes are those of the inline style and script,
 * nothing that loads from elsewhere, the same bytes for the same input, --max-findings, and
 * excerpts from standard input.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE, describeIf, jsonFindings, kubectlOnPath, lint, PRIVILEGED_POD, tempDir, writeTree } from '../guarantees/helpers';
import { HTML_FIXTURE, SECRET } from '../helpers/browser-report-fixture';

const repo = writeTree(tempDir('html-report'), HTML_FIXTURE);
const page = lint(['.', '-f', 'html'], { cwd: repo, entry: BUNDLE }).stdout;

const hash = (body: string): string => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
const only = (pattern: RegExp): string => {
  const matches = [...page.matchAll(pattern)];
  expect(matches).toHaveLength(1);
  return matches[0]?.[1] ?? '';
};

describe('html report', () => {
  test('starts with a charset and a CSP that allows only the inline style and script, by hash', () => {
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="')).toBe(true);
    const style = only(/<style>([^]*?)<\/style>/g);
    const script = only(/<script>([^]*?)<\/script>/g);
    const policy = only(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g);
    expect(policy).toBe(`default-src 'none'; style-src ${hash(style)}; script-src ${hash(script)}; img-src 'none'; base-uri 'none'; form-action 'none'`);
  });

  test('nothing loads from elsewhere: the only addresses are links to the rule pages', () => {
    expect(page).not.toMatch(/<(?:img|link|iframe|object|embed|base|audio|video|source)\b/i);
    expect(page).not.toMatch(/<[a-z][^>]*\s(?:src|srcset|poster|action|formaction)=/i);
    expect(page).not.toMatch(/url\(|@import/i);
    const addresses = [...page.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]*/gi)].map((match) => match[0]);
    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses) expect(address).toMatch(/^https:\/\/github\.com\/k8s-lint\/k8s-lint\/blob\/main\/docs\/rules\/[a-z-]+\.md$/);
    expect(page).toContain('<a class="rule" href="https://github.com/k8s-lint/k8s-lint/blob/main/docs/rules/privileged-container.md" target="_blank" rel="noopener noreferrer">privileged-container</a>');
  });

  test('object names, messages, file names and source lines are escaped', () => {
    expect(page).not.toContain('<img');
    expect(page).toContain('<p class="where">Pod shop/&lt;img src=x onerror=alert(1)&gt; › metadata.namespace</p>');
    expect(page).toContain('<p class="msg">image &quot;&lt;img src=x onerror=alert(2)&gt;&quot; of container &quot;a&quot; has no tag (so it means latest)</p>');
    expect(page).toContain('<h2>&lt;img src=x onerror=alert(1)&gt;.yaml</h2>');
    expect(page).toContain('<span class="pos">&lt;img src=x onerror=alert(1)&gt;.yaml:9:7</span>');
    expect(page).toContain('<span class="row"><span class="ln">4</span>  name: &quot;&lt;img src=x onerror=alert(1)&gt;&quot;</span>');
  });

  test('the excerpt marks the field and masks values that may be secret', () => {
    expect(page).toContain('<span class="row hit"><span class="ln">11</span>        <mark>privileged: true</mark></span>');
    expect(page).toContain('<span class="row hit"><span class="ln">14</span>          <mark>value: <span class="mask" title="value not shown in the report">…</span></mark></span>');
    expect(page).not.toContain(SECRET);
  });

  test('one data-finding element per finding of the JSON report', () => {
    const json = jsonFindings(lint(['.', '-f', 'json'], { cwd: repo, entry: BUNDLE }).stdout);
    expect(page.match(/<li data-finding /g)).toHaveLength(json.length);
    expect(page.match(/<li data-finding [^>]*data-suppressed="comment">/g)).toHaveLength(1);
  });

  test('the same input gives the same bytes, on standard output and with --output', () => {
    expect(lint(['.', '-f', 'html'], { cwd: repo, entry: BUNDLE }).stdout).toBe(page);
    const out = path.join(tempDir('html-report-out'), 'report.html');
    expect(lint(['.', '-f', 'html', '-o', out], { cwd: repo, entry: BUNDLE }).status).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe(page);
  });

  test('--max-findings: that many finding elements, and how many more there are', () => {
    const capped = lint(['.', '-f', 'html', '--max-findings', '2'], { cwd: repo, entry: BUNDLE });
    expect(capped.stdout.match(/<li data-finding /g)).toHaveLength(2);
    expect(capped.stdout).toContain('<p id="omitted">… 7 more findings not listed (--max-findings 2); the counts include them all</p>');
  });

  test('standard input has excerpts too', () => {
    const manifest = HTML_FIXTURE['apps/pod.yaml'] ?? '';
    const result = spawnSync(process.execPath, [BUNDLE, '-', '-f', 'html'], { cwd: repo, input: manifest, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('<span class="pos">&lt;stdin&gt;:11:9</span>');
    expect(result.stdout).toContain('<span class="row hit"><span class="ln">11</span>        <mark>privileged: true</mark></span>');
  });
});

describeIf(kubectlOnPath() !== null, 'html report with --kustomize', 'kubectl is not on the PATH')(() => {
  test('the excerpt comes from the base file the finding is mapped to', () => {
    const tree = writeTree(tempDir('html-kustomize'), {
      'base/pod.yaml': PRIVILEGED_POD,
      'base/kustomization.yaml': 'resources:\n  - pod.yaml\n',
      'overlay/kustomization.yaml': 'resources:\n  - ../base\nnamespace: shop\n',
      '.k8s-lint.yaml': '',
    });
    const result = lint(['overlay', '--kustomize', '-f', 'html'], { cwd: tree, entry: BUNDLE });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('<span class="pos">base/pod.yaml:10:9</span>');
    expect(result.stdout).toContain('<span class="row hit"><span class="ln">10</span>        <mark>privileged: true</mark></span>');
  });
});
