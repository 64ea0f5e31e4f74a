/**
 * Workloads in custom resources (issue 15), through the committed bundle: their pods get every
 * pod and container rule at exact positions, and a kind k8s-lint does not know is linted by its
 * shape with a note saying so.
 */
import { BUNDLE, lint, tempDir, writeTree } from '../guarantees/helpers';
import type { JsonFinding } from '../helpers/json-report';

// The example: this gave "No problems".
const ROLLOUT = `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: web
  namespace: shop
spec:
  strategy:
    canary: {}
  template:
    spec:
      hostNetwork: true
      containers:
        - name: app
          image: nginx:1.27
          securityContext:
            privileged: true
`;

const WORKFLOW = `apiVersion: argoproj.io/v1alpha1
kind: CronWorkflow
metadata:
  name: backup
  namespace: ops
spec:
  schedule: "@daily"
  workflowSpec:
    templates:
      - name: dump
        script:
          image: postgres:16
          source: pg_dumpall
          securityContext:
            privileged: true
`;

const CUSTOM = `apiVersion: example.com/v1
kind: Worker
metadata:
  name: crawler
  namespace: ops
spec:
  template:
    spec:
      hostPID: true
      containers:
        - name: crawl
          image: crawler:1
`;

function findings(cwd: string, rules: readonly string[]): string[] {
  const run = lint(['.', '--format', 'json'], { cwd, entry: BUNDLE });
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as { findings: JsonFinding[] };
  return report.findings
    .filter((f) => rules.includes(f.ruleId))
    .map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.object?.kind ?? ''}/${f.object?.name ?? ''} ${f.path ?? ''}`);
}

describe('pod templates of custom resources', () => {
  test('a Rollout with hostNetwork and a privileged container, a CronWorkflow step and an unknown kind are reported where they say it', () => {
    const cwd = writeTree(tempDir('crd-workloads'), { 'rollout.yaml': ROLLOUT, 'backup.yaml': WORKFLOW, 'worker.yaml': CUSTOM });
    expect(findings(cwd, ['privileged-container', 'host-namespaces', 'workload-kind-inferred'])).toEqual([
      'backup.yaml:15:13 error privileged-container CronWorkflow/backup spec.workflowSpec.templates[0].script.securityContext.privileged',
      'rollout.yaml:11:7 error host-namespaces Rollout/web spec.template.spec.hostNetwork',
      'rollout.yaml:16:13 error privileged-container Rollout/web spec.template.spec.containers[0].securityContext.privileged',
      'worker.yaml:2:1 note workload-kind-inferred Worker/crawler kind',
      'worker.yaml:9:7 error host-namespaces Worker/crawler spec.template.spec.hostPID',
    ]);
  });

  test('a kind declared under workloads: is read at its podSpecPath, and the inferred note goes away', () => {
    const runner = `apiVersion: example.com/v1
kind: Runner
metadata:
  name: r
  namespace: ops
spec:
  podSpec:
    containers:
      - name: main
        securityContext: { privileged: true }
`;
    const cwd = writeTree(tempDir('crd-workloads-declared'), {
      '.k8s-lint.yaml': 'workloads:\n  - { apiVersion: example.com/v1, kind: Worker, podSpecPath: spec.template.spec }\n  - { apiVersion: example.com/v1, kind: Runner, podSpecPath: spec.podSpec }\n',
      'worker.yaml': CUSTOM,
      'runner.yaml': runner,
    });
    expect(findings(cwd, ['privileged-container', 'host-namespaces', 'workload-kind-inferred'])).toEqual([
      'runner.yaml:10:28 error privileged-container Runner/r spec.podSpec.containers[0].securityContext.privileged',
      'worker.yaml:9:7 error host-namespaces Worker/crawler spec.template.spec.hostPID',
    ]);
  });
});
