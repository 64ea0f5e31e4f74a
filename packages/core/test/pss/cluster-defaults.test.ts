import { EMPTY_CONFIG, lint, type Finding } from '../../src';
import { labelPolicies, type ClusterDefaults } from '../../src/pss/policy';
import { LATEST } from '../../src/pss/version';
import { makeTree } from '../helpers';
import { yaml } from '../rule-tester';

/**
 * The cluster's Pod Security defaults and exemptions, read from an AdmissionConfiguration (or a
 * standalone PodSecurityConfiguration) of the linted set, feed the admission prediction: a
 * namespace without labels gets the defaults, each mode's label overrides that mode's default,
 * exempt namespaces and runtime classes are let in unchecked. Lines and columns are 1-based,
 * counted by hand in each file.
 */

const ADMISSION_FILE = 'cluster/admission-config.yaml';

function admissionConfiguration(defaults: string, exemptions = '', apiVersion = 'pod-security.admission.config.k8s.io/v1'): string {
  return yaml`
    apiVersion: apiserver.config.k8s.io/v1
    kind: AdmissionConfiguration
    plugins:
      - name: PodSecurity
        configuration:
          apiVersion: ${apiVersion}
          kind: PodSecurityConfiguration
          defaults: ${defaults}
          exemptions: ${exemptions === '' ? '{}' : exemptions}
  `;
}

const BASELINE_DEFAULTS = admissionConfiguration('{ enforce: baseline, enforce-version: latest }', '{ namespaces: [kube-system], runtimeClasses: [kata], usernames: [system:serviceaccount:ci:deployer] }');

/** A Pod with a privileged container (line 11, column 9) in `namespace`, or in none. */
function privilegedPod(namespace: string | null, name = 'priv', extraSpec = ''): string {
  return yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: ${name}
      ${namespace === null ? 'labels: { app: x }' : `namespace: ${namespace}`}
    spec:${extraSpec === '' ? '' : `\n      ${extraSpec}`}
      containers:
        - name: app
          image: nginx:1.27
          securityContext:
            privileged: true
  `;
}

function namespaceObject(name: string, labels: readonly string[] = []): string {
  const labelLines = labels.map((label) => `    pod-security.kubernetes.io/${label}\n`).join('');
  return `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n${labels.length > 0 ? `  labels:\n${labelLines}` : ''}`;
}

async function lintTree(files: Record<string, string>, paths = ['.']): Promise<Finding[]> {
  const cwd = makeTree(files);
  // The repository is the context of named files, as the CLI asks.
  const result = await lint({ paths, cwd, config: EMPTY_CONFIG, context: 'repository' });
  expect(result.findings.filter((finding) => finding.ruleId === 'yaml-syntax')).toEqual([]);
  return result.findings;
}

/** `file line:column ruleId severity: message` of the pss/ and privileged-container findings. */
function admissionFindings(findings: readonly Finding[]): string[] {
  return findings
    .filter((finding) => finding.ruleId.startsWith('pss/') || finding.ruleId === 'privileged-container')
    .map((finding) => `${finding.file} ${finding.line}:${finding.column} ${finding.ruleId} ${finding.severity}: ${finding.message}`);
}

const PRIVILEGED_VIOLATION = 'privileged (container "app" must not set securityContext.privileged=true) — reported here for privileged-container too';

describe('cluster defaults from an AdmissionConfiguration', () => {
  test('a Namespace without labels gets the cluster default, and the finding names the configuration', async () => {
    const findings = await lintTree({ [ADMISSION_FILE]: BASELINE_DEFAULTS, 'apps/namespace.yaml': namespaceObject('shop'), 'apps/pod.yaml': privilegedPod('shop') });
    expect(admissionFindings(findings)).toEqual([
      `apps/pod.yaml 11:9 pss/privileged error: cluster default (${ADMISSION_FILE}) would reject this pod: violates PodSecurity "baseline:latest": ${PRIVILEGED_VIOLATION}`,
    ]);
  });

  test('a namespace without a Namespace object, and a pod without any namespace, get the default too', async () => {
    const findings = await lintTree({ [ADMISSION_FILE]: BASELINE_DEFAULTS, 'apps/named.yaml': privilegedPod('shop', 'named'), 'apps/unnamed.yaml': privilegedPod(null, 'unnamed') });
    expect(admissionFindings(findings)).toEqual([
      `apps/named.yaml 11:9 pss/privileged error: cluster default (${ADMISSION_FILE}) would reject this pod: violates PodSecurity "baseline:latest": ${PRIVILEGED_VIOLATION}`,
      `apps/unnamed.yaml 11:9 pss/privileged error: cluster default (${ADMISSION_FILE}) would reject this pod: violates PodSecurity "baseline:latest": ${PRIVILEGED_VIOLATION}`,
    ]);
  });

  test('an exempt namespace is not checked, even with an enforce label; the default rule reports the field again', async () => {
    const findings = await lintTree({
      [ADMISSION_FILE]: BASELINE_DEFAULTS,
      'apps/namespace.yaml': namespaceObject('kube-system', ['enforce: restricted']),
      'apps/pod.yaml': privilegedPod('kube-system'),
    });
    expect(admissionFindings(findings)).toEqual(['apps/pod.yaml 11:9 privileged-container error: container "app" is privileged']);
  });

  test('an exempt runtime class is not checked; another runtime class is', async () => {
    const findings = await lintTree({
      [ADMISSION_FILE]: BASELINE_DEFAULTS,
      'apps/kata.yaml': privilegedPod('shop', 'kata', 'runtimeClassName: kata'),
      'apps/gvisor.yaml': privilegedPod('shop', 'gvisor', 'runtimeClassName: gvisor'),
    });
    // With the runtime class on line 7, the privileged field is on line 12.
    expect(admissionFindings(findings)).toEqual([
      `apps/gvisor.yaml 12:9 pss/privileged error: cluster default (${ADMISSION_FILE}) would reject this pod: violates PodSecurity "baseline:latest": ${PRIVILEGED_VIOLATION}`,
      'apps/kata.yaml 12:9 privileged-container error: container "app" is privileged',
    ]);
  });

  test('each mode label overrides that mode only: enforce from the label, warn from the default', async () => {
    const config = admissionConfiguration('{ enforce: restricted, warn: restricted, warn-version: v1.30 }');
    const pod = yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: p, namespace: shop }
      spec:
        hostNetwork: true
        containers:
          - name: app
            image: nginx:1.27
            securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities: { drop: [ALL] }, seccompProfile: { type: RuntimeDefault } }
    `;
    const findings = await lintTree({ [ADMISSION_FILE]: config, 'apps/namespace.yaml': namespaceObject('shop', ['enforce: baseline']), 'apps/pod.yaml': pod });
    expect(admissionFindings(findings)).toEqual([
      'apps/pod.yaml 5:3 pss/hostNamespaces error: namespace "shop" would reject this pod: violates PodSecurity "baseline:latest": host namespaces (hostNetwork=true) — reported here for host-namespaces too',
    ]);
    // The restricted default of warn applies where the baseline label says nothing: a restricted-only check (at the container's securityContext, line 9).
    const unsafePod = pod.replace('runAsNonRoot: true, ', '');
    const warned = await lintTree({ [ADMISSION_FILE]: config, 'apps/namespace.yaml': namespaceObject('shop', ['enforce: baseline']), 'apps/pod.yaml': unsafePod });
    expect(admissionFindings(warned).filter((line) => line.includes('runAsNonRoot'))).toEqual([
      `apps/pod.yaml 9:7 pss/runAsNonRoot warning: cluster default (${ADMISSION_FILE}) would warn about this pod: violates PodSecurity "restricted:v1.30": runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true)`,
    ]);
  });

  test('a version label keeps the default level and changes its version', async () => {
    const findings = await lintTree({
      [ADMISSION_FILE]: admissionConfiguration('{ enforce: baseline }'),
      'apps/namespace.yaml': namespaceObject('shop', ['enforce-version: v1.24']),
      'apps/pod.yaml': privilegedPod('shop'),
    });
    expect(admissionFindings(findings)).toEqual([
      `apps/pod.yaml 11:9 pss/privileged error: cluster default (${ADMISSION_FILE}) would reject this pod: violates PodSecurity "baseline:v1.24": ${PRIVILEGED_VIOLATION}`,
    ]);
  });

  test('an enforce label of privileged opts the namespace out of the default', async () => {
    const findings = await lintTree({
      [ADMISSION_FILE]: BASELINE_DEFAULTS,
      'apps/namespace.yaml': namespaceObject('shop', ['enforce: privileged']),
      'apps/pod.yaml': privilegedPod('shop'),
    });
    expect(admissionFindings(findings)).toEqual(['apps/pod.yaml 11:9 privileged-container error: container "app" is privileged']);
  });

  test('older configuration versions (v1beta1) and a standalone PodSecurityConfiguration are read', async () => {
    const beta = admissionConfiguration('{ enforce: baseline }', '', 'pod-security.admission.config.k8s.io/v1beta1');
    const standalone = 'apiVersion: pod-security.admission.config.k8s.io/v1\nkind: PodSecurityConfiguration\ndefaults:\n  enforce: baseline\n';
    for (const [file, text] of [[ADMISSION_FILE, beta], ['cluster/pod-security.yaml', standalone]] as const) {
      const findings = await lintTree({ [file]: text, 'apps/pod.yaml': privilegedPod('shop') });
      expect(admissionFindings(findings)).toEqual([
        `apps/pod.yaml 11:9 pss/privileged error: cluster default (${file}) would reject this pod: violates PodSecurity "baseline:latest": ${PRIVILEGED_VIOLATION}`,
      ]);
    }
  });

  test('a plugin that points at a file (path:) is not followed; an invalid default makes the configuration unused', async () => {
    const pathForm = 'apiVersion: apiserver.config.k8s.io/v1\nkind: AdmissionConfiguration\nplugins:\n  - name: PodSecurity\n    path: /etc/kubernetes/pod-security.yaml\n';
    const invalid = admissionConfiguration('{ enforce: strict }');
    for (const text of [pathForm, invalid]) {
      const findings = await lintTree({ [ADMISSION_FILE]: text, 'apps/pod.yaml': privilegedPod('shop') });
      expect(admissionFindings(findings)).toEqual(['apps/pod.yaml 11:9 privileged-container error: container "app" is privileged']);
    }
  });

  test('configurations that agree count as one; configurations that disagree are not used', async () => {
    const agreeing = await lintTree({ 'cluster/a.yaml': BASELINE_DEFAULTS, 'cluster/b.yaml': BASELINE_DEFAULTS, 'apps/pod.yaml': privilegedPod('shop') });
    expect(admissionFindings(agreeing)).toEqual([
      `apps/pod.yaml 11:9 pss/privileged error: cluster default (cluster/a.yaml) would reject this pod: violates PodSecurity "baseline:latest": ${PRIVILEGED_VIOLATION}`,
    ]);
    const disagreeing = await lintTree({ 'cluster/a.yaml': BASELINE_DEFAULTS, 'cluster/b.yaml': admissionConfiguration('{ enforce: restricted }'), 'apps/pod.yaml': privilegedPod('shop') });
    expect(admissionFindings(disagreeing)).toEqual(['apps/pod.yaml 11:9 privileged-container error: container "app" is privileged']);
  });

  test('the configuration applies when it is only context: one file named, the repository read around it', async () => {
    const findings = await lintTree({ '.git/HEAD': 'ref: refs/heads/main\n', [ADMISSION_FILE]: BASELINE_DEFAULTS, 'apps/pod.yaml': privilegedPod('shop') }, ['apps/pod.yaml']);
    expect(admissionFindings(findings)).toEqual([
      `apps/pod.yaml 11:9 pss/privileged error: cluster default (${ADMISSION_FILE}) would reject this pod: violates PodSecurity "baseline:latest": ${PRIVILEGED_VIOLATION}`,
    ]);
  });

  test('the profile still checks exempt pods: it lints as if every workload were enforced', async () => {
    const cwd = makeTree({ [ADMISSION_FILE]: BASELINE_DEFAULTS, 'apps/pod.yaml': privilegedPod('kube-system') });
    const result = await lint({ paths: ['.'], cwd, config: EMPTY_CONFIG, profile: 'pss-baseline' });
    expect(result.findings.map((finding) => `${finding.file} ${finding.line}:${finding.column} ${finding.ruleId}: ${finding.message}`)).toEqual([
      'apps/pod.yaml 11:9 pss/privileged: violates PodSecurity "baseline:latest": privileged (container "app" must not set securityContext.privileged=true)',
    ]);
  });
});

describe('labelPolicies with cluster defaults (upstream PolicyToEvaluate)', () => {
  const defaults = (enforce: 'privileged' | 'baseline' | 'restricted', warn: 'privileged' | 'baseline' | 'restricted'): ClusterDefaults => ({
    file: 'admission.yaml',
    modes: { enforce: { level: enforce, version: LATEST }, warn: { level: warn, version: LATEST }, audit: { level: 'privileged', version: LATEST } },
  });
  const PREFIX = 'pod-security.kubernetes.io/';

  test('no labels: the defaults, each saying it is the cluster default; warn does not follow a default enforce', () => {
    expect(labelPolicies({}, 'shop', defaults('restricted', 'privileged'))).toEqual([
      { mode: 'enforce', level: 'restricted', version: LATEST, namespace: 'shop', clusterDefault: 'admission.yaml' },
    ]);
  });

  test('warn follows an enforce label stricter than the default warn, and is then dropped as identical', () => {
    expect(labelPolicies({ [`${PREFIX}enforce`]: 'restricted' }, 'shop', defaults('privileged', 'baseline'))).toEqual([
      { mode: 'enforce', level: 'restricted', version: LATEST, namespace: 'shop' },
    ]);
  });

  test('an enforce label less strict than the default warn leaves warn at its default', () => {
    expect(labelPolicies({ [`${PREFIX}enforce`]: 'baseline' }, null, defaults('privileged', 'restricted'))).toEqual([
      { mode: 'enforce', level: 'baseline', version: LATEST, namespace: null },
      { mode: 'warn', level: 'restricted', version: LATEST, namespace: null, clusterDefault: 'admission.yaml' },
    ]);
  });
});
