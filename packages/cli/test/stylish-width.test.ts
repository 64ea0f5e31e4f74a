import type { Finding, LintResult } from '@k8s-lint/core';
import { formatStylish } from '../src/formatters/stylish';
import { cutLeft, displayWidth, outputWidth, wrapWords } from '../src/formatters/wrap';

const LONG_PATH = 'spec.template.spec.initContainers[12].securityContext.capabilities.add[3]';

function result(finding: Finding): LintResult {
  const summary = { files: 1, objects: 1, skipped: 0, findings: 1, errors: 1, warnings: 0, notes: 0, suppressed: 0 };
  return { summary, files: [finding.file], findings: [finding], rules: [] };
}

const FINDING: Finding = {
  ruleId: 'dangerous-capabilities',
  severity: 'error',
  message: 'container "sidecar-with-a-long-name" adds capability SYS_ADMIN, which gives it most of the powers of root on the node',
  file: 'overlays/production/very/deep/directory/structure/of/the/repository/deployment.yaml',
  line: 120,
  column: 17,
  endLine: 120,
  endColumn: 26,
  object: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'payments', name: 'checkout-api' },
  path: LONG_PATH,
  source: 'chart/templates/deployment.yaml',
  suppression: null,
  renderedBy: ['overlays/production', 'overlays/staging'],
  related: [{ file: 'rbac/roles.yaml', line: 9, column: 5, endLine: 9, endColumn: 6, message: 'rule 1 of ClusterRole "superuser" grants "*" on "*" resources in "*" API groups' }],
};

describe('stylish fits its width', () => {
  test('one finding with a long path and a long message, in 80 columns', () => {
    expect(formatStylish(result(FINDING), { color: false, width: 80 })).toBe(
      [
        'overlays/production/very/deep/directory/structure/of/the/repository/',
        '  deployment.yaml',
        '  120:17  error    dangerous-capabilities',
        '          container "sidecar-with-a-long-name" adds capability SYS_ADMIN, which',
        '          gives it most of the powers of root on the node',
        '          Deployment payments/checkout-api › …capabilities.add[3]',
        '          (from chart/templates/deployment.yaml) via overlays/production,',
        '            overlays/staging',
        '          ↳ rbac/roles.yaml:9:5 rule 1 of ClusterRole "superuser" grants "*" on',
        '            "*" resources in "*" API groups',
        '',
        '  count  severity  rule',
        '      1  error     dangerous-capabilities',
        '',
        '✖ 1 problem (1 error, 0 warnings, 0 notes) in 1 file, 1 object',
        '',
      ].join('\n'),
    );
  });

  test('a wider width keeps the whole path; colours wrap around each line, never across one', () => {
    const wide = formatStylish(result(FINDING), { color: false, width: 120 }).split('\n');
    expect(wide[4]).toBe(`          Deployment payments/checkout-api › ${LONG_PATH}`);
    const coloured = formatStylish(result(FINDING), { color: true, width: 80 }).split('\n');
    expect(coloured[2]).toBe('  120:17  \u001b[31merror  \u001b[0m  \u001b[2mdangerous-capabilities\u001b[0m');
    expect(coloured[5]).toBe('          \u001b[2mDeployment payments/checkout-api › …capabilities.add[3]\u001b[0m');
    for (const line of coloured) expect(displayWidth(line)).toBeLessThanOrEqual(80);
  });

  test('control characters count as the escapes printed', () => {
    const escaped = formatStylish(result({ ...FINDING, message: `${'\u001b'.repeat(20)} x`, related: undefined }), { color: false, width: 40 });
    const lines = escaped.split('\n');
    expect(lines.filter((line) => line.includes('\\x1b'))).toEqual(['          \\x1b\\x1b\\x1b\\x1b\\x1b\\x1b\\x1b', '          \\x1b\\x1b\\x1b\\x1b\\x1b\\x1b\\x1b', '          \\x1b\\x1b\\x1b\\x1b\\x1b\\x1b x']);
    expect(lines.filter((line) => displayWidth(line) > 40)).toEqual([]);
  });
});

describe('wrap', () => {
  test('counts code points, wide characters twice, colour codes not at all', () => {
    expect(displayWidth('›…é')).toBe(3);
    expect(displayWidth('名前')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('\u001b[31merror\u001b[0m')).toBe(5);
  });

  test('breaks at spaces; a word wider than the line after a / or . in its second half, else anywhere', () => {
    expect(wrapWords('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrapWords('see registry.example.com/team/image:v1 now', 20, 2)).toEqual(['see', 'registry.example.', 'com/team/image:v1', 'now']);
    expect(wrapWords('aaaaaaaaaaaa', 5)).toEqual(['aaaaa', 'aaaaa', 'aa']);
    expect(wrapWords('名前名前名前', 5)).toEqual(['名前', '名前', '名前']);
  });

  test("keeps the text's own spaces, except at a break", () => {
    expect(wrapWords('  ::odd  name.yaml', 40)).toEqual(['  \\x3a:odd  name.yaml']);
    expect(wrapWords('one  two', 4)).toEqual(['one', 'two']);
  });

  test('a break never starts a line with a workflow command', () => {
    expect(wrapWords('see the ::error title=x::y', 10)).toEqual(['see the', '\\x3a:error', 'title=x::y']);
  });

  test('cuts from the left at a field boundary when one is near', () => {
    expect(cutLeft('spec.template.spec.containers[0].image', 38)).toBe('spec.template.spec.containers[0].image');
    expect(cutLeft('spec.template.spec.containers[0].image', 24)).toBe('…containers[0].image');
    expect(cutLeft('abcdefghij', 5)).toBe('…ghij');
  });

  test('width: the terminal, else COLUMNS, else 80; never under 40', () => {
    expect(outputWidth({ isTTY: true, columns: 132 }, { COLUMNS: '100' })).toBe(132);
    expect(outputWidth({ isTTY: false, columns: 132 }, { COLUMNS: '100' })).toBe(100);
    expect(outputWidth({}, {})).toBe(80);
    expect(outputWidth({}, { COLUMNS: 'wide' })).toBe(80);
    expect(outputWidth({ isTTY: true, columns: 20 }, {})).toBe(40);
  });
});
