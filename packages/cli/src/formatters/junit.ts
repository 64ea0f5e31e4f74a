import type { Finding, LintResult } from '@k8s-lint/core';
import { describeWhere } from './describe';

function escapeXml(text: string): string {
  // Characters XML 1.0 cannot carry at all are dropped; the rest are escaped.
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function testCase(finding: Finding): string {
  const where = describeWhere(finding);
  const name = `${finding.ruleId}${where ? `: ${where}` : ''}`;
  const body = `${finding.file}:${finding.line}:${finding.column}: ${finding.severity}: ${finding.message}`;
  return [
    `    <testcase classname="${escapeXml(finding.file)}" name="${escapeXml(name)}">`,
    `      <failure type="${finding.severity}" message="${escapeXml(finding.message)}">${escapeXml(body)}</failure>`,
    '    </testcase>',
  ].join('\n');
}

/**
 * JUnit XML for CI test reports: one test suite per linted file, one failed test case per
 * unsuppressed finding, and a passing case for a file without findings.
 */
export function formatJunit(result: LintResult): string {
  const byFile = new Map<string, Finding[]>(result.files.map((file) => [file, []]));
  for (const finding of result.findings) {
    if (!finding.suppression) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  }
  const suites = [...byFile].map(([file, findings]) => {
    const cases = findings.length > 0 ? findings.map(testCase) : [`    <testcase classname="${escapeXml(file)}" name="k8s-lint"/>`];
    return [
      `  <testsuite name="${escapeXml(file)}" tests="${Math.max(1, findings.length)}" failures="${findings.length}" errors="0">`,
      ...cases,
      '  </testsuite>',
    ].join('\n');
  });
  const tests = [...byFile.values()].reduce((sum, findings) => sum + Math.max(1, findings.length), 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="k8s-lint" tests="${tests}" failures="${result.summary.findings}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
