/**
 * GitHub's SARIF upload limits (see README, "GitHub code scanning"): a log is cut to 25,000
 * results and to 10 MB gzip-compressed, keeping the most severe results in report order, and
 * the run says what was left out; a log that fits is not touched. The streamed text is the text
 * of the log object.
 */
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Finding, LintResult, RuleMeta } from '@k8s-lint/core';
import { formatSarif, GITHUB_LIMITS, sarifChunks, toSarifLog, type SarifLog } from '@k8s-lint/sarif';
import { describeValidation, validateSarif, validateSarifSchema } from '../../../test/helpers/sarif-validator';

function meta(id: string, tags: string[] = []): RuleMeta {
  return { id, title: id, description: `Reports ${id}.`, severity: 'warning', category: 'pod-security', tags, help: 'Fix it.', references: [] };
}

/** `count` findings in report order, one file each; severities and suppressions as `kind` says. */
function findings(count: number, kind: (index: number) => Pick<Finding, 'severity' | 'suppression'>, message: (index: number) => string): Finding[] {
  return Array.from({ length: count }, (_, index) => ({
    ruleId: 'some-rule',
    message: message(index),
    file: `deploy/f-${String(index).padStart(6, '0')}.yaml`,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    object: { apiVersion: 'v1', kind: 'Pod', namespace: null, name: `p${index}` },
    path: 'spec',
    source: null,
    ...kind(index),
  }));
}

function resultOf(list: Finding[], tags: string[] = []): LintResult {
  const open = list.filter((finding) => !finding.suppression);
  return {
    summary: {
      files: list.length,
      objects: list.length,
      skipped: 0,
      findings: open.length,
      errors: open.filter((finding) => finding.severity === 'error').length,
      warnings: open.filter((finding) => finding.severity === 'warning').length,
      notes: open.filter((finding) => finding.severity === 'note').length,
      suppressed: list.length - open.length,
    },
    files: list.map((finding) => finding.file),
    findings: list,
    rules: [{ meta: meta('some-rule', tags), severity: 'warning' }],
  };
}

const names = (log: SarifLog): string[] => (log.runs[0]?.results ?? []).map((result) => result.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '');

describe('GitHub upload limits', () => {
  test('past 25,000 results: the most severe, unsuppressed first, in report order; the run says what was left out', () => {
    // Notes first in report order, then suppressed errors, then warnings, then errors.
    const list = findings(
      30_000,
      (index) =>
        index < 10_000
          ? { severity: 'note', suppression: null }
          : index < 12_000
            ? { severity: 'error', suppression: { via: 'comment', reason: null } }
            : index < 29_000
              ? { severity: 'warning', suppression: null }
              : { severity: 'error', suppression: null },
      () => 'short',
    );
    const result = resultOf(list);
    const text = formatSarif(result);
    const log = JSON.parse(text) as SarifLog;
    // 1,000 errors, 17,000 warnings, then the first 7,000 notes; suppressed ones last.
    const expected = list.filter((_, index) => index < 7_000 || index >= 12_000).map((finding) => encodeURI(finding.file));
    expect(names(log)).toEqual(expected);
    expect(log.runs[0]?.invocations?.[0]?.toolExecutionNotifications).toEqual([
      {
        descriptor: { id: 'github-results-limit' },
        level: 'warning',
        message: {
          text: 'GitHub code scanning rejects a run of more than 25000 results: this log keeps the 25000 most severe findings (unsuppressed first, then error, warning, note, in report order) and leaves out 5000 findings (0 errors, 0 warnings, 3000 notes; 2000 suppressed).',
        },
      },
    ]);
    expect(log.runs[0]?.properties).toEqual({ findings: 30_000, resultsOmitted: 5_000 });
    expect([...sarifChunks(result)].join('')).toBe(text);
    expect(toSarifLog(result)).toEqual(log);
  });

  test('past 10 MB compressed: fewer results, the most severe, and the run says how many were left out', () => {
    // Incompressible messages of 1 KB: 16,000 results are some 13 MB compressed.
    const list = findings(16_000, (index) => ({ severity: index % 4 === 0 ? 'error' : 'warning', suppression: null }), () => randomBytes(768).toString('base64'));
    const text = formatSarif(resultOf(list));
    const compressed = gzipSync(text).length;
    expect(compressed).toBeLessThanOrEqual(GITHUB_LIMITS.gzipBytes);
    expect(compressed).toBeGreaterThan(GITHUB_LIMITS.gzipBytes * 0.8);
    const log = JSON.parse(text) as SarifLog;
    const results = log.runs[0]?.results ?? [];
    const errors = list.filter((finding) => finding.severity === 'error');
    expect(results.length).toBeLessThan(16_000);
    expect(results.length).toBeGreaterThan(errors.length);
    // Every error, then the first warnings in report order, written in report order.
    const warningsKept = results.length - errors.length;
    const lastWarning = list.filter((finding) => finding.severity === 'warning')[warningsKept - 1];
    expect(names(log)).toEqual(list.filter((finding) => finding.severity === 'error' || finding.file <= (lastWarning?.file ?? '')).map((finding) => finding.file));
    const notifications = log.runs[0]?.invocations?.[0]?.toolExecutionNotifications ?? [];
    expect(notifications).toEqual([
      {
        descriptor: { id: 'github-size-limit' },
        level: 'warning',
        message: {
          text: `GitHub code scanning rejects a SARIF file larger than 10 MB compressed: this log keeps the ${results.length} most severe findings that fit (in the same order) and leaves out ${16_000 - results.length} findings (0 errors, ${16_000 - results.length} warnings, 0 notes; 0 suppressed).`,
        },
      },
    ]);
  });

  test('a log within the limits says nothing about limits, and rules keep at most 10 tags', () => {
    const tags = Array.from({ length: 15 }, (_, index) => `tag-${index}`);
    const log = JSON.parse(formatSarif(resultOf(findings(3, () => ({ severity: 'error', suppression: null }), () => 'm'), tags))) as SarifLog;
    expect(log.runs[0]?.invocations).toEqual([{ executionSuccessful: true }]);
    expect(log.runs[0]?.properties).toBeUndefined();
    expect(log.runs[0]?.tool.driver.rules?.[0]?.properties?.tags).toEqual([...tags.slice(0, 10)]);
  });

  test('a cut log passes the SARIF 2.1.0 schema, and Sarif.Multitool where it can read it', () => {
    // The multitool reads files of at most 10,000 KB: a log cut to 25,000 results is checked against the schema only.
    const big = formatSarif(resultOf(findings(25_010, () => ({ severity: 'warning', suppression: null }), () => 'm')));
    expect(validateSarifSchema(big)).toEqual([]);
    const small = resultOf(findings(20, () => ({ severity: 'warning', suppression: null }), () => 'm'));
    const capped = { ...small, summary: { ...small.summary, findings: 30, warnings: 30, omitted: 10 }, maxFindings: 20 };
    const text = formatSarif(capped);
    expect((JSON.parse(text) as SarifLog).runs[0]?.invocations?.[0]?.toolExecutionNotifications?.map((notification) => notification.descriptor?.id)).toEqual(['max-findings']);
    const validation = validateSarif(text);
    const report = describeValidation(validation);
    expect({ schemaErrors: validation.schemaErrors, multitoolErrors: validation.multitoolErrors, report }).toEqual({ schemaErrors: [], multitoolErrors: [], report });
  });
});
