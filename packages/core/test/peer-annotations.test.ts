import { ConfigError, EMPTY_CONFIG, lint, parseConfig, type Config, type Finding } from '../src';
import { hostNamespaces } from '../src/rules/pod-security/host-namespaces';
import { privilegedContainer } from '../src/rules/pod-security/privileged-container';
import { missingProbes } from '../src/rules/resources/missing-probes';

const rules = [privilegedContainer, hostNamespaces] as const;

/** `hostNetwork` is on line 6 + annotations, column 3; `privileged` three lines further, column 9. */
function pod(annotations: string[]): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: agent',
    ...(annotations.length > 0 ? ['  annotations:', ...annotations.map((line) => `    ${line}`)] : []),
    'spec:',
    '  hostNetwork: true',
    '  containers:',
    '    - name: app',
    '      securityContext:',
    '        privileged: true',
    '',
  ].join('\n');
}

function honoring(peers: string): Config {
  return parseConfig(`honorPeerAnnotations: ${peers}\n`, '/repo/.k8s-lint.yaml');
}

async function findings(text: string, config: Config): Promise<Array<Pick<Finding, 'ruleId' | 'line' | 'column' | 'path' | 'suppression'> & { object: string }>> {
  const result = await lint({ paths: ['-'], cwd: process.cwd(), stdinText: text, rules, config });
  return result.findings.map((f) => ({ ruleId: f.ruleId, object: `${f.object?.kind}/${f.object?.name}`, line: f.line, column: f.column, path: f.path, suppression: f.suppression }));
}

const HOST_NETWORK = (line: number) => ({ ruleId: 'host-namespaces', object: 'Pod/agent', line, column: 3, path: 'spec.hostNetwork' });
const PRIVILEGED = (line: number) => ({ ruleId: 'privileged-container', object: 'Pod/agent', line, column: 9, path: 'spec.containers[0].securityContext.privileged' });

describe('honorPeerAnnotations', () => {
  test('a kube-linter ignore-check annotation suppresses the mapped rule only, with its value as the reason', async () => {
    const text = pod(['ignore-check.kube-linter.io/privileged-container: "needs /dev/fuse"']);
    expect(await findings(text, honoring('[kube-linter]'))).toEqual([
      { ...HOST_NETWORK(8), suppression: null },
      { ...PRIVILEGED(12), suppression: { via: 'annotation', reason: 'needs /dev/fuse' } },
    ]);
  });

  test('a check about one field suppresses findings on that field only: host-network, not hostPID', async () => {
    const text = pod(['ignore-check.kube-linter.io/host-network: "CNI agent"']).replace('  hostNetwork: true\n', '  hostNetwork: true\n  hostPID: true\n');
    expect(await findings(text, honoring('[kube-linter]'))).toEqual([
      { ...HOST_NETWORK(8), suppression: { via: 'annotation', reason: 'CNI agent' } },
      { ruleId: 'host-namespaces', object: 'Pod/agent', line: 9, column: 3, path: 'spec.hostPID', suppression: null },
      { ...PRIVILEGED(13), suppression: null },
    ]);
  });

  test('a finding about two fields (a container with neither probe) needs both checks exempted; the reasons are joined', async () => {
    const deployment = (annotations: string[]) =>
      ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', '  annotations:', ...annotations.map((line) => `    ${line}`), 'spec:', '  template:', '    spec:', '      containers:', '        - name: app', '          image: nginx:1.27', ''].join('\n');
    const run = async (annotations: string[]) => {
      // missing-probes runs in the strict preset.
      const config = { ...honoring('[kube-linter]'), extends: ['strict' as const] };
      const result = await lint({ paths: ['-'], cwd: process.cwd(), stdinText: deployment(annotations), rules: [missingProbes], config });
      return result.findings.map((f) => ({ at: `${f.line}:${f.column}`, path: f.path, suppression: f.suppression }));
    };
    const liveness = 'ignore-check.kube-linter.io/no-liveness-probe: "batch worker"';
    expect(await run([liveness])).toEqual([{ at: '11:11', path: 'spec.template.spec.containers[0]', suppression: null }]);
    expect(await run([liveness, 'ignore-check.kube-linter.io/no-readiness-probe: "no traffic"'])).toEqual([
      { at: '12:11', path: 'spec.template.spec.containers[0]', suppression: { via: 'annotation', reason: 'batch worker; no traffic' } },
    ]);
  });

  test('a Polaris <check>-exempt: "true" annotation suppresses the mapped rule with the reason "polaris exemption"', async () => {
    const text = pod(['polaris.fairwinds.com/runAsPrivileged-exempt: "true"', 'polaris.fairwinds.com/hostNetworkSet-exempt: "false"']);
    expect(await findings(text, honoring('[polaris]'))).toEqual([
      { ...HOST_NETWORK(9), suppression: null },
      { ...PRIVILEGED(13), suppression: { via: 'annotation', reason: 'polaris exemption' } },
    ]);
  });

  test('a peer not named, or no honorPeerAnnotations at all, suppresses nothing', async () => {
    const text = pod(['ignore-check.kube-linter.io/privileged-container: "needs /dev/fuse"', 'polaris.fairwinds.com/hostNetworkSet-exempt: "true"']);
    expect(await findings(text, honoring('[polaris]'))).toEqual([
      { ...HOST_NETWORK(9), suppression: { via: 'annotation', reason: 'polaris exemption' } },
      { ...PRIVILEGED(13), suppression: null },
    ]);
    expect(await findings(text, EMPTY_CONFIG)).toEqual([
      { ...HOST_NETWORK(9), suppression: null },
      { ...PRIVILEGED(13), suppression: null },
    ]);
  });

  test("k8s-lint's own ignore annotation wins, with its own reason", async () => {
    const text = pod(['k8s-lint.io/ignore: privileged-container', 'k8s-lint.io/ignore-reason: device plugin', 'ignore-check.kube-linter.io/privileged-container: "needs /dev/fuse"']);
    expect(await findings(text, honoring('[kube-linter, polaris]'))).toEqual([
      { ...HOST_NETWORK(10), suppression: null },
      { ...PRIVILEGED(14), suppression: { via: 'annotation', reason: 'device plugin' } },
    ]);
  });

  test('an unknown check, and a check that maps to no rule, suppress nothing', async () => {
    const text = pod(['ignore-check.kube-linter.io/no-such-check: "x"', 'ignore-check.kube-linter.io/privileged-ports: "x"']);
    expect((await findings(text, honoring('[kube-linter]'))).map((f) => f.suppression)).toEqual([null, null]);
  });

  test('only kube-linter and polaris may be named', () => {
    expect(() => honoring('[kube-score]')).toThrow(ConfigError);
    expect(honoring('[kube-linter, polaris]').honorPeerAnnotations).toEqual(['kube-linter', 'polaris']);
    expect(EMPTY_CONFIG.honorPeerAnnotations).toEqual([]);
  });
});
