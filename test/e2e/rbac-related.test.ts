/**
 * A binding to a role that is cluster-admin in all but name names the role rule that grants it:
 * JSON `related`, SARIF `relatedLocations` (valid for GitHub) and a stylish continuation line,
 * through the committed bundle; with `--kustomize` the related place is in the source file.
 */
import { existsSync } from 'node:fs';
import { describeValidation, validateSarif } from '../helpers/sarif-validator';
import { BUNDLE, describeIf, jsonFindings, kubectlOnPath, lint, tempDir, writeTree, type JsonFinding } from '../guarantees/helpers';

type RelatedFinding = JsonFinding & { related?: Array<{ file: string; line: number; column: number; endLine: number; endColumn: number; message: string }> };

const ROLES = [
  'apiVersion: rbac.authorization.k8s.io/v1',
  'kind: ClusterRole',
  'metadata:',
  '  name: superuser',
  'rules:',
  '  - apiGroups: [""]',
  '    resources: ["configmaps"]',
  '    verbs: ["get"]',
  '  - apiGroups: ["*"]',
  '    resources: ["*"]',
  '    verbs: ["*"]',
  '',
].join('\n');

const BINDINGS = [
  'apiVersion: rbac.authorization.k8s.io/v1',
  'kind: ClusterRoleBinding',
  'metadata:',
  '  name: superusers',
  'roleRef:',
  '  apiGroup: rbac.authorization.k8s.io',
  '  kind: ClusterRole',
  '  name: superuser',
  'subjects:',
  '  - kind: User',
  '    name: alice',
  '',
].join('\n');

const MESSAGE = 'binds ClusterRole "superuser" to User "alice", and rule 1 of ClusterRole "superuser" grants every verb on every resource in every API group, like "cluster-admin": full control of the whole cluster';
const RELATED_MESSAGE = 'rule 1 of ClusterRole "superuser" grants "*" on "*" resources in "*" API groups';
// rbac/roles.yaml line 9 is `  - apiGroups: ["*"]`: rule 1 starts at column 5.
const RELATED = { file: 'rbac/roles.yaml', line: 9, column: 5, endLine: 9, endColumn: 21, message: RELATED_MESSAGE };

function repository(): string {
  return writeTree(tempDir('rbac-related'), { 'rbac/roles.yaml': ROLES, 'rbac/bindings.yaml': BINDINGS });
}

describe('related locations of RBAC findings (committed bundle)', () => {
  test('JSON: the binding finding lists the granting rule in the role file', () => {
    expect(existsSync(BUNDLE)).toBe(true);
    expect(ROLES.split('\n')[8]).toBe('  - apiGroups: ["*"]');
    const run = lint(['.', '--format', 'json'], { cwd: repository(), entry: BUNDLE });
    expect(run.status).toBe(1);
    const findings = jsonFindings(run.stdout) as RelatedFinding[];
    const binding = findings.filter((f) => f.ruleId === 'rbac-cluster-admin-binding');
    expect(binding.map((f) => ({ file: f.file, line: f.line, column: f.column, path: f.path, message: f.message, related: f.related }))).toEqual([
      { file: 'rbac/bindings.yaml', line: 8, column: 3, path: 'roleRef.name', message: MESSAGE, related: [RELATED] },
    ]);
    // Findings that point nowhere else have no `related` field at all.
    expect(findings.filter((f) => f.ruleId !== 'rbac-cluster-admin-binding').every((f) => !('related' in f))).toBe(true);
  });

  test('JSON: linting only the bindings file still points at the role, read as context', () => {
    const run = lint(['rbac/bindings.yaml', '--format', 'json'], { cwd: repository(), entry: BUNDLE });
    expect(run.status).toBe(1);
    const findings = jsonFindings(run.stdout) as RelatedFinding[];
    expect(findings.map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column}`)).toEqual(['rbac-cluster-admin-binding rbac/bindings.yaml:8:3']);
    expect(findings[0]?.related).toEqual([RELATED]);
  });

  test('SARIF: relatedLocations with the role file, region and message, accepted by the schema and GitHub rules', () => {
    const run = lint(['.', '--format', 'sarif'], { cwd: repository(), entry: BUNDLE });
    expect(run.status).toBe(1);
    const validation = validateSarif(run.stdout);
    expect({ schemaErrors: validation.schemaErrors, multitoolErrors: validation.multitoolErrors, details: describeValidation(validation) }).toMatchObject({
      schemaErrors: [],
      multitoolErrors: [],
    });
    const log = JSON.parse(run.stdout) as { runs: Array<{ results: Array<{ ruleId: string; relatedLocations?: unknown[] }> }> };
    const results = log.runs[0]?.results ?? [];
    const binding = results.find((result) => result.ruleId === 'rbac-cluster-admin-binding');
    expect(binding?.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: { artifactLocation: { uri: 'rbac/roles.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 9, startColumn: 5, endLine: 9, endColumn: 21 } },
        message: { text: RELATED_MESSAGE },
      },
    ]);
    expect(results.filter((result) => result.ruleId !== 'rbac-cluster-admin-binding').every((result) => result.relatedLocations === undefined)).toBe(true);
  });

  test('stylish: a continuation line under the finding', () => {
    const run = lint(['rbac/bindings.yaml'], { cwd: repository(), entry: BUNDLE });
    expect(run.status).toBe(1);
    // In 80 columns: the rule on the first line, the message wrapped, then object, path and the related rule.
    expect(run.stdout.split('\n').slice(0, 8)).toEqual([
      'rbac/bindings.yaml',
      '  8:3  error    rbac-cluster-admin-binding',
      '       binds ClusterRole "superuser" to User "alice", and rule 1 of ClusterRole',
      '       "superuser" grants every verb on every resource in every API group, like',
      '       "cluster-admin": full control of the whole cluster',
      '       ClusterRoleBinding superusers › roleRef.name',
      '       ↳ rbac/roles.yaml:9:5 rule 1 of ClusterRole "superuser" grants "*" on "*"',
      '         resources in "*" API groups',
    ]);
  });

  test('stylish: a role name with terminal escapes is shown escaped in the continuation line too', () => {
    const name = '"evil\\u001b]0;owned\\u0007"';
    const cwd = writeTree(tempDir('rbac-related-escapes'), {
      'roles.yaml': ROLES.replace('  name: superuser', `  name: ${name}`),
      'bindings.yaml': BINDINGS.replace('  name: superuser\n', `  name: ${name}\n`),
    });
    const run = lint(['.'], { cwd, entry: BUNDLE });
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('\u001b');
    expect(run.stdout).not.toContain('\u0007');
    const related = run.stdout.split('\n').findIndex((line) => line.includes('↳'));
    expect(run.stdout.split('\n').slice(related, related + 2)).toEqual([
      '       ↳ roles.yaml:9:5 rule 1 of ClusterRole "evil\\x1b]0;owned\\x07" grants "*"',
      '         on "*" resources in "*" API groups',
    ]);
  });
});

const kubectl = kubectlOnPath();

describeIf(kubectl !== null, 'related locations with --kustomize (real kubectl, committed bundle)', 'kubectl is not on the PATH')(() => {
  test('the related rule is placed in the source file of the rendered role', () => {
    const cwd = writeTree(tempDir('rbac-related-kustomize'), {
      'base/kustomization.yaml': 'resources:\n  - roles.yaml\n  - bindings.yaml\n',
      'base/roles.yaml': ROLES,
      'base/bindings.yaml': BINDINGS,
    });
    const run = lint(['.', '--kustomize', '--format', 'json'], { cwd, entry: BUNDLE });
    expect(run.status).toBe(1);
    const binding = (jsonFindings(run.stdout) as RelatedFinding[]).filter((f) => f.ruleId === 'rbac-cluster-admin-binding');
    expect(binding.map((f) => ({ file: f.file, line: f.line, column: f.column, related: f.related }))).toEqual([
      { file: 'base/bindings.yaml', line: 8, column: 3, related: [{ ...RELATED, file: 'base/roles.yaml' }] },
    ]);
  });
});
