import type { Finding, Severity } from '@k8s-lint/core';
import { ruleSummaryLines } from '../src/formatters/rule-summary';

function finding(ruleId: string, severity: Severity): Finding {
  return { ruleId, severity, message: 'm', file: 'a.yaml', line: 1, column: 1, endLine: 1, endColumn: 2, object: null, path: '', source: null, suppression: null };
}

describe('stylish per-rule summary', () => {
  test('groups by rule and severity: most severe first, then most frequent, then by id', () => {
    const findings = [
      finding('b-rule', 'warning'),
      finding('a-rule', 'warning'),
      finding('c-rule', 'note'),
      ...Array.from({ length: 12 }, () => finding('z-rule', 'warning')),
      finding('pss/x', 'error'),
      finding('pss/x', 'warning'),
    ];
    expect(ruleSummaryLines(findings, (_severity, text) => text)).toEqual([
      '  count  severity  rule',
      '      1  error     pss/x',
      '     12  warning   z-rule',
      '      1  warning   a-rule',
      '      1  warning   b-rule',
      '      1  warning   pss/x',
      '      1  note      c-rule',
      '',
    ]);
  });

  test('nothing when there is nothing to show', () => {
    expect(ruleSummaryLines([], (_severity, text) => text)).toEqual([]);
  });
});
