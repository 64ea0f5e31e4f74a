import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeValidation, validateSarif } from '../helpers/sarif-validator';
import { REPO_ROOT, runCli } from '../helpers/cli';
import type { JsonReport } from '../helpers/json-report';

function json(args: string[], options: Parameters<typeof runCli>[1] = {}): { status: number | null; report: JsonReport; stderr: string } {
  const run = runCli([...args, '--format', 'json'], options);
  return { status: run.status, report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
}

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'k8s-lint-e2e-'));
}

describe('k8s-lint on examples/', () => {
  test('stylish report: grouped by file, object and field path shown, summary, exit 1', () => {
    const run = runCli(['examples/']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('examples/bad/web-deployment.yaml\n');
    // examples/bad's Namespace enforces restricted: the privileged field is reported once, by pss/privileged.
    // In 80 columns: the rule on the first line, the message wrapped below, the path cut from the left.
    expect(run.stdout).toContain(
      [
        '  30:13  error    pss/privileged',
        '         namespace "shop" would reject the pods of this Deployment: violates',
        '         PodSecurity "restricted:latest": privileged (container "app" must not',
        '         set securityContext.privileged=true) — reported here for',
        '         privileged-container too',
        '         Deployment shop/web › …spec.containers[0].securityContext.privileged\n',
      ].join('\n'),
    );
    expect(run.stdout).toContain('(from shop/templates/cronjob.yaml)');
    expect(run.stdout).toMatch(
      /\n✖ \d+ problems \(\d+ errors, \d+ warnings, \d+ notes\) in 56 files, 92 objects;\n {2}1 suppressed; 2 documents without apiVersion\/kind skipped;\n {2}25 custom resources without a known schema \(no CRD\) not validated\n$/,
    );
    expect(run.stdout).not.toContain('\u001b[');
  });

  test('JSON report follows the documented contract, sorted, with exact locations', () => {
    const { status, report } = json(['examples']);
    expect(status).toBe(1);
    expect(report.tool.name).toBe('k8s-lint');
    expect(Object.keys(report.summary)).toEqual(['files', 'objects', 'findings', 'errors', 'warnings', 'notes', 'suppressed', 'skipped', 'unvalidated']);
    expect(report.summary).toMatchObject({ files: 56, objects: 92, suppressed: 1, skipped: 2, unvalidated: 25 });
    expect(report.summary.findings).toBe(report.summary.errors + report.summary.warnings + report.summary.notes);
    const privileged = report.findings.find((f) => f.ruleId === 'pss/privileged' && f.file === 'examples/bad/web-deployment.yaml');
    expect(privileged).toEqual({
      ruleId: 'pss/privileged',
      severity: 'error',
      message: 'namespace "shop" would reject the pods of this Deployment: violates PodSecurity "restricted:latest": privileged (container "app" must not set securityContext.privileged=true) — reported here for privileged-container too',
      file: 'examples/bad/web-deployment.yaml',
      line: 30,
      column: 13,
      endLine: 30,
      endColumn: 29,
      object: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web', namespaceSource: 'manifest' },
      path: 'spec.template.spec.containers[0].securityContext.privileged',
      suppressed: false,
      suppression: null,
      source: null,
    });
    const suppressed = report.findings.filter((f) => f.suppressed);
    expect(suppressed.map((f) => [f.ruleId, f.file, f.suppression])).toEqual([
      ['host-path-volume', 'examples/good/accepted-exception.yaml', { via: 'annotation', reason: 'reads /var/log read-only to ship node logs' }],
    ]);
    const keys = report.findings.map((f) => [f.file, f.line, f.column, f.ruleId] as const);
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2] || (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0)));
    expect(keys).toEqual(sorted);
  });

  test('good examples give no unsuppressed findings; broken ones one yaml-syntax finding each', () => {
    const good = json(['examples/good']);
    expect(good.status).toBe(0);
    expect(good.report.findings.filter((f) => !f.suppressed)).toEqual([]);
    const broken = json(['examples/broken']);
    expect(broken.report.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual([
      'examples/broken/bad-indentation.yaml:5:1 yaml-syntax',
      'examples/broken/duplicate-key.yaml:14:3 yaml-syntax',
    ]);
  });

  test('same input, same bytes', () => {
    // One explicit (empty) configuration: examples/custom-rules has its own, which a run naming
    // several paths would otherwise refuse to mix with none.
    const config = path.join(tempDir(), 'empty.yaml');
    writeFileSync(config, '');
    const first = runCli(['examples', '--config', config, '--format', 'sarif']);
    const parts = readdirSync(path.join(REPO_ROOT, 'examples'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => `examples/${entry.name}`).reverse();
    expect(parts.length).toBeGreaterThan(4);
    const second = runCli([...parts, '--config', config, '--format', 'sarif']);
    expect(second.stderr).toBe('');
    expect(second.stdout).toBe(first.stdout);
  });

  test('SARIF output is accepted by the SARIF 2.1.0 schema and GitHub ingestion rules', () => {
    const run = runCli(['examples/', '--format', 'sarif']);
    expect(run.status).toBe(1);
    const validation = validateSarif(run.stdout);
    expect({ schemaErrors: validation.schemaErrors, multitoolErrors: validation.multitoolErrors, details: describeValidation(validation) }).toMatchObject({
      schemaErrors: [],
      multitoolErrors: [],
    });
    const log = JSON.parse(run.stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }> }> };
    const [sarifRun] = log.runs;
    expect(sarifRun?.tool.driver.rules.map((rule) => rule.id)).toContain('missing-default-deny');
    const privileged = sarifRun?.results.find((result) => result.ruleId === 'pss/privileged');
    expect(privileged?.locations[0]?.physicalLocation).toMatchObject({ artifactLocation: { uri: 'examples/bad/web-deployment.yaml' }, region: { startLine: 30 } });
  });
});

describe('k8s-lint inputs, outputs and exit codes', () => {
  const badPod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostPID: true\n  containers: []\n';

  test('reads standard input with -', () => {
    const { status, report } = json(['-'], { input: badPod });
    expect(status).toBe(1);
    expect(report.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual([
      '<stdin>:3:1 missing-default-deny',
      '<stdin>:3:1 missing-default-deny',
      '<stdin>:6:3 host-namespaces',
    ]);
  });

  test('--fail-on decides the exit code', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: { name: p, namespace: x }\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n';
    const config = ['--config', path.join(tempDir(), 'none.yaml')];
    expect(runCli(['-', '--fail-on', 'error'], { input: pod }).status).toBe(0);
    expect(runCli(['-', '--fail-on', 'warning'], { input: pod }).status).toBe(1);
    expect(runCli(['-', '--fail-on', 'none'], { input: badPod }).status).toBe(0);
    expect(runCli(['-', ...config], { input: pod }).status).toBe(2);
  });

  test('a path that does not exist: exit 2 and a one-line message', () => {
    const run = runCli(['examples/good', 'no/such/dir']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('k8s-lint: no such file or directory: no/such/dir\n');
  });

  test('usage errors exit 2', () => {
    const run = runCli(['examples', '--format', 'xml']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("argument 'xml' is invalid");
    expect(runCli(['--no-such-flag']).status).toBe(2);
  });

  test('an invalid configuration: exit 2 naming the file, the key and the problem', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.k8s-lint.yaml'), 'rules:\n  privileged-containers: off\n');
    writeFileSync(path.join(dir, 'pod.yaml'), badPod);
    const run = runCli(['.'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`k8s-lint: .k8s-lint.yaml: rules.privileged-containers: unknown rule "privileged-containers" (did you mean "privileged-container"?)\n`);
  });

  test('configuration turns rules off, changes severities and excludes files', () => {
    const dir = tempDir();
    const off = ['missing-network-policy', 'missing-default-deny', 'automount-service-account-token', 'default-service-account'];
    writeFileSync(path.join(dir, '.k8s-lint.yaml'), `rules:\n${off.map((id) => `  ${id}: off\n`).join('')}  host-namespaces: note\nexclude: ["skip-*.yaml"]\n`);
    writeFileSync(path.join(dir, 'pod.yaml'), badPod);
    writeFileSync(path.join(dir, 'skip-me.yaml'), badPod);
    const { status, report } = json(['.', '--fail-on', 'warning'], { cwd: dir });
    expect(status).toBe(0);
    expect(report.findings.map((f) => `${f.file}:${f.line} ${f.ruleId} ${f.severity}`)).toEqual(['pod.yaml:6 host-namespaces note']);
  });

  test('--output writes the report to the file only', () => {
    const dir = tempDir();
    const out = path.join(dir, 'report.sarif');
    const run = runCli(['examples/bad', '--format', 'sarif', '--output', out]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ version: '2.1.0' });
  });

  test('--format github prints workflow annotations on the right lines', () => {
    // Without the repository as context: its shop Namespace would make this a pss/ finding.
    const run = runCli(['examples/bad/debug-pod.yaml', '--format', 'github', '--no-context']);
    expect(run.status).toBe(1);
    expect(run.stdout.split('\n')).toContain(
      '::error file=examples/bad/debug-pod.yaml,line=7,endLine=7,col=3,endColumn=16,title=k8s-lint%3A host-namespaces::pod shares the host\'s process ID namespace (hostPID: true) (Pod shop/debug › spec.hostPID)',
    );
    expect(run.stdout).toContain('::warning file=examples/bad/debug-pod.yaml,line=13,endLine=13,col=9,endColumn=28,title=k8s-lint%3A run-as-root::');
  });

  test('colour only when asked for or on a terminal', () => {
    expect(runCli(['examples/bad/debug-pod.yaml'], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[31m');
  });

  test('`rules` lists every rule, as text and JSON', () => {
    const text = runCli(['rules']);
    expect(text.status).toBe(0);
    expect(text.stdout.split('\n')[0]).toMatch(/^ {2}RULE +SEVERITY +TITLE$/);
    expect(text.stdout).toMatch(/\nimages\n {2}image-latest-tag +warning +Image uses latest or no tag\n {2}image-not-pinned-by-digest +off +Image not pinned by digest\n +\(strict preset\)\n/);
    const rules = JSON.parse(runCli(['rules', '--format', 'json']).stdout) as Array<{ id: string; severity: string; helpUri: string }>;
    const ids = rules.map((rule) => rule.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual(expect.arrayContaining([
      'capabilities-not-dropped', 'dangerous-capabilities', 'host-namespaces', 'host-path-volume', 'image-latest-tag',
      'image-not-pinned-by-digest', 'missing-network-policy', 'missing-resource-limits', 'missing-resource-requests',
      'privilege-escalation-allowed', 'privileged-container', 'run-as-root', 'writable-root-filesystem', 'yaml-syntax',
      'rbac-wildcard', 'plaintext-secret', 'missing-default-deny', 'istio-mtls-permissive', 'argocd-default-project',
    ]));
    expect(ids.filter((id) => id.startsWith('pss/'))).toHaveLength(19);
    expect(rules.find((rule) => rule.id === 'flux-missing-service-account')?.severity).toBe('off');
    expect(rules.find((rule) => rule.id === 'capabilities-not-dropped')?.helpUri).toMatch(/docs\/rules\/capabilities-not-dropped\.md$/);
  });

  test('--version prints the version', () => {
    const run = runCli(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  test('runs from another working directory with paths relative to it', () => {
    const { report } = json(['bad/debug-pod.yaml'], { cwd: path.join(REPO_ROOT, 'examples') });
    expect(report.findings[0]?.file).toBe('bad/debug-pod.yaml');
  });
});

describe('configuration found above the working directory', () => {
  test('its exclude patterns are relative to its own directory', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'k8s-lint-e2e-'));
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  hostIPC: true\n';
    // The search goes up to the repository root (the directory with .git), no further.
    mkdirSync(path.join(root, '.git'));
    writeFileSync(path.join(root, '.k8s-lint.yaml'), 'exclude: ["apps/legacy"]\nrules:\n  missing-network-policy: off\n  missing-default-deny: off\n  automount-service-account-token: off\n  default-service-account: off\n  schema-invalid: off\n');
    mkdirSync(path.join(root, 'apps', 'legacy'), { recursive: true });
    writeFileSync(path.join(root, 'apps', 'legacy', 'pod.yaml'), pod);
    writeFileSync(path.join(root, 'apps', 'pod.yaml'), pod);
    const run = runCli(['.', '--format', 'json'], { cwd: path.join(root, 'apps') });
    const report = JSON.parse(run.stdout) as { findings: Array<{ file: string; ruleId: string }> };
    expect(report.findings.map((f) => `${f.file} ${f.ruleId}`)).toEqual(['pod.yaml host-namespaces']);
  });
});

describe('Pod Security Standards from the command line', () => {
  test('a Namespace enforcing restricted: its workloads are rejected, as errors at their own lines', () => {
    const { report } = json(['examples/bad/pod-security-namespace.yaml']);
    const pss = report.findings.filter((f) => f.ruleId.startsWith('pss/'));
    expect(pss.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.severity}`)).toEqual([
      '40:15 pss/hostPorts error',
      '44:11 pss/capabilities_restricted error',
      '44:11 pss/runAsNonRoot error',
      '44:11 pss/seccompProfile_restricted error',
      '47:13 pss/runAsUser error',
    ]);
    expect(pss[0]?.message).toBe(
      'namespace "billing" would reject the pods of this Deployment: violates PodSecurity "restricted:latest": hostPort (container "api" uses hostPort 8080) — reported here for host-port too',
    );
  });

  test('--profile pss-baseline runs exactly the baseline checks, at the --pss-version asked for', () => {
    const pod = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: { name: p }',
      'spec:',
      '  securityContext:',
      '    sysctls:',
      '      - { name: net.ipv4.tcp_keepalive_time, value: "300" }',
      '  containers:',
      '    - name: c',
      '      image: nginx:latest',
      '',
    ].join('\n');
    const old = json(['-', '--profile', 'pss-baseline', '--pss-version', 'v1.28'], { input: pod });
    expect(old.report.findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`)).toEqual(['7:11 pss/sysctls']);
    expect(old.report.findings[0]?.message).toBe('violates PodSecurity "baseline:v1.28": forbidden sysctls (net.ipv4.tcp_keepalive_time)');
    const current = json(['-', '--profile', 'pss-baseline'], { input: pod });
    expect(current.status).toBe(0);
    expect(current.report.findings).toEqual([]);
  });

  test('an invalid --pss-version or --profile is a usage error', () => {
    expect(runCli(['examples/good', '--profile', 'pss-restricted', '--pss-version', '1.25']).stderr).toBe(
      'k8s-lint: invalid Pod Security Standards version "1.25": must be "latest" or "v1.N"\n',
    );
    expect(runCli(['examples/good', '--profile', 'pss-strict']).status).toBe(2);
  });
});

describe('--format junit', () => {
  test('one suite per file, a failure per finding, a passing case for a clean file', () => {
    const run = runCli(['examples/good', 'examples/broken', '--format', 'junit']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="k8s-lint" tests="5" failures="2" errors="0">\n/);
    expect(run.stdout).toContain(
      '<testsuite name="examples/broken/duplicate-key.yaml" tests="1" failures="1" errors="0">\n    <testcase classname="examples/broken/duplicate-key.yaml" name="yaml-syntax">\n      <failure type="error" message="Map keys must be unique: key &quot;name&quot; is repeated">examples/broken/duplicate-key.yaml:14:3: error: Map keys must be unique: key &quot;name&quot; is repeated</failure>',
    );
    expect(run.stdout).toContain('<testsuite name="examples/good/api-deployment.yaml" tests="1" failures="0" errors="0">\n    <testcase classname="examples/good/api-deployment.yaml" name="k8s-lint"/>');
  });

  test('escapes XML special characters from the input', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: { name: "a<b>&\\"c" , namespace: x }\nspec:\n  hostPID: true\n';
    const run = runCli(['-', '--format', 'junit'], { input: pod });
    expect(run.stdout).toContain('Pod x/a&lt;b&gt;&amp;&quot;c');
    expect(run.stdout).not.toContain('a<b>');
  });
});

describe('the example GitOps repositories', () => {
  test('the insecure one makes most rules fire, across its files and directories', () => {
    const { status, report } = json(['examples/gitops/insecure']);
    expect(status).toBe(1);
    const fired = new Set(report.findings.map((f) => f.ruleId));
    for (const id of [
      'rbac-wildcard', 'rbac-cluster-admin-binding', 'rbac-anonymous-access', 'plaintext-secret',
      'secret-in-env-literal', 'missing-default-deny', 'network-policy-allow-all',
      'loadbalancer-source-ranges', 'nodeport-service', 'ingress-without-tls', 'service-external-ips', 'host-port',
      'istio-mtls-permissive', 'istio-destination-rule-tls-disabled', 'mesh-injection-disabled', 'argocd-default-project',
      'argocd-moving-target-revision', 'flux-insecure-source',
    ]) {
      expect({ id, fired: fired.has(id) }).toEqual({ id, fired: true });
    }
    // Hardening left unset is the strict preset's.
    const strictConfig = path.join(tempDir(), 'strict.yaml');
    writeFileSync(strictConfig, 'extends: [strict]\n');
    const strict = new Set(json(['examples/gitops/insecure', '--config', strictConfig]).report.findings.map((f) => f.ruleId));
    for (const id of ['automount-service-account-token', 'seccomp-profile-missing', 'missing-network-policy']) {
      expect({ id, fired: strict.has(id) }).toEqual({ id, fired: true });
    }
    // Absence rules are off by default (issue 14): test/e2e/absence-rules.test.ts turns them on.
    for (const id of ['rbac-missing-role', 'service-selector-matches-nothing', 'network-policy-selects-nothing']) {
      expect({ id, fired: fired.has(id) }).toEqual({ id, fired: false });
    }
  });

  test('the hardened one gives no finding at all, notes included', () => {
    const { status, report } = json(['examples/gitops/hardened', '--fail-on', 'note']);
    expect(report.findings).toEqual([]);
    expect(status).toBe(0);
  });
});
