/**
 * The HTML report of the committed bundle in a real headless browser (Debian's chromium): it
 * renders, holds one element per finding of the JSON report, its filters and grouping work, input
 * markup stays text, the excerpt marks the finding's field, and loading it requests nothing but
 * the page itself.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE, describeIf, jsonFindings, lint, tempDir, writeTree } from '../guarantees/helpers';
import { chromiumMissing, openFile, type OpenedPage } from '../helpers/browser';
import { HOSTILE, HOSTILE_IMAGE, HTML_FIXTURE, SECRET } from '../helpers/browser-report-fixture';

const missing = chromiumMissing();

describeIf(missing === null, 'HTML report in headless chromium', missing ?? '')(() => {
  const repo = writeTree(tempDir('html-browser'), HTML_FIXTURE);
  const json = jsonFindings(lint(['.', '-f', 'json'], { cwd: repo, entry: BUNDLE }).stdout);
  const report = lint(['.', '-f', 'html'], { cwd: repo, entry: BUNDLE });
  const file = path.join(tempDir('html-browser-page'), 'report.html');
  writeFileSync(file, report.stdout);
  let opened: OpenedPage;
  const count = (severity: string, suppressed: boolean): number => json.filter((finding) => finding.severity === severity && finding.suppressed === suppressed).length;
  /** Finding elements the reader sees (display: none ones and those in hidden groups are not). */
  const visibleFindings = (): Promise<number> => opened.page.locator('[data-finding]:visible').count();

  beforeAll(async () => {
    opened = await openFile(file);
  });
  afterAll(async () => {
    await opened.close();
  });

  test('the fixture gives errors, warnings, notes and a suppressed finding in two files', () => {
    expect(report.status).toBe(1);
    expect(report.stderr).toBe('');
    expect([count('error', false), count('warning', false), count('note', false), json.filter((finding) => finding.suppressed).length]).toEqual([2, 4, 2, 1]);
    expect([...new Set(json.map((finding) => finding.file))]).toEqual([`${HOSTILE}.yaml`, 'apps/pod.yaml']);
  });

  test('the page renders: title, summary, counts by category', async () => {
    expect(await opened.page.title()).toBe('k8s-lint: 8 problems');
    expect(await opened.page.locator('#summary').innerText()).toBe('✖ 8 problems (2 errors, 4 warnings, 2 notes) in 2 files, 2 objects; config: .k8s-lint.yaml; 1 suppressed');
    expect(await opened.page.locator('#by-category tr').allInnerTexts()).toEqual([
      'category\terrors\twarnings\tnotes\ttotal',
      'images\t0\t2\t0\t2',
      'network\t0\t2\t0\t2',
      'pod-security\t1\t0\t0\t1',
      'resources\t0\t0\t2\t2',
      'secrets\t1\t0\t0\t1',
    ]);
  });

  test('one [data-finding] element per finding of the JSON report; the suppressed one hidden', async () => {
    expect(await opened.page.locator('[data-finding]').count()).toBe(json.length);
    expect(await visibleFindings()).toBe(json.length - 1);
    expect(await opened.page.locator('#shown').innerText()).toBe(String(json.length - 1));
  });

  test('unchecking a severity hides exactly its findings; checking it again shows them', async () => {
    const all = json.length - 1;
    await opened.page.locator('input[name="warning"]').uncheck();
    expect(await visibleFindings()).toBe(all - count('warning', false));
    expect(await opened.page.locator('[data-finding][data-severity="warning"]:visible').count()).toBe(0);
    await opened.page.locator('input[name="note"]').uncheck();
    expect(await visibleFindings()).toBe(count('error', false));
    expect(await opened.page.locator('#shown').innerText()).toBe(String(count('error', false)));
    await opened.page.locator('input[name="suppressed"]').check();
    expect(await visibleFindings()).toBe(count('error', false) + count('error', true));
    await opened.page.locator('input[name="suppressed"]').uncheck();
    await opened.page.locator('input[name="warning"]').check();
    await opened.page.locator('input[name="note"]').check();
    expect(await visibleFindings()).toBe(all);
  });

  test('grouping by rule moves the same elements under one heading per rule, and back', async () => {
    await opened.page.locator('#group-rule').check();
    expect(await opened.page.locator('#by-file').isHidden()).toBe(true);
    const headings = await opened.page.locator('#by-rule section.group:visible h2').allInnerTexts();
    expect(headings.sort()).toEqual([...new Set(json.filter((finding) => !finding.suppressed).map((finding) => finding.ruleId))].sort());
    expect(await opened.page.locator('[data-finding]').count()).toBe(json.length);
    expect(await opened.page.locator('#by-rule [data-finding]:visible').count()).toBe(json.length - 1);
    await opened.page.locator('#group-file').check();
    expect(await opened.page.locator('#by-file [data-finding]').count()).toBe(json.length);
    expect(await opened.page.locator('#by-rule section').count()).toBe(0);
  });

  test('markup in an object name, a message and a file name shows as text', async () => {
    expect(await opened.page.locator('img').count()).toBe(0);
    expect(opened.dialogs).toEqual([]);
    const where = await opened.page.locator('[data-finding] .where').allInnerTexts();
    expect(where).toContain(`Pod shop/${HOSTILE} › spec.containers[0].image`);
    expect(await opened.page.locator('[data-finding] .msg').allInnerTexts()).toContain(`image "${HOSTILE_IMAGE}" of container "a" has no tag (so it means latest)`);
    expect(await opened.page.locator('section.group h2').allInnerTexts()).toContain(`${HOSTILE}.yaml`);
  });

  test('the excerpt shows the finding\'s line with its field marked, and no secret value', async () => {
    const privileged = opened.page.locator('[data-finding][data-rule="privileged-container"]:not([data-suppressed])');
    // textContent: findings off screen are laid out only when scrolled to (content-visibility: auto keeps big reports fast).
    expect(await privileged.locator('.row.hit').textContent()).toBe('11        privileged: true');
    expect(await privileged.locator('mark').allTextContents()).toEqual(['privileged: true']);
    const literal = opened.page.locator('[data-finding][data-rule="secret-in-env-literal"]');
    expect(await literal.locator('.row.hit').textContent()).toBe('14          value: …');
    await literal.scrollIntoViewIfNeeded();
    expect(await literal.locator('mark').isVisible()).toBe(true);
    expect(await opened.page.content()).not.toContain(SECRET);
  });

  test('loading the page requested nothing but the page itself', () => {
    expect(opened.requests).toEqual([opened.url]);
  });

  test('without JavaScript: every unsuppressed finding listed by file, no filters that would not work', async () => {
    const plain = await openFile(file, { javaScript: false });
    try {
      expect(await plain.page.locator('[data-finding]:visible').count()).toBe(json.length - 1);
      expect(await plain.page.locator('#filters').isHidden()).toBe(true);
      expect(await plain.page.locator('#by-file section.group:visible h2').allInnerTexts()).toEqual([`${HOSTILE}.yaml`, 'apps/pod.yaml']);
      expect(plain.requests).toEqual([plain.url]);
    } finally {
      await plain.close();
    }
  });
});
