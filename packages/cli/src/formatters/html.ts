import { describeObject, plural, SEVERITIES, VERSION, type Finding, type LintResult, type Severity } from '@k8s-lint/core';
import { excerptHtml, sourceLines } from './html-excerpt';
import { html } from './html-escape';
import { pageEnd, pageHead } from './html-page';
import { countsHtml, ruleInfo, ruleLink, summaryHtml, type RuleInfo } from './html-summary';
import type { FormatContext } from './types';

/**
 * One self-contained HTML page: summary, counts by category and rule, then every listed
 * finding (suppressed ones too, hidden until asked for) grouped by file, each one element with
 * `data-finding`, with the source lines around it when `context.readSource` can read its file.
 * Nothing loads from elsewhere (CSP with hashes of the inline style and script); every input
 * value goes through `html()`. Same result, same bytes. Written a file at a time.
 */
export function* htmlReportChunks(result: LintResult, context: FormatContext): Generator<string, void, undefined> {
  const info = ruleInfo(result);
  const title = result.summary.findings === 0 ? 'k8s-lint: no problems' : `k8s-lint: ${plural(result.summary.findings, 'problem')}`;
  yield pageHead(html(title));
  // Suppressed findings hidden until asked for, with or without the script.
  yield '<body class="hide-suppressed">\n<header>\n<h1>k8s-lint report</h1>\n';
  yield `${summaryHtml(result, context.config)}\n<p class="extra">k8s-lint ${html(VERSION)}</p>\n</header>\n`;
  yield `${countsHtml(result.findings, info)}\n`;
  yield filtersHtml(result.findings);
  yield '<main id="by-file">\n';
  for (const [file, findings] of groupByFile(result.findings)) {
    const text = context.readSource?.(file);
    const lines = text === undefined ? undefined : sourceLines(text);
    const items = findings.map((finding) => findingHtml(finding, info(finding.ruleId), lines));
    yield `<section class="group" data-counts="${countsOf(findings).join(' ')}">\n<h2>${html(file)}</h2>\n<ol class="findings">\n${items.join('\n')}\n</ol>\n</section>\n`;
  }
  yield '</main>\n<main id="by-rule" hidden></main>\n';
  yield pageEnd();
}

function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.file);
    if (group) group.push(finding);
    else groups.set(finding.file, [finding]);
  }
  return groups;
}

/** Unsuppressed errors, warnings, notes, then suppressed ones: what the filters add up. */
function countsOf(findings: readonly Finding[]): number[] {
  const counts = [0, 0, 0, 0, 0, 0];
  for (const finding of findings) {
    const index = SEVERITIES.indexOf(finding.severity) + (finding.suppression ? 3 : 0);
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts;
}

/** Hidden until the script shows them: without JavaScript the page lists every unsuppressed finding. */
function filtersHtml(findings: readonly Finding[]): string {
  const counts = countsOf(findings);
  const box = (name: Severity | 'suppressed', count: number, checked: boolean): string =>
    `<label><input type="checkbox" name="${name}"${checked ? ' checked' : ''}> ${name} (${count})</label>`;
  return [
    `<form id="filters" hidden data-counts="${counts.join(' ')}">`,
    `<fieldset><legend>Show</legend>${SEVERITIES.map((severity, index) => box(severity, counts[index] ?? 0, true)).join('')}${box('suppressed', (counts[3] ?? 0) + (counts[4] ?? 0) + (counts[5] ?? 0), false)}</fieldset>`,
    '<fieldset><legend>Group by</legend><label><input type="radio" name="group" id="group-file" checked> file</label><label><input type="radio" name="group" id="group-rule"> rule</label></fieldset>',
    '<span><output id="shown"></output> shown</span>',
    '</form>',
    '',
  ].join('\n');
}

function findingHtml(finding: Finding, info: RuleInfo, lines: readonly string[] | undefined): string {
  const suppressed = finding.suppression ? ` data-suppressed="${finding.suppression.via}"` : '';
  const where = [finding.object ? describeObject(finding.object) : '', finding.path].filter(Boolean).join(' › ');
  const parts = [
    `<li data-finding data-severity="${finding.severity}" data-rule="${html(finding.ruleId)}"${suppressed}>`,
    `<p class="head"><span class="sev ${finding.severity}">${finding.severity}</span> ${ruleLink(finding.ruleId, info)} <span class="pos">${html(`${finding.file}:${finding.line}:${finding.column}`)}</span></p>`,
    `<p class="msg">${html(finding.message)}</p>`,
  ];
  if (where) parts.push(`<p class="where">${html(where)}</p>`);
  const origin = [finding.source ? `from ${finding.source}` : '', finding.renderedBy ? `via ${finding.renderedBy.join(', ')}` : ''].filter(Boolean).join(' ');
  if (origin) parts.push(`<p class="extra">${html(origin)}</p>`);
  if (finding.suppression) parts.push(`<p class="extra">${html(`suppressed (${finding.suppression.via})${finding.suppression.reason ? `: ${finding.suppression.reason}` : ''}`)}</p>`);
  for (const related of finding.related ?? []) parts.push(`<p class="extra">${html(`↳ ${related.file}:${related.line}:${related.column} ${related.message}`)}</p>`);
  if (lines) parts.push(excerptHtml(lines, finding));
  parts.push('</li>');
  return parts.join('');
}
