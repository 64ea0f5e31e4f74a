/**
 * The worked example of custom rules (examples/custom-rules): its expected output is what the
 * committed bundle prints for it, and each finding is at the stated rule, object, line and column.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE, lint, REPO_ROOT, type JsonFinding } from '../guarantees/helpers';

const EXAMPLE = path.join(REPO_ROOT, 'examples', 'custom-rules');

test('examples/custom-rules prints its expected-output.txt and exits 1', () => {
  const run = lint(['examples/custom-rules'], { cwd: REPO_ROOT, entry: BUNDLE });
  expect(run.stderr).toBe('');
  expect(run.stdout).toBe(readFileSync(path.join(EXAMPLE, 'expected-output.txt'), 'utf8'));
  expect(run.status).toBe(1);
});

test('examples/custom-rules: each custom rule fails once, in checkout.yaml, at its field; payments.yaml passes', () => {
  const run = lint(['examples/custom-rules', '--format', 'json'], { cwd: REPO_ROOT, entry: BUNDLE });
  const findings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
  expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.severity} ${f.object?.kind} ${f.object?.namespace}/${f.object?.name} ${f.path}`)).toEqual([
    'examples/custom-rules/manifests/checkout.yaml:5:1 custom/owner-label warning Deployment orders/checkout metadata',
    'examples/custom-rules/manifests/checkout.yaml:16:7 custom/service-account-exists error Deployment orders/checkout spec.template.spec.serviceAccountName',
    'examples/custom-rules/manifests/checkout.yaml:36:11 custom/allowed-registry error Deployment orders/checkout spec.template.spec.containers[1].image',
  ]);
});
