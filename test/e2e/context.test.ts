/**
 * Report set and context set, through the committed bundle: the files named on the command line
 * are reported on; cross-object rules also see the rest of the repository (the directory that
 * holds `.git`, else the configuration's, else the working directory), `--context <dir>` another
 * directory, `--no-context` nothing. Context files are never reported on, and their own problems
 * are not the run's.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE, lint, tempDir, writeTree, type Run } from '../guarantees/helpers';
import type { JsonFinding } from '../helpers/json-report';

interface Report {
  summary: Record<string, number>;
  findings: JsonFinding[];
}

const DEFAULT_DENY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web
  namespace: shop
spec:
  podSelector:
    matchLabels: { app: web }
  ingress:
    - from:
        - podSelector: { matchLabels: { app: front } }
`;

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          resources: { limits: { memory: 256Mi } }
`;

const PRIVILEGED_POD = `apiVersion: v1
kind: Pod
metadata: { name: other, namespace: shop }
spec:
  containers:
    - name: c
      image: nginx:1.27
      securityContext: { privileged: true }
`;

const NETWORK_RULES = ['missing-default-deny', 'missing-network-policy'];

/** A repository (a `.git` directory) with the committed default-deny and the changed web.yaml. */
function repository(extra: Record<string, string> = {}): string {
  const root = tempDir('context');
  mkdirSync(path.join(root, '.git'));
  return writeTree(root, { 'policies/netpol.yaml': DEFAULT_DENY, 'apps/web.yaml': WEB, ...extra });
}

function lintJson(cwd: string, args: string[]): { run: Run; report: Report } {
  // missing-network-policy is the strict preset's; these tests follow both network rules.
  const run = lint([...args, '--rule', 'missing-network-policy=warning', '--format', 'json'], { cwd, entry: BUNDLE });
  if (run.status !== 0 && run.status !== 1) throw new Error(`exit ${String(run.status)}: ${run.stderr}`);
  return { run, report: JSON.parse(run.stdout) as Report };
}

const networkFindings = (report: Report) =>
  report.findings.filter((finding) => NETWORK_RULES.includes(finding.ruleId)).map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}:${finding.column} ${finding.path}`);

describe('the repository is the context of the files named', () => {
  it("issue 14's pre-commit scenario: web.yaml named alone is guarded by the committed netpol.yaml; --no-context brings the findings back", () => {
    const root = repository();
    const withContext = lintJson(root, ['apps/web.yaml']);
    expect(networkFindings(withContext.report)).toEqual([]);
    expect(withContext.report.summary).toMatchObject({ files: 1, objects: 1, contextFiles: 1 });

    const alone = lintJson(root, ['apps/web.yaml', '--no-context']);
    expect(networkFindings(alone.report)).toEqual([
      'missing-default-deny apps/web.yaml:5:3 metadata.namespace',
      'missing-default-deny apps/web.yaml:5:3 metadata.namespace',
      'missing-network-policy apps/web.yaml:11:7 spec.template.metadata.labels',
    ]);
    expect(alone.report.summary.contextFiles).toBeUndefined();
    // Nothing else changes: the per-object findings are the same with or without context.
    const others = (report: Report) => report.findings.filter((finding) => !NETWORK_RULES.includes(finding.ruleId));
    expect(others(withContext.report)).toEqual(others(alone.report));
  });

  it('from a subdirectory too: the context is the directory that holds .git, not the working directory', () => {
    const root = repository();
    const { report } = lintJson(path.join(root, 'apps'), ['web.yaml']);
    expect(networkFindings(report)).toEqual([]);
    expect(report.summary.contextFiles).toBe(1);
    expect(new Set(report.findings.map((finding) => finding.file))).toEqual(new Set(['web.yaml']));
  });

  it('findings are reported only for the files named: a privileged Pod of the context is not', () => {
    const root = repository({ 'apps/other.yaml': PRIVILEGED_POD });
    const { report } = lintJson(root, ['apps/web.yaml']);
    expect(new Set(report.findings.map((finding) => finding.file))).toEqual(new Set(['apps/web.yaml']));
    expect(report.findings.filter((finding) => finding.ruleId === 'privileged-container')).toEqual([]);
    // Named, it is reported, at its line and column.
    const named = lintJson(root, ['apps/other.yaml']).report.findings.filter((finding) => finding.ruleId === 'privileged-container');
    expect(named.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.path}`)).toEqual([
      'apps/other.yaml:8:26 spec.containers[0].securityContext.privileged',
    ]);
  });

  it('--context <dir> chooses the context; a missing one is exit 2', () => {
    const root = tempDir('context-flag');
    writeTree(root, { 'policies/netpol.yaml': DEFAULT_DENY, 'apps/web.yaml': WEB });
    // No .git and no configuration: the working directory is the context.
    expect(networkFindings(lintJson(root, ['apps/web.yaml']).report)).toEqual([]);
    expect(networkFindings(lintJson(path.join(root, 'apps'), ['web.yaml']).report)).toHaveLength(3);
    expect(networkFindings(lintJson(path.join(root, 'apps'), ['web.yaml', '--context', '../policies']).report)).toEqual([]);
    expect(networkFindings(lintJson(root, ['apps/web.yaml', '--context', 'apps']).report)).toHaveLength(3);
    const missing = lint(['apps/web.yaml', '--context', 'nowhere'], { cwd: root, entry: BUNDLE });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--context nowhere: not a directory');
  });

  it('outside a repository, the home directory is never read as context (it holds every project of the user)', () => {
    const home = tempDir('context-home');
    writeTree(home, { 'policies/netpol.yaml': DEFAULT_DENY, 'apps/web.yaml': WEB });
    const run = lint(['apps/web.yaml', '--rule', 'missing-network-policy=warning', '--format', 'json'], { cwd: home, entry: BUNDLE, env: { HOME: home } });
    const report = JSON.parse(run.stdout) as Report;
    expect(report.summary.contextFiles).toBeUndefined();
    expect(networkFindings(report)).toHaveLength(3);
    // --context still reads it when asked.
    const asked = JSON.parse(lint(['apps/web.yaml', '--context', '.', '--format', 'json'], { cwd: home, entry: BUNDLE, env: { HOME: home } }).stdout) as Report;
    expect(networkFindings(asked)).toEqual([]);
  });

  it('summary.contextFiles counts the files parsed: files holding no kind cross-object rules read are not', () => {
    const root = repository({ 'apps/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c, namespace: shop }\ndata: { a: b }\n' });
    expect(lintJson(root, ['apps/web.yaml']).report.summary.contextFiles).toBe(1);
  });

  it("only files that may hold an object of the named objects' namespaces are parsed; one without a namespace may", () => {
    const policy = (namespace: string | null) =>
      `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\n${namespace ? `  namespace: ${namespace}\n` : ''}spec:\n  podSelector: {}\n`;
    const root = repository({ 'apps/billing.yaml': policy('billing'), 'apps/shop-2.yaml': policy('shop-2'), 'apps/nowhere.yaml': policy(null) });
    // netpol.yaml (shop) and nowhere.yaml (its namespace may come from elsewhere).
    expect(lintJson(root, ['apps/web.yaml']).report.summary.contextFiles).toBe(2);
  });

  it('a broken context file does not fail the run and is not reported', () => {
    const root = repository({
      'apps/broken.yaml': 'kind: NetworkPolicy\nmetadata: { name: x\n',
      'apps/binary.yaml': 'kind: NetworkPolicy\0\0\0',
      'apps/big.yaml': `kind: NetworkPolicy\n# ${'x'.repeat(2000)}\n`,
    });
    const { run, report } = lintJson(root, ['apps/web.yaml', '--max-file-size', '1000']);
    expect(run.status).toBe(1);
    expect(networkFindings(report)).toEqual([]);
    expect(report.findings.filter((finding) => ['yaml-syntax', 'file-unreadable'].includes(finding.ruleId))).toEqual([]);
    expect(new Set(report.findings.map((finding) => finding.file))).toEqual(new Set(['apps/web.yaml']));
  });

  it('excluded context files are not read (--exclude and the configuration)', () => {
    const root = repository();
    const flagged = lintJson(root, ['apps/web.yaml', '--exclude', 'policies']).report;
    expect(networkFindings(flagged)).toHaveLength(3);
    expect(flagged.summary.contextFiles).toBeUndefined();
    writeTree(root, { '.k8s-lint.yaml': 'exclude: [netpol.yaml]\n' });
    expect(networkFindings(lintJson(root, ['apps/web.yaml']).report)).toHaveLength(3);
  });

  it('a directory argument is its own context: no context is added, the output is unchanged', () => {
    const root = repository();
    const directory = lintJson(root, ['apps']).report;
    expect(networkFindings(directory)).toHaveLength(3);
    expect(directory.summary.contextFiles).toBeUndefined();
    const whole = lintJson(root, ['.']).report;
    expect(networkFindings(whole)).toEqual([]);
    expect(whole.summary.contextFiles).toBeUndefined();
  });
});

describe('the context of files outside the working directory', () => {
  test('is their own repository, not the one the command runs in', () => {
    // The working directory's repository puts namespace shop under restricted; the linted file's
    // repository does not: its Pod must not be judged by the other repository's Namespace.
    const here = writeTree(tempDir('context-here'), {
      '.git/HEAD': 'ref: refs/heads/main\n',
      'ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: restricted\n',
    });
    const there = writeTree(tempDir('context-there'), {
      '.git/HEAD': 'ref: refs/heads/main\n',
      'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  containers:\n    - name: app\n      image: nginx:1.25\n',
    });
    const run = lint([path.join(there, 'pod.yaml'), '--format', 'json'], { cwd: here, entry: BUNDLE });
    const report = JSON.parse(run.stdout) as Report;
    expect(report.findings.filter((finding) => finding.ruleId.startsWith('pss/'))).toEqual([]);
    const inside = lint(['pod.yaml', '--format', 'json'], { cwd: there, entry: BUNDLE });
    expect((JSON.parse(inside.stdout) as Report).findings.map((finding) => finding.ruleId)).toEqual(report.findings.map((finding) => finding.ruleId));
  });
});
