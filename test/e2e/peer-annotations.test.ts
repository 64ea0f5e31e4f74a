/**
 * honorPeerAnnotations through the committed bundle: `.k8s-lint.yaml` names the peers, and their
 * exemption annotations suppress the mapped rules with the reason, at the exact positions.
 */
import { BUNDLE, jsonFindings, lint, tempDir, writeTree } from '../guarantees/helpers';

const MANIFEST = [
  'apiVersion: apps/v1',
  'kind: DaemonSet',
  'metadata:',
  '  name: node-agent',
  '  annotations:',
  '    ignore-check.kube-linter.io/host-network: "CNI agent needs the node network"',
  '    polaris.fairwinds.com/runAsPrivileged-exempt: "true"',
  'spec:',
  '  selector: { matchLabels: { app: node-agent } }',
  '  template:',
  '    metadata: { labels: { app: node-agent } }',
  '    spec:',
  '      hostNetwork: true',
  '      hostPID: true',
  '      containers:',
  '        - name: agent',
  '          image: registry.example/agent@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
  '          securityContext:',
  '            privileged: true',
  '',
].join('\n');

function run(config: string | null): Array<{ ruleId: string; at: string; path: string; suppression: unknown }> {
  const cwd = writeTree(tempDir('peer-annotations'), { 'agent.yaml': MANIFEST, ...(config === null ? {} : { '.k8s-lint.yaml': config }) });
  const result = lint(['agent.yaml', '-f', 'json', '--fail-on', 'none'], { cwd, entry: BUNDLE });
  expect(result.stderr).toBe('');
  return jsonFindings(result.stdout)
    .filter((f) => ['host-namespaces', 'privileged-container'].includes(f.ruleId))
    .map((f) => ({ ruleId: f.ruleId, at: `${f.file}:${f.line}:${f.column} ${f.object?.kind}/${f.object?.name}`, path: f.path, suppression: f.suppression }));
}

describe('honorPeerAnnotations (bundle)', () => {
  test('kube-linter and Polaris exemptions suppress the mapped findings, keeping the reason', () => {
    expect(run('honorPeerAnnotations: [kube-linter, polaris]\n')).toEqual([
      { ruleId: 'host-namespaces', at: 'agent.yaml:13:7 DaemonSet/node-agent', path: 'spec.template.spec.hostNetwork', suppression: { via: 'annotation', reason: 'CNI agent needs the node network' } },
      { ruleId: 'host-namespaces', at: 'agent.yaml:14:7 DaemonSet/node-agent', path: 'spec.template.spec.hostPID', suppression: null },
      { ruleId: 'privileged-container', at: 'agent.yaml:19:13 DaemonSet/node-agent', path: 'spec.template.spec.containers[0].securityContext.privileged', suppression: { via: 'annotation', reason: 'polaris exemption' } },
    ]);
  });

  test('without the key, the same annotations suppress nothing', () => {
    expect(run(null).map((f) => f.suppression)).toEqual([null, null, null]);
  });

  test('an unknown peer is a configuration error (exit 2) naming the key', () => {
    const cwd = writeTree(tempDir('peer-annotations-bad'), { 'agent.yaml': MANIFEST, '.k8s-lint.yaml': 'honorPeerAnnotations: [kube-score]\n' });
    const result = lint(['agent.yaml'], { cwd, entry: BUNDLE });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('honorPeerAnnotations');
  });
});
