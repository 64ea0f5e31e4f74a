/**
 * The default pod checks that share a Pod Security Standards condition (unmasked-proc-mount,
 * unsafe-sysctls, unsafe-selinux-options, windows-host-process, probe-or-lifecycle-host) report a
 * field once: by the `pss/` rule when admission rejects it, by the default rule otherwise. Run end
 * to end through the committed bundle.
 */
import { BUNDLE, jsonFindings, lint, tempDir, writeTree } from '../../../../test/guarantees/helpers';

const NAMESPACE_LABELS = 'NAMESPACE_LABELS';

/** Line numbers below are those of this text (line 1 is `apiVersion: v1`). */
const MANIFEST = `apiVersion: v1
kind: Namespace
metadata:
  name: build
  labels: ${NAMESPACE_LABELS}
---
apiVersion: v1
kind: Pod
metadata:
  name: runner
  namespace: build
spec:
  securityContext:
    sysctls:
      - name: kernel.msgmax
        value: "65536"
    seLinuxOptions:
      type: spc_t
    windowsOptions:
      hostProcess: true
  containers:
    - name: app
      image: runner:1
      securityContext:
        procMount: Unmasked
      readinessProbe:
        httpGet:
          host: 10.0.0.1
          port: 80
`;

const FIELDS = [
  { rule: 'unsafe-sysctls', pss: 'pss/sysctls', line: 15, column: 9 },
  { rule: 'unsafe-selinux-options', pss: 'pss/seLinuxOptions', line: 18, column: 7 },
  { rule: 'windows-host-process', pss: 'pss/windowsHostProcess', line: 20, column: 7 },
  { rule: 'unmasked-proc-mount', pss: 'pss/procMount', line: 25, column: 9 },
  { rule: 'probe-or-lifecycle-host', pss: 'pss/hostProbesAndHostLifecycle', line: 28, column: 11 },
] as const;

const PAIRED_RULES: ReadonlySet<string> = new Set(FIELDS.flatMap((field) => [field.rule, field.pss, 'pss/procMount_restricted']));

function lintWith(labels: string, args: string[] = []): Array<{ ruleId: string; line: number; column: number; message: string }> {
  const dir = writeTree(tempDir('pss-once-pod'), { 'pod.yaml': MANIFEST.replace(NAMESPACE_LABELS, labels) });
  const run = lint(['pod.yaml', '-f', 'json', ...args], { cwd: dir, entry: BUNDLE });
  expect(run.stderr).toBe('');
  return jsonFindings(run.stdout)
    .filter((finding) => PAIRED_RULES.has(finding.ruleId))
    .map(({ ruleId, line, column, message }) => ({ ruleId, line, column, message }))
    .sort((a, b) => a.line - b.line || a.ruleId.localeCompare(b.ruleId));
}

const positions = (found: ReturnType<typeof lintWith>) => found.map(({ ruleId, line, column }) => ({ ruleId, line, column }));

describe('new default pod checks: one field, one report', () => {
  it('without Pod Security labels: only the default rules', () => {
    expect(lintWith('{}')).toEqual([
      { ruleId: 'unsafe-sysctls', line: 15, column: 9, message: 'pod sets the unsafe sysctl "kernel.msgmax"' },
      { ruleId: 'unsafe-selinux-options', line: 18, column: 7, message: 'pod sets the SELinux type "spc_t", which is not a container type' },
      { ruleId: 'windows-host-process', line: 20, column: 7, message: "pod runs as a Windows HostProcess, with the node's privileges" },
      { ruleId: 'unmasked-proc-mount', line: 25, column: 9, message: 'container "app" sets procMount "Unmasked", unmasking the host\'s /proc' },
      { ruleId: 'probe-or-lifecycle-host', line: 28, column: 11, message: 'readinessProbe of container "app" makes the kubelet connect to host "10.0.0.1" instead of the pod' },
    ]);
  });

  it('enforce=baseline: only the pss/ finding, saying which default rule it stands for', () => {
    const found = lintWith('{ pod-security.kubernetes.io/enforce: baseline }');
    expect(positions(found)).toEqual(FIELDS.map(({ pss, line, column }) => ({ ruleId: pss, line, column })));
    FIELDS.forEach(({ rule }, index) => expect(found[index]?.message).toMatch(new RegExp(`^namespace "build" would reject this pod: .* — reported here for ${rule} too$`)));
  });

  it('enforce=restricted: procMount is reported by the restricted check that replaces the baseline one', () => {
    const found = lintWith('{ pod-security.kubernetes.io/enforce: restricted }');
    expect(found.filter((finding) => finding.line === 25)).toEqual([
      expect.objectContaining({ ruleId: 'pss/procMount_restricted', message: expect.stringMatching(/reported here for unmasked-proc-mount too$/) }),
    ]);
    expect(found.filter((finding) => !finding.ruleId.startsWith('pss/'))).toEqual([]);
  });

  it('enforce=baseline at v1.33: the host probe is allowed then, so the default rule reports it', () => {
    const found = lintWith('{ pod-security.kubernetes.io/enforce: baseline, pod-security.kubernetes.io/enforce-version: v1.33 }');
    expect(found.filter((finding) => finding.line === 28).map((finding) => finding.ruleId)).toEqual(['probe-or-lifecycle-host']);
  });

  it.each(['pss-baseline', 'pss-restricted'])('profile %s: each field once, by the pss/ rule', (profile) => {
    const procMount = profile === 'pss-baseline' ? 'pss/procMount' : 'pss/procMount_restricted';
    expect(positions(lintWith('{}', ['--profile', profile]))).toEqual(
      FIELDS.map(({ pss, line, column }) => ({ ruleId: pss === 'pss/procMount' ? procMount : pss, line, column })),
    );
  });

  it('warn=baseline is no rejection: both report', () => {
    const found = lintWith('{ pod-security.kubernetes.io/warn: baseline }');
    expect(positions(found)).toEqual(
      FIELDS.flatMap(({ rule, pss, line, column }) => [{ ruleId: rule, line, column }, { ruleId: pss, line, column }]).sort((a, b) => a.line - b.line || a.ruleId.localeCompare(b.ruleId)),
    );
  });
});
