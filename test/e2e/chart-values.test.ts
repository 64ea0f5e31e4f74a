/**
 * Chart values in GitOps objects, through the committed bundle: a finding inside an Argo CD
 * `helm.values` string is at its line and column in the file, is suppressed by a disable comment
 * inside the string, and is never reported when the Application is only context.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE, lint, tempDir, writeTree } from '../guarantees/helpers';
import type { JsonReport } from '../helpers/json-report';

const ARGO_APPS = `apiVersion: argoproj.io/v1alpha1
kind: AppProject
metadata:
  name: platform
  namespace: argocd
spec:
  sourceRepos: ["https://charts.example.com"]
---
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: node-agent
  namespace: argocd
spec:
  project: platform
  destination: { server: https://kubernetes.default.svc, namespace: agents }
  source:
    repoURL: https://charts.example.com
    chart: node-agent
    targetRevision: 2.0.1
    helm:
      values: |
        agent:
          hostPID: true
          # k8s-lint-disable-next-line chart-values-insecure -- reviewed: needs the node's network
          hostNetwork: true
`;

const ROLE_BINDING = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: deployers
  namespace: argocd
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: deployer }
subjects:
  - kind: Group
    name: deployers
    apiGroup: rbac.authorization.k8s.io
`;

function repository(): string {
  const root = tempDir('chart-values');
  mkdirSync(path.join(root, '.git'));
  return writeTree(root, { 'apps/argocd.yaml': ARGO_APPS, 'team/rbac.yaml': ROLE_BINDING });
}

function lintJson(cwd: string, args: string[]): JsonReport & { summary: { contextFiles?: number } } {
  const run = lint([...args, '--format', 'json'], { cwd, entry: BUNDLE });
  if (run.status !== 0 && run.status !== 1) throw new Error(`exit ${String(run.status)}: ${run.stderr}`);
  return JSON.parse(run.stdout) as JsonReport & { summary: { contextFiles?: number } };
}

describe('chart-values-insecure end to end', () => {
  it('reports inside the values string at its line and column; a disable comment in the string suppresses', () => {
    const report = lintJson(repository(), ['apps/argocd.yaml']);
    const findings = report.findings.filter((finding) => finding.ruleId === 'chart-values-insecure');
    expect(findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.path} suppressed=${String(finding.suppressed)}`)).toEqual([
      'apps/argocd.yaml:24:11 spec.source.helm.values.agent.hostPID suppressed=false',
      'apps/argocd.yaml:26:11 spec.source.helm.values.agent.hostNetwork suppressed=true',
    ]);
    expect(findings[0]?.message).toBe('values for chart "node-agent" set agent.hostPID: true (the pod sees and signals every process of the node)');
  });

  it('an Application read only as context (its file holds an AppProject) is not reported', () => {
    const report = lintJson(repository(), ['team/rbac.yaml']);
    expect(report.summary.contextFiles).toBe(1);
    expect(report.findings.filter((finding) => finding.ruleId === 'chart-values-insecure')).toEqual([]);
  });
});
