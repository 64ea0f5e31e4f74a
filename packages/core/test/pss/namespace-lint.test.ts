import { EMPTY_CONFIG, lint, type Config, type Finding, type Profile } from '../../src';
import { makeTree } from '../helpers';
import { yaml } from '../rule-tester';

/**
 * End-to-end tests of Pod Security Admission namespace labels through lint(): multi-document
 * manifests with Namespaces and workloads, in the default profile unless said otherwise.
 * Every expected line and column was computed from the manifest text by hand (1-based).
 */

interface RunOptions {
  config?: Partial<Config>;
  profile?: Profile;
}

async function lintText(stdinText: string, options: RunOptions = {}): Promise<Finding[]> {
  const config: Config = { ...EMPTY_CONFIG, ...options.config };
  const result = await lint({ paths: ['-'], cwd: process.cwd(), stdinText, config, profile: options.profile });
  expect(result.findings.filter((finding) => finding.ruleId === 'yaml-syntax')).toEqual([]);
  return result.findings;
}

async function pssFindings(stdinText: string, options: RunOptions = {}): Promise<Finding[]> {
  return (await lintText(stdinText, options)).filter((finding) => finding.ruleId.startsWith('pss/'));
}

/** `line:column ruleId severity Kind/name path`. */
function brief(finding: Finding): string {
  const object = finding.object ? `${finding.object.kind}/${finding.object.name ?? ''}` : '-';
  return `${finding.line}:${finding.column} ${finding.ruleId} ${finding.severity} ${object} ${finding.path}`;
}

const ENFORCE_BASELINE = yaml`
  apiVersion: v1
  kind: Namespace
  metadata:
    name: shop
    labels:
      pod-security.kubernetes.io/enforce: baseline
  ---
  apiVersion: v1
  kind: Pod
  metadata:
    name: priv
    namespace: shop
  spec:
    containers:
      - name: app
        image: nginx:1.27
        securityContext:
          privileged: true
  ---
  apiVersion: apps/v1
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
        hostNetwork: true
        containers:
          - name: web
            image: nginx:1.27
            securityContext: { privileged: true }
`;

describe('enforce=baseline', () => {
  test('a privileged Pod and a Deployment: errors at their own fields, "would reject"', async () => {
    const findings = await pssFindings(ENFORCE_BASELINE);
    expect(findings.map(brief)).toEqual([
      '18:9 pss/privileged error Pod/priv spec.containers[0].securityContext.privileged',
      '32:7 pss/hostNamespaces error Deployment/web spec.template.spec.hostNetwork',
      '36:30 pss/privileged error Deployment/web spec.template.spec.containers[0].securityContext.privileged',
    ]);
    const [pod, hostNetwork, deployment] = findings;
    expect(pod?.message).toContain('namespace "shop" would reject this pod');
    expect(pod?.message).toContain('violates PodSecurity "baseline:latest"');
    expect(pod?.message).toContain('container "app" must not set securityContext.privileged=true');
    expect(pod?.endLine).toBe(18);
    expect(pod?.endColumn).toBe(25);
    expect(hostNetwork?.message).toContain('namespace "shop" would reject the pods of this Deployment');
    expect(hostNetwork?.message).toContain('violates PodSecurity "baseline:latest"');
    expect(deployment?.message).toContain('namespace "shop" would reject the pods of this Deployment');
    expect(deployment?.message).toContain('violates PodSecurity "baseline:latest"');
    expect(deployment?.message).not.toContain('this pod');
    for (const finding of findings) {
      expect(finding.file).toBe('<stdin>');
      expect(finding.object?.namespace).toBe('shop');
    }
  });

  test('the normal rules still run alongside, but a rejected field is reported once, by pss/', async () => {
    const findings = await lintText(ENFORCE_BASELINE);
    const at = (line: number, column: number) => findings.filter((f) => f.line === line && f.column === column).map((f) => f.ruleId);
    // privileged-container tests the same condition as pss/privileged: the rejection speaks for both.
    expect(at(18, 9)).toEqual(['pss/privileged']);
    expect(at(36, 30)).toEqual(['pss/privileged']);
    expect(findings.filter((f) => f.ruleId === 'privileged-container')).toEqual([]);
    expect(findings.filter((f) => f.ruleId === 'pss/privileged').map((f) => f.message.endsWith(' — reported here for privileged-container too'))).toEqual([true, true]);
    expect(at(32, 7)).toEqual(['pss/hostNamespaces']);
    // Rules without a pss/ twin report as before.
    expect(findings.filter((f) => f.ruleId === 'missing-resource-limits').map((f) => `${f.line}:${f.column}`)).toEqual(['15:7', '34:11']);
  });

  test('without the Namespace in the linted set, no pss finding (default profile)', async () => {
    const withoutNamespace = ENFORCE_BASELINE.split('---\n').slice(1).join('---\n');
    const findings = await lintText(withoutNamespace);
    expect(findings.filter((f) => f.ruleId.startsWith('pss/'))).toEqual([]);
    expect(findings.filter((f) => f.ruleId === 'privileged-container')).toHaveLength(2);
  });

  test('a Namespace in another file of the linted set applies too', async () => {
    const [namespaceDoc, podDoc] = ENFORCE_BASELINE.split('---\n');
    const cwd = makeTree({ 'cluster/namespace.yaml': namespaceDoc ?? '', 'apps/pod.yaml': podDoc ?? '' });
    const result = await lint({ paths: ['.'], cwd, config: EMPTY_CONFIG });
    const findings = result.findings.filter((f) => f.ruleId.startsWith('pss/'));
    // In its own file the privileged field is on line 18 - 7 = 11.
    expect(findings.map((f) => `${f.file} ${brief(f)}`)).toEqual(['apps/pod.yaml 11:9 pss/privileged error Pod/priv spec.containers[0].securityContext.privileged']);
    expect(findings[0]?.message).toContain('namespace "shop" would reject this pod');
  });

  test('a Namespace inside a List applies too', async () => {
    const text = yaml`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: Namespace
          metadata:
            name: shop
            labels: { pod-security.kubernetes.io/enforce: baseline }
        - apiVersion: v1
          kind: Pod
          metadata: { name: listed, namespace: shop }
          spec:
            hostPID: true
            containers:
              - name: app
                image: nginx:1.27
    `;
    expect((await pssFindings(text)).map(brief)).toEqual(['13:7 pss/hostNamespaces error Pod/listed spec.hostPID']);
  });
});

describe('pinned enforce-version', () => {
  const windowsPod = (version: string) => yaml`
    apiVersion: v1
    kind: Namespace
    metadata:
      name: win
      labels:
        pod-security.kubernetes.io/enforce: restricted
        pod-security.kubernetes.io/enforce-version: ${version}
    ---
    apiVersion: v1
    kind: Pod
    metadata:
      name: nano
      namespace: win
    spec:
      os:
        name: windows
      securityContext:
        runAsNonRoot: true
      containers:
        - name: app
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
  `;

  test('restricted v1.24 still checks Windows pods; v1.25 and latest exempt them', async () => {
    const v124 = await pssFindings(windowsPod('v1.24'));
    // The missing fields are located at the container (its first entry, `name`).
    expect(v124.map(brief)).toEqual([
      '20:7 pss/allowPrivilegeEscalation error Pod/nano spec.containers[0].securityContext.allowPrivilegeEscalation',
      '20:7 pss/capabilities_restricted error Pod/nano spec.containers[0].securityContext.capabilities.drop',
      '20:7 pss/seccompProfile_restricted error Pod/nano spec.containers[0].securityContext.seccompProfile.type',
    ]);
    for (const finding of v124) {
      expect(finding.message).toContain('namespace "win" would reject this pod');
      expect(finding.message).toContain('violates PodSecurity "restricted:v1.24"');
    }
    expect(await pssFindings(windowsPod('v1.25'))).toEqual([]);
    expect(await pssFindings(windowsPod('latest'))).toEqual([]);
  });

  const sysctlPod = (version: string) => yaml`
    apiVersion: v1
    kind: Namespace
    metadata:
      name: tuned
      labels:
        pod-security.kubernetes.io/enforce: baseline
        pod-security.kubernetes.io/enforce-version: ${version}
    ---
    apiVersion: v1
    kind: Pod
    metadata:
      name: keepalive
      namespace: tuned
    spec:
      securityContext:
        sysctls:
          - name: net.ipv4.tcp_keepalive_time
            value: "600"
      containers:
        - name: app
          image: nginx:1.27
  `;

  test('net.ipv4.tcp_keepalive_time is forbidden before v1.29 and allowed from v1.29', async () => {
    for (const version of ['v1.0', 'v1.25', 'v1.28']) {
      const findings = await pssFindings(sysctlPod(version));
      expect({ version, findings: findings.map(brief) }).toEqual({
        version,
        findings: ['17:9 pss/sysctls error Pod/keepalive spec.securityContext.sysctls[0].name'],
      });
      expect(findings[0]?.message).toContain(`violates PodSecurity "baseline:${version}"`);
      expect(findings[0]?.message).toContain('net.ipv4.tcp_keepalive_time');
    }
    for (const version of ['v1.29', 'v1.30', 'v1.99', 'latest']) {
      expect({ version, findings: (await pssFindings(sysctlPod(version))).map(brief) }).toEqual({ version, findings: [] });
    }
  });

  test('an invalid enforce-version (1.25, a YAML number) means latest', async () => {
    expect(await pssFindings(sysctlPod('1.25'))).toEqual([]);
    expect(await pssFindings(sysctlPod('"1.25"'))).toEqual([]);
    expect(await pssFindings(sysctlPod('v1.025'))).toEqual([]);
  });
});

const HALF_RESTRICTED_POD = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: half
    namespace: mixed
  spec:
    securityContext:
      runAsNonRoot: true
      seccompProfile:
        type: RuntimeDefault
    containers:
      - name: app
        image: nginx:1.27
        securityContext:
          privileged: true
          capabilities:
            drop: [ALL]
`;

/** A Namespace `mixed` with the given pod-security labels, then `---` and the pod above; `offset` = lines before the pod. */
function mixed(labels: Record<string, string>): { text: string; offset: number } {
  const lines = ['apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: mixed', '  labels:', ...Object.entries(labels).map(([key, value]) => `    pod-security.kubernetes.io/${key}: ${value}`), '---'];
  return { text: `${lines.join('\n')}\n${HALF_RESTRICTED_POD}`, offset: lines.length };
}

describe('warn and audit', () => {
  // In the pod, the container's securityContext is line 14 (column 7), privileged line 15 (column 9).
  test('warn=restricted only: warnings, "would warn about"', async () => {
    const { text, offset } = mixed({ warn: 'restricted' });
    const findings = await pssFindings(text);
    expect(findings.map(brief)).toEqual([
      `${offset + 14}:7 pss/allowPrivilegeEscalation warning Pod/half spec.containers[0].securityContext.allowPrivilegeEscalation`,
      `${offset + 15}:9 pss/privileged warning Pod/half spec.containers[0].securityContext.privileged`,
    ]);
    for (const finding of findings) {
      expect(finding.message).toContain('namespace "mixed" would warn about this pod');
      expect(finding.message).toContain('violates PodSecurity "restricted:latest"');
    }
  });

  test('audit=restricted only: warnings, "would audit"', async () => {
    const { text, offset } = mixed({ audit: 'restricted' });
    expect(offset).toBe(7);
    const findings = await pssFindings(text);
    expect(findings.map(brief)).toEqual([
      '21:7 pss/allowPrivilegeEscalation warning Pod/half spec.containers[0].securityContext.allowPrivilegeEscalation',
      '22:9 pss/privileged warning Pod/half spec.containers[0].securityContext.privileged',
    ]);
    for (const finding of findings) {
      expect(finding.message).toContain('namespace "mixed" would audit this pod');
      expect(finding.message).toContain('violates PodSecurity "restricted:latest"');
    }
  });

  test('enforce=baseline + warn=restricted: baseline errors, restricted-only warnings, shared field once as the error', async () => {
    const { text, offset } = mixed({ enforce: 'baseline', warn: 'restricted' });
    expect(offset).toBe(8);
    const findings = await pssFindings(text);
    expect(findings.map(brief)).toEqual([
      '22:7 pss/allowPrivilegeEscalation warning Pod/half spec.containers[0].securityContext.allowPrivilegeEscalation',
      '23:9 pss/privileged error Pod/half spec.containers[0].securityContext.privileged',
    ]);
    const [warning, error] = findings;
    expect(warning?.message).toContain('namespace "mixed" would warn about this pod');
    expect(warning?.message).toContain('violates PodSecurity "restricted:latest"');
    expect(error?.message).toContain('namespace "mixed" would reject this pod');
    expect(error?.message).toContain('violates PodSecurity "baseline:latest"');
  });

  test('enforce=baseline + audit=restricted: the shared field once, as the error', async () => {
    const { text } = mixed({ enforce: 'baseline', audit: 'restricted' });
    expect((await pssFindings(text)).map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.severity}`)).toEqual([
      '22:7 pss/allowPrivilegeEscalation warning',
      '23:9 pss/privileged error',
    ]);
  });

  test('an invalid warn level is privileged: enforce alone speaks', async () => {
    const { text } = mixed({ enforce: 'baseline', warn: 'nonsense' });
    expect((await pssFindings(text)).map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.severity}`)).toEqual(['23:9 pss/privileged error']);
    expect(await pssFindings(mixed({ warn: 'nonsense' }).text)).toEqual([]);
  });

  test('an invalid enforce level is restricted', async () => {
    const { text } = mixed({ enforce: 'strict' });
    const findings = await pssFindings(text);
    expect(findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.severity}`)).toEqual(['21:7 pss/allowPrivilegeEscalation error', '22:9 pss/privileged error']);
    for (const finding of findings) expect(finding.message).toContain('would reject this pod: violates PodSecurity "restricted:latest"');
  });

  test('enforce=privileged: nothing', async () => {
    expect(await pssFindings(mixed({ enforce: 'privileged' }).text)).toEqual([]);
    expect(await pssFindings(mixed({ enforce: 'privileged', warn: 'privileged', audit: 'privileged' }).text)).toEqual([]);
  });
});

describe('enforce=restricted without warn', () => {
  const cronJob = yaml`
    apiVersion: v1
    kind: Namespace
    metadata:
      name: locked
      labels:
        pod-security.kubernetes.io/enforce: restricted
    ---
    apiVersion: batch/v1
    kind: CronJob
    metadata:
      name: nightly
      namespace: locked
    spec:
      schedule: "0 3 * * *"
      jobTemplate:
        spec:
          template:
            spec:
              restartPolicy: OnFailure
              hostPID: true
              containers:
                - name: job
                  image: busybox:1.36
                  securityContext:
                    runAsUser: 0
  `;

  test('every violation once, as an error (warn defaults to restricted and adds nothing)', async () => {
    const findings = await pssFindings(cronJob);
    const c = 'spec.jobTemplate.spec.template.spec.containers[0].securityContext';
    expect(findings.map(brief)).toEqual([
      '20:11 pss/hostNamespaces error CronJob/nightly spec.jobTemplate.spec.template.spec.hostPID',
      `24:15 pss/allowPrivilegeEscalation error CronJob/nightly ${c}.allowPrivilegeEscalation`,
      `24:15 pss/capabilities_restricted error CronJob/nightly ${c}.capabilities.drop`,
      `24:15 pss/runAsNonRoot error CronJob/nightly ${c}.runAsNonRoot`,
      `24:15 pss/seccompProfile_restricted error CronJob/nightly ${c}.seccompProfile.type`,
      `25:17 pss/runAsUser error CronJob/nightly ${c}.runAsUser`,
    ]);
    for (const finding of findings) {
      expect(finding.message).toContain('namespace "locked" would reject the pods of this CronJob');
      expect(finding.message).toContain('violates PodSecurity "restricted:latest"');
    }
  });

  test('with warn-version set, the warn policy differs only by version and repeats nothing', async () => {
    const text = cronJob.replace('enforce: restricted\n', 'enforce: restricted\n    pod-security.kubernetes.io/warn-version: v1.24\n');
    const findings = await pssFindings(text);
    // One line was added before the CronJob.
    expect(findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.severity}`)).toEqual([
      '21:11 pss/hostNamespaces error',
      '25:15 pss/allowPrivilegeEscalation error',
      '25:15 pss/capabilities_restricted error',
      '25:15 pss/runAsNonRoot error',
      '25:15 pss/seccompProfile_restricted error',
      '26:17 pss/runAsUser error',
    ]);
  });
});

describe('which namespace a workload is in', () => {
  const SCOPE = yaml`
    apiVersion: v1
    kind: Namespace
    metadata:
      name: default
      labels:
        pod-security.kubernetes.io/enforce: baseline
    ---
    apiVersion: v1
    kind: Namespace
    metadata:
      name: team
      labels:
        pod-security.kubernetes.io/warn: baseline
    ---
    apiVersion: v1
    kind: Pod
    metadata:
      name: nowhere
    spec:
      containers:
        - name: app
          image: nginx:1.27
          securityContext: { privileged: true }
  `;

  test('no metadata.namespace: the namespace is unknown, not "default", so the default Namespace\'s labels do not judge the pod', async () => {
    expect(await pssFindings(SCOPE)).toEqual([]);
    const findings = await pssFindings(SCOPE, { config: { defaultNamespace: 'default' } });
    expect(findings.map(brief)).toEqual(['23:26 pss/privileged error Pod/nowhere spec.containers[0].securityContext.privileged']);
    expect(findings[0]?.message).toContain('namespace "default" would reject this pod');
  });

  test('no metadata.namespace with defaultNamespace configured: that namespace', async () => {
    const findings = await pssFindings(SCOPE, { config: { defaultNamespace: 'team' } });
    expect(findings.map(brief)).toEqual(['23:26 pss/privileged warning Pod/nowhere spec.containers[0].securityContext.privileged']);
    expect(findings[0]?.message).toContain('namespace "team" would warn about this pod');
    expect(findings[0]?.message).toContain('violates PodSecurity "baseline:latest"');
    // A configured default namespace without labels: the `default` Namespace no longer applies.
    expect(await pssFindings(SCOPE, { config: { defaultNamespace: 'elsewhere' } })).toEqual([]);
  });

  test('an empty metadata.namespace is unset, like an absent one', async () => {
    // Go decodes `namespace: ""` like an absent field: the namespace is whatever applies the object.
    const text = SCOPE.replace('  name: nowhere\n', '  name: nowhere\n  namespace: ""\n');
    expect(await pssFindings(text)).toEqual([]);
    const findings = await pssFindings(text, { config: { defaultNamespace: 'default' } });
    expect(findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.severity}`)).toEqual(['24:26 pss/privileged error']);
    expect(findings[0]?.message).toContain('namespace "default" would reject this pod');
  });

  test('an explicit metadata.namespace wins over the default', async () => {
    const text = SCOPE.replace('  name: nowhere\n', '  name: nowhere\n  namespace: team\n');
    const findings = await pssFindings(text);
    expect(findings.map(brief)).toEqual(['24:26 pss/privileged warning Pod/nowhere spec.containers[0].securityContext.privileged']);
  });

  test('privileged level, no labels, another namespace, a non-v1 Namespace: no pss finding; normal rules still run', async () => {
    const namespaceDoc = (name: string, apiVersion: string, labels: string[]) =>
      [`apiVersion: ${apiVersion}`, 'kind: Namespace', 'metadata:', `  name: ${name}`, ...(labels.length > 0 ? ['  labels:', ...labels.map((l) => `    ${l}`)] : []), ''].join('\n');
    const podDoc = (name: string, namespace: string) =>
      ['apiVersion: v1', 'kind: Pod', 'metadata:', `  name: ${name}`, `  namespace: ${namespace}`, 'spec:', '  containers:', '    - name: app', '      image: nginx:1.27', '      securityContext: { privileged: true }', ''].join('\n');
    const text = [
      namespaceDoc('open', 'v1', ['pod-security.kubernetes.io/enforce: privileged', 'pod-security.kubernetes.io/warn: privileged']),
      namespaceDoc('bare', 'v1', []),
      namespaceDoc('other', 'v1', ['app.kubernetes.io/part-of: shop']),
      namespaceDoc('labelled', 'v1', ['pod-security.kubernetes.io/enforce: restricted']),
      namespaceDoc('fake', 'example.com/v1', ['pod-security.kubernetes.io/enforce: restricted']),
      namespaceDoc('beta', 'v1beta1', ['pod-security.kubernetes.io/enforce: baseline']),
      podDoc('in-open', 'open'),
      podDoc('in-bare', 'bare'),
      podDoc('in-other', 'other'),
      podDoc('in-unknown', 'unknown'),
      podDoc('in-fake', 'fake'),
      podDoc('in-beta', 'beta'),
      // Names are case-sensitive: `Labelled` is not `labelled`.
      podDoc('in-capital', 'Labelled'),
    ].join('---\n');
    const findings = await lintText(text);
    expect(findings.filter((f) => f.ruleId.startsWith('pss/'))).toEqual([]);
    expect(findings.filter((f) => f.ruleId === 'privileged-container')).toHaveLength(7);
  });
});

describe('pss-* profiles together with namespace labels', () => {
  const PROFILE_TEXT = yaml`
    apiVersion: v1
    kind: Namespace
    metadata:
      name: locked
      labels:
        pod-security.kubernetes.io/enforce: restricted
    ---
    apiVersion: v1
    kind: Pod
    metadata:
      name: half
      namespace: locked
    spec:
      securityContext:
        runAsNonRoot: true
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: app
          image: nginx:1.27
          securityContext:
            privileged: true
            capabilities:
              drop: [ALL]
    ---
    apiVersion: v1
    kind: Pod
    metadata:
      name: elsewhere
      namespace: other
    spec:
      containers:
        - name: app
          image: nginx:1.27
          securityContext:
            privileged: true
  `;

  test('pss-baseline + a namespace enforcing restricted: baseline from the profile, restricted-only from the label', async () => {
    const findings = await lintText(PROFILE_TEXT, { profile: 'pss-baseline' });
    expect(findings.map(brief)).toEqual([
      '21:7 pss/allowPrivilegeEscalation error Pod/half spec.containers[0].securityContext.allowPrivilegeEscalation',
      '22:9 pss/privileged error Pod/half spec.containers[0].securityContext.privileged',
      '36:9 pss/privileged error Pod/elsewhere spec.containers[0].securityContext.privileged',
    ]);
    const [escalation, privileged, elsewhere] = findings;
    expect(escalation?.message).toContain('namespace "locked" would reject this pod');
    expect(escalation?.message).toContain('violates PodSecurity "restricted:latest"');
    // The profile speaks first for a field both ask about: no namespace wording.
    expect(privileged?.message).toMatch(/^violates PodSecurity "baseline:latest"/);
    expect(elsewhere?.message).toMatch(/^violates PodSecurity "baseline:latest"/);
  });

  test('pss-baseline: profile findings take the configured severity, namespace ones stay errors', async () => {
    const findings = await lintText(PROFILE_TEXT, { profile: 'pss-baseline', config: { rules: { 'pss/privileged': { severity: 'warning' } } } });
    expect(findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.severity}`)).toEqual([
      '21:7 pss/allowPrivilegeEscalation error',
      '22:9 pss/privileged warning',
      '36:9 pss/privileged warning',
    ]);
  });

  test('pss-baseline + a namespace enforcing restricted at v1.24: the profile keeps its own version', async () => {
    const text = PROFILE_TEXT.replace('enforce: restricted\n', 'enforce: restricted\n    pod-security.kubernetes.io/enforce-version: v1.24\n');
    const findings = await lintText(text, { profile: 'pss-baseline' });
    expect(findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.severity}`)).toEqual([
      '22:7 pss/allowPrivilegeEscalation error',
      '23:9 pss/privileged error',
      '37:9 pss/privileged error',
    ]);
    expect(findings[0]?.message).toContain('violates PodSecurity "restricted:v1.24"');
    expect(findings[1]?.message).toMatch(/^violates PodSecurity "baseline:latest"/);
  });

  test('the pssVersion setting does not change the version a namespace label asks for (default profile)', async () => {
    // enforce=restricted at latest exempts Windows pods; pssVersion v1.24 is for the pss-* profiles only.
    const text = yaml`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: win
        labels:
          pod-security.kubernetes.io/enforce: restricted
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: nano
        namespace: win
      spec:
        os:
          name: windows
        securityContext:
          runAsNonRoot: true
        containers:
          - name: app
            image: mcr.microsoft.com/windows/nanoserver:ltsc2022
    `;
    expect(await pssFindings(text, { config: { pssVersion: 'v1.24' } })).toEqual([]);
  });

  test('pss-baseline at v1.29 + a namespace enforcing baseline v1.28: the namespace reports what the profile allows', async () => {
    const text = yaml`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: tuned
        labels:
          pod-security.kubernetes.io/enforce: baseline
          pod-security.kubernetes.io/enforce-version: v1.28
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: keepalive
        namespace: tuned
      spec:
        securityContext:
          sysctls:
            - name: net.ipv4.tcp_keepalive_time
              value: "600"
        containers:
          - name: app
            image: nginx:1.27
    `;
    const findings = await lintText(text, { profile: 'pss-baseline', config: { pssVersion: 'v1.29' } });
    expect(findings.map(brief)).toEqual(['17:9 pss/sysctls error Pod/keepalive spec.securityContext.sysctls[0].name']);
    expect(findings[0]?.message).toContain('namespace "tuned" would reject this pod: violates PodSecurity "baseline:v1.28"');
    // The other way round, the profile speaks (with its own version) and the namespace adds nothing.
    const reversed = await lintText(text.replace('v1.28', 'v1.29'), { profile: 'pss-baseline', config: { pssVersion: 'v1.28' } });
    expect(reversed.map(brief)).toEqual(['17:9 pss/sysctls error Pod/keepalive spec.securityContext.sysctls[0].name']);
    expect(reversed[0]?.message).toMatch(/^violates PodSecurity "baseline:v1\.28"/);
  });

  test('pss-restricted + a namespace enforcing baseline: everything from the profile, once', async () => {
    const text = PROFILE_TEXT.replace('enforce: restricted', 'enforce: baseline');
    const findings = await lintText(text, { profile: 'pss-restricted' });
    expect(findings.map(brief)).toEqual([
      '21:7 pss/allowPrivilegeEscalation error Pod/half spec.containers[0].securityContext.allowPrivilegeEscalation',
      '22:9 pss/privileged error Pod/half spec.containers[0].securityContext.privileged',
      '35:7 pss/allowPrivilegeEscalation error Pod/elsewhere spec.containers[0].securityContext.allowPrivilegeEscalation',
      '35:7 pss/capabilities_restricted error Pod/elsewhere spec.containers[0].securityContext.capabilities.drop',
      '35:7 pss/runAsNonRoot error Pod/elsewhere spec.containers[0].securityContext.runAsNonRoot',
      '35:7 pss/seccompProfile_restricted error Pod/elsewhere spec.containers[0].securityContext.seccompProfile.type',
      '36:9 pss/privileged error Pod/elsewhere spec.containers[0].securityContext.privileged',
    ]);
    for (const finding of findings) expect(finding.message).toMatch(/^violates PodSecurity "restricted:latest"/);
  });
});
