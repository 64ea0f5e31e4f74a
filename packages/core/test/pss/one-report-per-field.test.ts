/**
 * A default rule and its Pod Security Standards counterpart test the same condition (one function
 * in model/pod-security-conditions.ts). When a namespace's `enforce` label makes a field an
 * admission rejection, the field is reported once, by the `pss/` rule, whose message says which
 * default rule it stands for; otherwise each rule reports as before. Run end to end through the
 * committed bundle.
 */
import { BUNDLE, jsonFindings, lint, tempDir, writeTree } from '../../../../test/guarantees/helpers';

const NAMESPACE_LABELS = 'NAMESPACE_LABELS';

/** Line numbers below are those of this text (line 1 is `apiVersion: v1`). */
const MANIFEST = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels: ${NAMESPACE_LABELS}
---
apiVersion: v1
kind: Pod
metadata:
  name: debug
  namespace: shop
spec:
  hostNetwork: true
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: true
      ports:
        - containerPort: 80
          hostPort: 80
  volumes:
    - name: logs
      hostPath:
        path: /var/log
`;

/** The fields both kinds of rule look at: rule pairs and the position of the field's key. */
const FIELDS = [
  { rule: 'host-namespaces', pss: 'pss/hostNamespaces', line: 13, column: 3 },
  { rule: 'privileged-container', pss: 'pss/privileged', line: 18, column: 9 },
  { rule: 'host-port', pss: 'pss/hostPorts', line: 21, column: 11 },
  { rule: 'host-path-volume', pss: 'pss/hostPathVolumes', line: 24, column: 7 },
] as const;

const PAIRED_RULES: ReadonlySet<string> = new Set(FIELDS.flatMap((field) => [field.rule, field.pss]));

function lintWith(labels: string, config = ''): Array<{ ruleId: string; line: number; column: number; message: string }> {
  const dir = writeTree(tempDir('pss-once'), { 'pod.yaml': MANIFEST.replace(NAMESPACE_LABELS, labels), '.k8s-lint.yaml': config });
  const run = lint(['pod.yaml', '-f', 'json'], { cwd: dir, entry: BUNDLE });
  expect(run.stderr).toBe('');
  return jsonFindings(run.stdout)
    .filter((finding) => PAIRED_RULES.has(finding.ruleId))
    .map(({ ruleId, line, column, message }) => ({ ruleId, line, column, message }))
    .sort((a, b) => a.line - b.line || a.ruleId.localeCompare(b.ruleId));
}

describe('one field, one report, when admission rejects it', () => {
  it('enforce=baseline: only the pss/ finding, saying which default rule it stands for', () => {
    expect(lintWith('{ pod-security.kubernetes.io/enforce: baseline }')).toEqual([
      { ruleId: 'pss/hostNamespaces', line: 13, column: 3, message: 'namespace "shop" would reject this pod: violates PodSecurity "baseline:latest": host namespaces (hostNetwork=true) — reported here for host-namespaces too' },
      { ruleId: 'pss/privileged', line: 18, column: 9, message: 'namespace "shop" would reject this pod: violates PodSecurity "baseline:latest": privileged (container "app" must not set securityContext.privileged=true) — reported here for privileged-container too' },
      { ruleId: 'pss/hostPorts', line: 21, column: 11, message: 'namespace "shop" would reject this pod: violates PodSecurity "baseline:latest": hostPort (container "app" uses hostPort 80) — reported here for host-port too' },
      { ruleId: 'pss/hostPathVolumes', line: 24, column: 7, message: 'namespace "shop" would reject this pod: violates PodSecurity "baseline:latest": hostPath volumes (volume "logs") — reported here for host-path-volume too' },
    ]);
  });

  it('without Pod Security labels: only the default rules', () => {
    expect(lintWith('{}')).toEqual([
      { ruleId: 'host-namespaces', line: 13, column: 3, message: "pod shares the host's network namespace (hostNetwork: true)" },
      { ruleId: 'privileged-container', line: 18, column: 9, message: 'container "app" is privileged' },
      { ruleId: 'host-port', line: 21, column: 11, message: 'container "app" binds port 80 of the node (hostPort)' },
      { ruleId: 'host-path-volume', line: 24, column: 7, message: 'volume "logs" mounts host path "/var/log"' },
    ]);
  });

  it('warn=baseline is no rejection: both report, the pss/ message unchanged', () => {
    const found = lintWith('{ pod-security.kubernetes.io/warn: baseline }');
    expect(found.map(({ ruleId, line, column }) => ({ ruleId, line, column }))).toEqual(
      FIELDS.flatMap(({ rule, pss, line, column }) => [{ ruleId: rule, line, column }, { ruleId: pss, line, column }]).sort((a, b) => a.line - b.line || a.ruleId.localeCompare(b.ruleId)),
    );
    expect(found.filter((finding) => finding.message.includes('reported here for'))).toEqual([]);
  });

  it('with the pss/ rule turned off, the default rule still reports the rejected field', () => {
    const found = lintWith('{ pod-security.kubernetes.io/enforce: baseline }', 'rules:\n  pss/hostNamespaces: off\n');
    expect(found.filter((finding) => finding.line === 13)).toEqual([
      { ruleId: 'host-namespaces', line: 13, column: 3, message: "pod shares the host's network namespace (hostNetwork: true)" },
    ]);
    // The other pairs are unaffected.
    expect(found.filter((finding) => finding.line !== 13).map((finding) => finding.ruleId)).toEqual(['pss/privileged', 'pss/hostPorts', 'pss/hostPathVolumes']);
  });

  it('with the default rule turned off, the pss/ message does not name it', () => {
    const found = lintWith('{ pod-security.kubernetes.io/enforce: baseline }', 'rules:\n  privileged-container: off\n');
    expect(found.filter((finding) => finding.line === 18)).toEqual([
      { ruleId: 'pss/privileged', line: 18, column: 9, message: 'namespace "shop" would reject this pod: violates PodSecurity "baseline:latest": privileged (container "app" must not set securityContext.privileged=true)' },
    ]);
  });
});
