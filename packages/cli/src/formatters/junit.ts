import { escapeControls, LONE_SURROGATE, type Finding, type LintResult } from '@k8s-lint/core';
import { describeWhere } from './describe';

/**
 * What XML 1.0 cannot carry besides the C0 controls (which escapeControls handles): U+FFFE,
 * U+FFFF and unpaired surrogates.
 */
const NOT_XML = new RegExp(`[\\uFFFE\\uFFFF]|${LONE_SURROGATE}`, 'g');

/**
 * Text for an attribute or an element. Control, bidi and separator characters are shown escaped
 * (`\x1b`, `\u202e`), as in the terminal formats: XML 1.0 cannot carry most C0 controls at all,
 * a parser turns a raw TAB, LF or CR in an attribute into a space, and CI pages show these
 * reports to people.
 */
function escapeXml(text: string): string {
  return escapeControls(text)
    .replace(NOT_XML, (character) => `\\u${character.charCodeAt(0).toString(16)}`)
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
    // Appended in place: copying the group for each finding took minutes for 50,000 findings in one file.
    if (finding.suppression) continue;
    const group = byFile.get(finding.file);
    if (group) group.push(finding);
    else byFile.set(finding.file, [finding]);
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
