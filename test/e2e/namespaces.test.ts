/**
 * Namespaces as Kustomize would set them, without rendering, through the committed bundle: an
 * object without `metadata.namespace` takes the `namespace:` of the kustomizations that apply it;
 * else it is unknown (not `default`) and meets only objects of the same root kustomization or,
 * outside kustomizations, of the same top directory. JSON says why: `object.namespaceSource`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE, lint, tempDir, writeTree } from '../guarantees/helpers';
import type { JsonFinding } from '../helpers/json-report';

const DENY_ALL = (namespace?: string): string => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny-all${namespace ? `\n  namespace: ${namespace}` : ''}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`;

const deployment = (name: string, namespace?: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}${namespace ? `\n  namespace: ${namespace}` : ''}
spec:
  selector:
    matchLabels: { app: ${name} }
  template:
    metadata:
      labels: { app: ${name} }
    spec:
      containers:
        - name: ${name}
          image: nginx:1.27
`;

const kustomization = (lines: string[]): string => `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n${lines.join('\n')}\n`;
const component = (lines: string[]): string => `apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n${lines.join('\n')}\n`;

const NETWORK_RULES = new Set(['missing-network-policy', 'missing-default-deny']);

function networkFindings(args: string[], cwd: string): JsonFinding[] {
  // missing-network-policy is the strict preset's; placement is followed on both network rules.
  const run = lint([...args, '--rule', 'missing-network-policy=warning', '-f', 'json'], { cwd, entry: BUNDLE });
  if (run.status === 2) throw new Error(run.stderr);
  return (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings.filter((finding) => NETWORK_RULES.has(finding.ruleId));
}

const brief = (finding: JsonFinding): string => `${finding.ruleId} ${finding.file}:${finding.line}:${finding.column} ${finding.object?.kind ?? ''} ${finding.object?.name ?? ''}`;

describe('namespaces from kustomizations, without rendering', () => {
  test('the deny-all of one app does not cover the pods of another (two kustomization roots, no namespaces)', () => {
    const root = writeTree(tempDir('ns-apps'), {
      'apps/a/kustomization.yaml': kustomization(['resources:', '  - deny-all.yaml', '  - web.yaml']),
      'apps/a/deny-all.yaml': DENY_ALL(),
      'apps/a/web.yaml': deployment('a-web'),
      'apps/b/kustomization.yaml': kustomization(['resources:', '  - web.yaml']),
      'apps/b/web.yaml': deployment('b-web'),
    });
    const findings = networkFindings(['.'], root);
    expect(findings.map(brief)).toEqual([
      'missing-default-deny apps/b/web.yaml:3:1 Deployment b-web',
      'missing-default-deny apps/b/web.yaml:3:1 Deployment b-web',
      'missing-network-policy apps/b/web.yaml:10:7 Deployment b-web',
    ]);
    expect(findings[2]?.message).toBe('no NetworkPolicy in the unset namespace of kustomization apps/b selects the pods of Deployment "b-web" for ingress or egress: any pod can connect to them, and they can connect anywhere');
    expect(findings[2]?.object).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: null, name: 'b-web', namespaceSource: 'unknown' });
  });

  test('an object without namespace takes the kustomization\'s; the outermost one wins; JSON says which file set it', () => {
    const root = writeTree(tempDir('ns-overlay'), {
      'base/kustomization.yaml': kustomization(['namespace: base-ns', 'resources:', '  - web.yaml']),
      'base/web.yaml': deployment('web'),
      'overlays/prod/kustomization.yaml': kustomization(['namespace: prod', 'resources:', '  - ../../base', '  - netpol.yaml']),
      // The policy names its namespace itself: it covers the base's Deployment only because the overlay puts that in prod too.
      'overlays/prod/netpol.yaml': DENY_ALL('prod'),
      'other/pod.yaml': deployment('lonely', 'base-ns'),
    });
    const findings = networkFindings(['.'], root);
    expect(findings.map(brief)).toEqual([
      'missing-default-deny other/pod.yaml:5:3 Deployment lonely',
      'missing-default-deny other/pod.yaml:5:3 Deployment lonely',
      'missing-network-policy other/pod.yaml:11:7 Deployment lonely',
    ]);
    const all = JSON.parse(lint(['.', '-f', 'json'], { cwd: root, entry: BUNDLE }).stdout) as { findings: JsonFinding[] };
    const web = all.findings.find((finding) => finding.file === 'base/web.yaml');
    expect(web?.object).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'prod', name: 'web', namespaceSource: 'kustomization:overlays/prod/kustomization.yaml' });
  });

  test('a base used by overlays that give different namespaces is in neither for matching; policies of one overlay do not cover it', () => {
    const root = writeTree(tempDir('ns-two-overlays'), {
      'base/kustomization.yaml': kustomization(['resources:', '  - web.yaml']),
      'base/web.yaml': deployment('web'),
      'overlays/prod/kustomization.yaml': kustomization(['namespace: prod', 'resources:', '  - ../../base', '  - netpol.yaml']),
      'overlays/prod/netpol.yaml': DENY_ALL(),
      'overlays/staging/kustomization.yaml': kustomization(['namespace: staging', 'resources:', '  - ../../base']),
    });
    const findings = networkFindings(['.'], root);
    expect(findings.map(brief)).toEqual([
      'missing-default-deny base/web.yaml:3:1 Deployment web',
      'missing-default-deny base/web.yaml:3:1 Deployment web',
      'missing-network-policy base/web.yaml:10:7 Deployment web',
    ]);
    expect(findings[2]?.message).toBe('no NetworkPolicy in the namespaces kustomizations overlays/prod, overlays/staging give it selects the pods of Deployment "web" for ingress or egress: any pod can connect to them, and they can connect anywhere');
    expect(findings[2]?.object?.namespaceSource).toBe('unknown');
  });

  test('a Component counts only where a kustomization lists it; one nobody lists covers nothing', () => {
    const root = writeTree(tempDir('ns-components'), {
      'components/deny/kustomization.yaml': component(['resources:', '  - deny-all.yaml']),
      'components/deny/deny-all.yaml': DENY_ALL(),
      'components/unused/kustomization.yaml': component(['resources:', '  - deny-all.yaml']),
      'components/unused/deny-all.yaml': DENY_ALL('shop'),
      'apps/a/kustomization.yaml': kustomization(['resources:', '  - web.yaml', 'components:', '  - ../../components/deny']),
      'apps/a/web.yaml': deployment('a-web'),
      'apps/b/kustomization.yaml': kustomization(['resources:', '  - web.yaml']),
      'apps/b/web.yaml': deployment('b-web'),
      'plain/shop.yaml': deployment('shop-web', 'shop'),
    });
    const findings = networkFindings(['.'], root);
    expect(findings.filter((finding) => finding.ruleId === 'missing-network-policy').map(brief)).toEqual([
      'missing-network-policy apps/b/web.yaml:10:7 Deployment b-web',
      'missing-network-policy plain/shop.yaml:11:7 Deployment shop-web',
    ]);
  });

  test('outside kustomizations an unset namespace is shared within a top directory of the repository only', () => {
    const root = writeTree(tempDir('ns-plain'), {
      '.git/HEAD': 'ref: refs/heads/main\n',
      'k8s/policies/deny-all.yaml': DENY_ALL(),
      'k8s/apps/web.yaml': deployment('web'),
      'team-b/web.yaml': deployment('b-web'),
    });
    const findings = networkFindings(['.'], root);
    expect(findings.filter((finding) => finding.ruleId === 'missing-network-policy').map(brief)).toEqual(['missing-network-policy team-b/web.yaml:10:7 Deployment b-web']);
    expect(findings.find((finding) => finding.ruleId === 'missing-network-policy')?.message).toBe(
      'no NetworkPolicy in the unset namespace of directory "team-b" selects the pods of Deployment "b-web" for ingress or egress: any pod can connect to them, and they can connect anywhere',
    );
  });

  test('defaultNamespace in the configuration still forces a namespace on objects nothing else places', () => {
    const root = writeTree(tempDir('ns-config'), {
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.k8s-lint.yaml': 'defaultNamespace: web\n',
      'k8s/policies/deny-all.yaml': DENY_ALL(),
      'team-b/web.yaml': deployment('b-web'),
      'app/kustomization.yaml': kustomization(['namespace: app', 'resources:', '  - web.yaml']),
      'app/web.yaml': deployment('app-web'),
    });
    const findings = networkFindings(['.'], root);
    expect(findings.filter((finding) => finding.ruleId === 'missing-network-policy').map(brief)).toEqual(['missing-network-policy app/web.yaml:10:7 Deployment app-web']);
    const all = JSON.parse(lint(['.', '-f', 'json'], { cwd: root, entry: BUNDLE }).stdout) as { findings: JsonFinding[] };
    expect(all.findings.find((finding) => finding.file === 'team-b/web.yaml')?.object).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'web', name: 'b-web', namespaceSource: 'config' });
  });

  test('a file named alone (pre-commit) is placed by the repository\'s kustomizations, read as context', () => {
    const root = writeTree(tempDir('ns-precommit'), {
      '.git/HEAD': 'ref: refs/heads/main\n',
      'apps/shop/kustomization.yaml': kustomization(['namespace: shop', 'resources:', '  - netpol.yaml', '  - web.yaml']),
      'apps/shop/netpol.yaml': DENY_ALL(),
      'apps/shop/web.yaml': deployment('web'),
      'apps/other/web.yaml': deployment('other'),
    });
    expect(networkFindings(['apps/shop/web.yaml'], root)).toEqual([]);
    expect(networkFindings(['apps/other/web.yaml'], root).map(brief)).toEqual([
      'missing-default-deny apps/other/web.yaml:3:1 Deployment other',
      'missing-default-deny apps/other/web.yaml:3:1 Deployment other',
      'missing-network-policy apps/other/web.yaml:10:7 Deployment other',
    ]);
  });

  test('baseline and SARIF identities keep the namespace as written: a kustomization naming one later changes no key', () => {
    const root = writeTree(tempDir('ns-identity'), {
      'app/kustomization.yaml': kustomization(['resources:', '  - web.yaml']),
      'app/web.yaml': deployment('web'),
    });
    const record = lint(['.', '--write-baseline', 'baseline.json'], { cwd: root, entry: BUNDLE });
    expect(record.status).toBe(0);
    writeFileSync(path.join(root, 'app/kustomization.yaml'), kustomization(['namespace: shop', 'resources:', '  - web.yaml']));
    const rerun = lint(['.', '--baseline', 'baseline.json', '-f', 'json'], { cwd: root, entry: BUNDLE });
    const report = JSON.parse(rerun.stdout) as { findings: JsonFinding[] };
    expect(rerun.status).toBe(0);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.every((finding) => finding.suppressed && finding.object?.namespace === 'shop')).toBe(true);
  });

  test('kustomizations that include each other end the walk; their objects meet no one else\'s', () => {
    const root = writeTree(tempDir('ns-cycle'), {
      'a/kustomization.yaml': kustomization(['namespace: a', 'resources:', '  - ../b', '  - web.yaml']),
      'a/web.yaml': deployment('web'),
      'b/kustomization.yaml': kustomization(['resources:', '  - ../a']),
    });
    const run = lint(['.', '--rule', 'missing-network-policy=warning', '-f', 'json'], { cwd: root, entry: BUNDLE });
    expect(run.status).toBe(1);
    const web = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings.filter((finding) => finding.file === 'a/web.yaml' && finding.ruleId === 'missing-network-policy');
    expect(web.map((finding) => [finding.object?.namespaceSource, finding.message])).toEqual([
      ['kustomization:a/kustomization.yaml', 'no NetworkPolicy in namespace "a" selects the pods of Deployment "web" for ingress or egress: any pod can connect to them, and they can connect anywhere'],
    ]);
  });
});
