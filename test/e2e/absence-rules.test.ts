/**
 * Absence rules (issue 14), through the committed bundle: the rules that report objects missing
 * from the repository are off by default and on when configured; namespace-level absences are
 * reported at a stable place (the Namespace object, else the first workload by kind and name),
 * which renaming or reordering files does not move, and never at another namespace's object.
 */
import { BUNDLE, lint, tempDir, writeTree } from '../guarantees/helpers';
import type { JsonFinding } from '../helpers/json-report';

const ABSENCE_RULES = ['network-policy-selects-nothing', 'rbac-missing-role', 'service-selector-matches-nothing'];

const deployment = (name: string, namespace: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  template:
    metadata:
      labels: { app: ${name} }
    spec:
      containers: [{ name: app, image: "${name}:1" }]
`;

// Each object points at something that lives elsewhere: pods, a role.
const ELSEWHERE = `apiVersion: v1
kind: Service
metadata:
  name: operator-managed
  namespace: shop
spec:
  selector: { app: made-by-an-operator }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: chart-pods
  namespace: shop
spec:
  podSelector:
    matchLabels: { app: installed-elsewhere }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: reader
  namespace: shop
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: created-by-a-chart }
subjects: [{ kind: ServiceAccount, name: web, namespace: shop }]
`;

function findings(cwd: string, rules?: readonly string[]): string[] {
  const run = lint(['.', '--format', 'json'], { cwd, entry: BUNDLE });
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as { findings: JsonFinding[] };
  return report.findings
    .filter((f) => !rules || rules.includes(f.ruleId))
    .map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.object?.kind ?? ''}/${f.object?.name ?? ''} ${f.path ?? ''}`);
}

describe('absence rules are off by default', () => {
  test('a default run reports none of them; a severity in .k8s-lint.yaml turns each on', () => {
    const cwd = writeTree(tempDir('absence-off'), { 'shop/web.yaml': deployment('web', 'shop'), 'shop/elsewhere.yaml': ELSEWHERE });
    expect(findings(cwd, ABSENCE_RULES)).toEqual([]);
    writeTree(cwd, { '.k8s-lint.yaml': `rules:\n${ABSENCE_RULES.map((id) => `  ${id}: note\n`).join('')}` });
    expect(findings(cwd, ABSENCE_RULES)).toEqual([
      'shop/elsewhere.yaml:7:3 service-selector-matches-nothing Service/operator-managed spec.selector',
      'shop/elsewhere.yaml:15:3 network-policy-selects-nothing NetworkPolicy/chart-pods spec.podSelector',
      'shop/elsewhere.yaml:23:61 rbac-missing-role RoleBinding/reader roleRef.name',
    ]);
  });
});

describe('missing-default-deny stays where it is', () => {
  const rule = ['missing-default-deny'];

  test('swapping the path order of two files gives the same object', () => {
    const forward = writeTree(tempDir('absence-forward'), { 'a.yaml': deployment('api', 'shop'), 'b.yaml': deployment('worker', 'shop') });
    const swapped = writeTree(tempDir('absence-swapped'), { 'a.yaml': deployment('worker', 'shop'), 'b.yaml': deployment('api', 'shop') });
    expect(findings(forward, rule)).toEqual([
      'a.yaml:5:3 missing-default-deny Deployment/api metadata.namespace',
      'a.yaml:5:3 missing-default-deny Deployment/api metadata.namespace',
    ]);
    expect(findings(swapped, rule)).toEqual([
      'b.yaml:5:3 missing-default-deny Deployment/api metadata.namespace',
      'b.yaml:5:3 missing-default-deny Deployment/api metadata.namespace',
    ]);
  });

  test('the Namespace object when it is in the set, however its file sorts', () => {
    const namespace = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';
    const cwd = writeTree(tempDir('absence-namespace'), { 'a.yaml': deployment('api', 'shop'), 'z/namespace.yaml': namespace });
    expect(findings(cwd, rule)).toEqual([
      'z/namespace.yaml:4:3 missing-default-deny Namespace/shop metadata.name',
      'z/namespace.yaml:4:3 missing-default-deny Namespace/shop metadata.name',
    ]);
  });
});

describe('istio-mtls-not-strict without a mesh-wide policy', () => {
  test('namespace "web" is reported in "web", not at the STRICT policy of "payments"', () => {
    const payments = `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: payments
spec:
  mtls:
    mode: STRICT
`;
    const route = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: web
  namespace: web
spec:
  hosts: [web]
`;
    const cwd = writeTree(tempDir('absence-istio'), { 'a-payments.yaml': payments, 'web/route.yaml': route, 'web/web.yaml': deployment('web', 'web') });
    expect(findings(cwd, ['istio-mtls-not-strict'])).toEqual(['web/web.yaml:5:3 istio-mtls-not-strict Deployment/web metadata.namespace']);
  });
});
