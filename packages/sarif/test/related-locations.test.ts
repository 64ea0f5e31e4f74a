import type { Finding, LintResult } from '@k8s-lint/core';
import { formatSarif, type SarifLog } from '@k8s-lint/sarif';

const BINDING: Finding = {
  ruleId: 'rbac-cluster-admin-binding',
  severity: 'error',
  message: 'binds ClusterRole "superuser" to User "alice"',
  file: 'rbac/bindings.yaml',
  line: 8,
  column: 3,
  endLine: 8,
  endColumn: 18,
  object: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', namespace: null, name: 'superusers' },
  path: 'roleRef.name',
  source: null,
  suppression: null,
};

function resultOf(findings: Finding[]): LintResult {
  return {
    summary: { files: 1, objects: findings.length, skipped: 0, findings: findings.length, errors: findings.length, warnings: 0, notes: 0, suppressed: 0 },
    files: ['rbac/bindings.yaml'],
    findings,
    rules: [],
  };
}

describe('formatSarif: relatedLocations', () => {
  test('one location per related place, ids from 1, standard input and empty regions handled like locations', () => {
    const related = [
      { file: 'rbac/roles.yaml', line: 9, column: 5, endLine: 9, endColumn: 21, message: 'rule 1 of ClusterRole "superuser" grants "*"' },
      { file: '<stdin>', line: 3, column: 7, endLine: 3, endColumn: 7, message: '' },
    ];
    const log = JSON.parse(formatSarif(resultOf([{ ...BINDING, related }]))) as SarifLog;
    expect(log.runs[0]?.results?.[0]?.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: { artifactLocation: { uri: 'rbac/roles.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 9, startColumn: 5, endLine: 9, endColumn: 21 } },
        message: { text: 'rule 1 of ClusterRole "superuser" grants "*"' },
      },
      {
        id: 2,
        physicalLocation: { artifactLocation: { uri: 'stdin', description: { text: 'Standard input' } }, region: { startLine: 3, startColumn: 7, endLine: 3, endColumn: 8 } },
        message: { text: 'related location' },
      },
    ]);
  });

  test('a finding without related places has no relatedLocations', () => {
    const log = JSON.parse(formatSarif(resultOf([BINDING, { ...BINDING, line: 20, related: [] }]))) as SarifLog;
    expect(log.runs[0]?.results?.map((result) => result.relatedLocations)).toEqual([undefined, undefined]);
  });
});
