/**
 * The repository's ValidatingAdmissionPolicies, through the committed bundle: the worked example
 * of examples/admission-policies gives its expected output; `vap/<policy>` findings are
 * configured through the family (`vap`), suppressed by member or family, recorded in baselines,
 * described in SARIF; policies of the repository apply to the files named alone.
 */
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE, lint, REPO_ROOT, tempDir, writeTree, type Run } from '../guarantees/helpers';
import type { JsonFinding } from '../helpers/json-report';

const EXAMPLE = 'examples/admission-policies';

function vapFindings(cwd: string, args: string[]): string[] {
  const run = lint([...args, '--format', 'json'], { cwd, entry: BUNDLE });
  if (run.status !== 0 && run.status !== 1) throw new Error(`exit ${String(run.status)}: ${run.stderr}`);
  const findings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
  return findings
    .filter((finding) => finding.ruleId.startsWith('vap'))
    .map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.ruleId} ${finding.path}${finding.suppression ? ` suppressed via ${finding.suppression.via}` : ''}`);
}

/** A copy of the worked example in a repository of its own (a `.git` directory). */
function exampleRepository(extra: Record<string, string> = {}): string {
  const root = tempDir('vap');
  mkdirSync(path.join(root, '.git'));
  cpSync(path.join(REPO_ROOT, EXAMPLE), root, { recursive: true });
  return writeTree(root, extra);
}

const WEB_FINDINGS = [
  'apps/web.yaml:4:1 error vap/image-matches-namespace-environment.policy.example.com metadata',
  'apps/web.yaml:4:1 warning vap/required-labels.example.com metadata.labels',
  'apps/web.yaml:8:3 error vap/replicalimit-policy.example.com spec.replicas',
];

describe('examples/admission-policies', () => {
  it('gives the expected output (expected-output.txt), exit 1', () => {
    const run: Run = lint([EXAMPLE], { cwd: REPO_ROOT, entry: BUNDLE });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(readFileSync(path.join(REPO_ROOT, EXAMPLE, 'expected-output.txt'), 'utf8'));
  });

  it('applies the policies of the repository to a file named alone (context), and reports nothing on context files', () => {
    const root = exampleRepository();
    expect(vapFindings(root, ['apps/web.yaml'])).toEqual(WEB_FINDINGS);
    // Without context the policies, bindings, params and Namespaces are not seen.
    expect(vapFindings(root, ['apps/web.yaml', '--no-context'])).toEqual([]);
  });

  it("reads the params of the context's own policies from the context too, in any namespace (a ConfigMap in another file)", () => {
    const policy = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: max-replicas
spec:
  paramKind: { apiVersion: v1, kind: ConfigMap }
  matchConstraints:
    resourceRules:
      - { apiGroups: ["apps"], apiVersions: ["v1"], operations: ["CREATE", "UPDATE"], resources: ["deployments"] }
  validations:
    - expression: "object.spec.replicas <= int(params.data.maxReplicas)"
      messageExpression: "'at most ' + params.data.maxReplicas + ' replicas'"
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: max-replicas
spec:
  policyName: max-replicas
  validationActions: [Deny]
  paramRef: { name: replica-limits, namespace: platform, parameterNotFoundAction: Deny }
`;
    const limits = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: replica-limits\n  namespace: platform\ndata:\n  maxReplicas: "2"\n';
    const web = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  replicas: 4\n';
    const root = tempDir('vap-params');
    mkdirSync(path.join(root, '.git'));
    writeTree(root, { 'a-config/limits.yaml': limits, 'policies/max-replicas.yaml': policy, 'apps/web.yaml': web });
    const run = lint(['apps/web.yaml', '--format', 'json'], { cwd: root, entry: BUNDLE });
    const findings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings.filter((finding) => finding.ruleId.startsWith('vap'));
    expect(findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId} ${finding.message}`)).toEqual([
      "apps/web.yaml:7:3 vap/max-replicas ValidatingAdmissionPolicy 'max-replicas' with binding 'max-replicas' denied request: at most 2 replicas",
    ]);
  });

  it('SARIF: one descriptor per vap/<policy> id, described by the family', () => {
    const run = lint([EXAMPLE, '--format', 'sarif'], { cwd: REPO_ROOT, entry: BUNDLE });
    const log = JSON.parse(run.stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }> } }; results: Array<{ ruleId: string; ruleIndex: number }> }> };
    const [sarifRun] = log.runs;
    const rules = sarifRun?.tool.driver.rules ?? [];
    expect(rules.filter((rule) => rule.id.startsWith('vap/')).map((rule) => `${rule.id} ${rule.defaultConfiguration.level}`)).toEqual([
      'vap/image-matches-namespace-environment.policy.example.com error',
      'vap/replicalimit-policy.example.com error',
      'vap/required-labels.example.com warning',
    ]);
    for (const result of sarifRun?.results ?? []) expect(rules[result.ruleIndex]?.id).toBe(result.ruleId);
    expect(rules.find((rule) => rule.id === 'vap/replicalimit-policy.example.com')?.shortDescription.text).toBe('Object denied by a ValidatingAdmissionPolicy of the repository: replicalimit-policy.example.com');
  });
});

describe('vap/<policy> findings: configuration, suppressions, baselines', () => {
  it('rules: { vap: off } turns every policy off; overrides may set the family for some files', () => {
    expect(vapFindings(exampleRepository({ '.k8s-lint.yaml': 'rules:\n  vap: off\n' }), ['apps/web.yaml'])).toEqual([]);
    const overridden = exampleRepository({ '.k8s-lint.yaml': 'overrides:\n  - files: ["apps/web.yaml"]\n    rules:\n      vap: note\n' });
    expect(vapFindings(overridden, ['.'])).toEqual([
      'apps/storefront.yaml:4:1 warning vap/required-labels.example.com metadata.labels',
      ...WEB_FINDINGS.map((line) => line.replace(/ (error|warning) /, ' note ')),
    ]);
  });

  it('the ignore annotation names one policy (vap/<policy>) or all (vap); a disable comment too', () => {
    const web = readFileSync(path.join(REPO_ROOT, EXAMPLE, 'apps/web.yaml'), 'utf8');
    const annotated = (value: string): string => web.replace('  namespace: test\n', `  namespace: test\n  annotations:\n    k8s-lint.io/ignore: "${value}"\n`);
    const one = exampleRepository({ 'apps/web.yaml': annotated('vap/required-labels.example.com') });
    expect(vapFindings(one, ['apps/web.yaml'])).toEqual([
      'apps/web.yaml:4:1 error vap/image-matches-namespace-environment.policy.example.com metadata',
      'apps/web.yaml:4:1 warning vap/required-labels.example.com metadata.labels suppressed via annotation',
      'apps/web.yaml:10:3 error vap/replicalimit-policy.example.com spec.replicas',
    ]);
    const all = exampleRepository({ 'apps/web.yaml': annotated('vap') });
    expect(vapFindings(all, ['apps/web.yaml']).every((line) => line.endsWith('suppressed via annotation'))).toBe(true);
    const commented = exampleRepository({ 'apps/web.yaml': web.replace('  replicas: 5\n', '  # k8s-lint-disable-next-line vap/replicalimit-policy.example.com\n  replicas: 5\n') });
    expect(vapFindings(commented, ['apps/web.yaml'])).toContain('apps/web.yaml:9:3 error vap/replicalimit-policy.example.com spec.replicas suppressed via comment');
  });

  it('a baseline records and accepts each vap/<policy> finding', () => {
    const root = exampleRepository();
    lint(['apps/web.yaml', '--write-baseline', 'baseline.json'], { cwd: root, entry: BUNDLE });
    expect(readFileSync(path.join(root, 'baseline.json'), 'utf8')).toContain('vap/replicalimit-policy.example.com');
    expect(vapFindings(root, ['apps/web.yaml', '--baseline', 'baseline.json'])).toEqual(WEB_FINDINGS.map((line) => `${line} suppressed via baseline`));
  });
});
