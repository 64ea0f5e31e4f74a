import { BUILTIN_RULES, compareStrings, plural, ruleDocsUrl, type Finding, type LintResult, type Severity } from '@k8s-lint/core';
import { html } from './html-escape';
import { countByRule } from './rule-summary';

/** What the page says of each rule id: title, category and the page k8s-lint publishes for it, if any. */
export interface RuleInfo {
  title: string;
  category: string;
  docsId: string | null;
}

const BUILTIN_IDS: ReadonlySet<string> = new Set(BUILTIN_RULES.map((rule) => rule.meta.id));

export function ruleInfo(result: LintResult): (ruleId: string) => RuleInfo {
  const known = new Map([...BUILTIN_RULES.map((rule) => rule.meta), ...result.rules.map((run) => run.meta)].map((meta) => [meta.id, meta]));
  return (ruleId) => {
    // A family's member (`vap/<policy>`) is described and documented by its family (`vap`).
    const id = known.has(ruleId) ? ruleId : ruleId.slice(0, Math.max(0, ruleId.indexOf('/')));
    const meta = known.get(id);
    return { title: meta?.title ?? '', category: meta?.category ?? 'other', docsId: meta && BUILTIN_IDS.has(id) ? id : null };
  };
}

/** The rule id, linked to its documentation page when k8s-lint has one (an embedder's rules have none). */
export function ruleLink(ruleId: string, info: RuleInfo): string {
  if (info.docsId === null) return `<span class="rule">${html(ruleId)}</span>`;
  return `<a class="rule" href="${html(ruleDocsUrl(info.docsId))}" target="_blank" rel="noopener noreferrer">${html(ruleId)}</a>`;
}

/** "✖ 5 problems (2 errors, 2 warnings, 1 note)" and the run's other counts, as in the stylish report. */
export function summaryHtml(result: LintResult, config: string | null | undefined): string {
  const { summary } = result;
  const headline = summary.findings === 0
    ? '✔ No problems'
    : `✖ ${plural(summary.findings, 'problem')} (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.notes, 'note')})`;
  const extras = [`${plural(summary.files, 'file')}, ${plural(summary.objects, 'object')}`];
  if (config) extras.push(`config: ${config}`);
  if (summary.suppressed > 0) extras.push(`${summary.suppressed} suppressed`);
  if (summary.baselined) extras.push(`${summary.baselined} in baseline`);
  if (summary.skipped > 0) extras.push(`${plural(summary.skipped, 'document')} without apiVersion/kind skipped`);
  if (summary.unvalidated) extras.push(`${plural(summary.unvalidated, 'custom resource')} without a known schema (no CRD) not validated`);
  if (summary.contextFiles) extras.push(`${plural(summary.contextFiles, 'file')} read as context`);
  const lines = [`<p id="summary"><strong>${html(headline)}</strong> in ${extras.map(html).join('; ')}</p>`];
  // Past --max-findings the page lists only some findings; the counts cover them all.
  if (summary.omitted) {
    lines.push(`<p id="omitted">${html(`… ${plural(summary.omitted, 'more finding')} not listed (--max-findings ${result.maxFindings ?? result.findings.length}); the counts include them all`)}</p>`);
  }
  return lines.join('\n');
}

/** Listed, unsuppressed findings per category and severity, and per rule: what dominates, at a glance. */
export function countsHtml(findings: readonly Finding[], info: (ruleId: string) => RuleInfo): string {
  const shown = findings.filter((finding) => !finding.suppression);
  if (shown.length === 0) return '';
  const byCategory = new Map<string, Record<Severity, number>>();
  for (const finding of shown) {
    const category = info(finding.ruleId).category;
    const counts = byCategory.get(category) ?? { error: 0, warning: 0, note: 0 };
    counts[finding.severity]++;
    byCategory.set(category, counts);
  }
  const categoryRows = [...byCategory.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([category, c]) => `<tr><td>${html(category)}</td><td class="n">${c.error}</td><td class="n">${c.warning}</td><td class="n">${c.note}</td><td class="n">${c.error + c.warning + c.note}</td></tr>`);
  const ruleRows = countByRule(shown).map((row) => {
    const rule = info(row.ruleId);
    return `<tr><td class="n">${row.count}</td><td><span class="sev ${row.severity}">${row.severity}</span></td><td>${ruleLink(row.ruleId, rule)}</td><td>${html(rule.title)}</td></tr>`;
  });
  return [
    '<section class="counts">',
    '<table id="by-category"><caption>By category</caption>',
    '<tr><th>category</th><th>errors</th><th>warnings</th><th>notes</th><th>total</th></tr>',
    ...categoryRows,
    '</table>',
    '<table id="by-rule-counts"><caption>By rule</caption>',
    '<tr><th>count</th><th>severity</th><th>rule</th><th>title</th></tr>',
    ...ruleRows,
    '</table>',
    '</section>',
  ].join('\n');
}
