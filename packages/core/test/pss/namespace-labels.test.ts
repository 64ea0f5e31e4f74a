import { EMPTY_CONFIG, lint, namespacePolicies, parseFile, type Finding, type PolicyVersion, type PssPolicy, type Resource } from '../../src';
import { resourcesOf } from '../../src/engine/documents';
import { policiesByNamespace } from '../../src/pss/policy';

/**
 * Unit tests of the decoding of `pod-security.kubernetes.io/*` Namespace labels, which must
 * follow upstream's `PolicyToEvaluate` (pod-security-admission `api/helpers.go`):
 * - an invalid enforce level means restricted (and does not make warn follow enforce);
 * - an invalid warn or audit level means privileged (fail open);
 * - an invalid version means latest;
 * - warn follows a valid, stricter enforce level (and its version, unless warn-version is set)
 *   when warn is not set;
 * - a mode asking for exactly what a more severe mode already checks is dropped.
 */

const PREFIX = 'pod-security.kubernetes.io/';

/** All Kubernetes objects of a manifest text, as the engine sees them. */
function resourcesIn(text: string): Resource[] {
  const parsed = parseFile(text);
  expect(parsed.problems).toEqual([]);
  return parsed.documents.flatMap((document) => resourcesOf(document, '<test>').resources);
}

/**
 * A Namespace whose labels are the given raw YAML lines (`enforce: baseline`), each key prefixed
 * with `pod-security.kubernetes.io/` unless it already contains a `/`.
 */
function namespaceText(name: string, labelLines: readonly string[], apiVersion = 'v1'): string {
  const labels = labelLines.map((line) => `    ${line.split(':')[0]?.includes('/') ? '' : PREFIX}${line}`);
  return [`apiVersion: ${apiVersion}`, 'kind: Namespace', 'metadata:', `  name: ${name}`, ...(labels.length > 0 ? ['  labels:', ...labels] : []), ''].join('\n');
}

function namespace(labelLines: readonly string[], name = 'ns'): Resource {
  const [resource, ...rest] = resourcesIn(namespaceText(name, labelLines));
  expect(rest).toEqual([]);
  if (!resource) throw new Error('no Namespace parsed');
  return resource;
}

const latest: PolicyVersion = { latest: true };
const v = (minor: number): PolicyVersion => ({ latest: false, minor });

function policy(mode: PssPolicy['mode'], level: PssPolicy['level'], version: PolicyVersion = latest, ns = 'ns'): PssPolicy {
  return { mode, level, version, namespace: ns };
}

const decode = (labelLines: readonly string[]): PssPolicy[] => namespacePolicies(namespace(labelLines));

describe('namespacePolicies: valid labels', () => {
  test('a Namespace without labels, or without pod-security labels, asks for nothing', () => {
    expect(decode([])).toEqual([]);
    expect(decode(['app.kubernetes.io/name: shop', 'example.com/enforce: restricted'])).toEqual([]);
  });

  test('the privileged level asks for nothing, in every mode', () => {
    expect(decode(['enforce: privileged'])).toEqual([]);
    expect(decode(['enforce: privileged', 'warn: privileged', 'audit: privileged'])).toEqual([]);
    expect(decode(['enforce: privileged', 'enforce-version: v1.24'])).toEqual([]);
  });

  test('enforce=baseline: warn follows enforce and is then dropped as identical', () => {
    expect(decode(['enforce: baseline'])).toEqual([policy('enforce', 'baseline')]);
  });

  test('enforce=restricted without warn: a single enforce policy, no duplicate warn', () => {
    expect(decode(['enforce: restricted'])).toEqual([policy('enforce', 'restricted')]);
  });

  test('the policy names the Namespace it comes from', () => {
    expect(namespacePolicies(namespace(['enforce: baseline'], 'payments'))).toEqual([policy('enforce', 'baseline', latest, 'payments')]);
  });

  test('versions: latest, v1.N (v1.0 included), and versions newer than any check', () => {
    expect(decode(['enforce: baseline', 'enforce-version: latest'])).toEqual([policy('enforce', 'baseline', latest)]);
    expect(decode(['enforce: baseline', 'enforce-version: v1.24'])).toEqual([policy('enforce', 'baseline', v(24))]);
    expect(decode(['enforce: baseline', 'enforce-version: v1.0'])).toEqual([policy('enforce', 'baseline', v(0))]);
    expect(decode(['enforce: baseline', 'enforce-version: v1.99'])).toEqual([policy('enforce', 'baseline', v(99))]);
  });

  test('warn follows a stricter enforce level together with its version', () => {
    // warn = restricted:v1.24, identical to enforce, so dropped.
    expect(decode(['enforce: restricted', 'enforce-version: v1.24'])).toEqual([policy('enforce', 'restricted', v(24))]);
  });

  test('warn follows the enforce level but keeps its own warn-version when set', () => {
    expect(decode(['enforce: restricted', 'enforce-version: v1.24', 'warn-version: latest'])).toEqual([
      policy('enforce', 'restricted', v(24)),
      policy('warn', 'restricted', latest),
    ]);
    expect(decode(['enforce: baseline', 'warn-version: v1.25'])).toEqual([policy('enforce', 'baseline', latest), policy('warn', 'baseline', v(25))]);
  });

  test('warn only', () => {
    expect(decode(['warn: restricted'])).toEqual([policy('warn', 'restricted')]);
    expect(decode(['warn: baseline', 'warn-version: v1.30'])).toEqual([policy('warn', 'baseline', v(30))]);
  });

  test('audit only (audit never follows enforce)', () => {
    expect(decode(['audit: restricted'])).toEqual([policy('audit', 'restricted')]);
    expect(decode(['audit: baseline', 'audit-version: v1.28'])).toEqual([policy('audit', 'baseline', v(28))]);
    expect(decode(['enforce: baseline', 'audit-version: v1.20'])).toEqual([policy('enforce', 'baseline')]);
  });

  test('enforce=baseline + warn=restricted: both, enforce first', () => {
    expect(decode(['enforce: baseline', 'warn: restricted'])).toEqual([policy('enforce', 'baseline'), policy('warn', 'restricted')]);
  });

  test('an explicit warn level is kept even when less strict than enforce', () => {
    expect(decode(['enforce: restricted', 'warn: baseline'])).toEqual([policy('enforce', 'restricted'), policy('warn', 'baseline')]);
    expect(decode(['enforce: restricted', 'warn: privileged'])).toEqual([policy('enforce', 'restricted')]);
  });

  test('an explicit warn-version without a warn level does not stop warn from following enforce', () => {
    expect(decode(['enforce: restricted', 'warn-version: v1.24'])).toEqual([policy('enforce', 'restricted'), policy('warn', 'restricted', v(24))]);
  });

  test('modes identical to a more severe one are dropped (enforce > warn > audit)', () => {
    expect(decode(['enforce: baseline', 'warn: baseline', 'audit: baseline'])).toEqual([policy('enforce', 'baseline')]);
    expect(decode(['warn: restricted', 'audit: restricted'])).toEqual([policy('warn', 'restricted')]);
    expect(decode(['enforce: restricted', 'audit: restricted'])).toEqual([policy('enforce', 'restricted')]);
    expect(
      decode(['enforce: baseline', 'enforce-version: v1.24', 'warn: baseline', 'warn-version: v1.24', 'audit: baseline', 'audit-version: v1.24']),
    ).toEqual([policy('enforce', 'baseline', v(24))]);
  });

  test('the same level at different versions is not identical', () => {
    expect(decode(['enforce: baseline', 'enforce-version: v1.24', 'audit: baseline'])).toEqual([
      policy('enforce', 'baseline', v(24)),
      policy('audit', 'baseline', latest),
    ]);
    expect(decode(['warn: restricted', 'warn-version: v1.25', 'audit: restricted', 'audit-version: v1.26'])).toEqual([
      policy('warn', 'restricted', v(25)),
      policy('audit', 'restricted', v(26)),
    ]);
  });

  test('all three modes at different levels', () => {
    expect(decode(['enforce: baseline', 'warn: restricted', 'audit: restricted', 'audit-version: v1.30'])).toEqual([
      policy('enforce', 'baseline'),
      policy('warn', 'restricted'),
      policy('audit', 'restricted', v(30)),
    ]);
  });
});

describe('namespacePolicies: invalid labels', () => {
  test('an invalid enforce level is evaluated as restricted', () => {
    expect(decode(['enforce: strict'])).toEqual([policy('enforce', 'restricted')]);
    // Levels are case-sensitive.
    expect(decode(['enforce: Baseline'])).toEqual([policy('enforce', 'restricted')]);
    expect(decode(['enforce: ""'])).toEqual([policy('enforce', 'restricted')]);
    // A null value decodes to "", which is invalid too.
    expect(decode(['enforce:'])).toEqual([policy('enforce', 'restricted')]);
  });

  test('an invalid enforce level keeps a valid enforce-version', () => {
    expect(decode(['enforce: strict', 'enforce-version: v1.24'])).toEqual([policy('enforce', 'restricted', v(24))]);
  });

  test('an invalid enforce level does not make warn follow enforce', () => {
    // With a valid `restricted`, warn would follow at its own version v1.24 (see below).
    expect(decode(['enforce: strict', 'warn-version: v1.24'])).toEqual([policy('enforce', 'restricted')]);
    expect(decode(['enforce: restricted', 'warn-version: v1.24'])).toEqual([policy('enforce', 'restricted'), policy('warn', 'restricted', v(24))]);
  });

  test('an invalid warn level is privileged (fail open)', () => {
    expect(decode(['warn: nonsense'])).toEqual([]);
    expect(decode(['warn: Restricted', 'warn-version: v1.25'])).toEqual([]);
  });

  test('an invalid warn level counts as set: warn does not follow enforce', () => {
    // If warn followed enforce it would be baseline:latest, which differs from enforce's v1.24.
    expect(decode(['enforce: baseline', 'enforce-version: v1.24', 'warn: nonsense', 'warn-version: latest'])).toEqual([policy('enforce', 'baseline', v(24))]);
  });

  test('an invalid audit level is privileged (fail open)', () => {
    expect(decode(['audit: nonsense'])).toEqual([]);
    expect(decode(['enforce: baseline', 'audit: nonsense', 'audit-version: v1.20'])).toEqual([policy('enforce', 'baseline')]);
  });

  test('an invalid version is latest', () => {
    // A YAML number, a string without the `v`, leading zeros, other majors, upper case, garbage.
    for (const version of ['1.25', '"1.25"', 'v1.025', 'v2.0', 'V1.25', 'v1.', 'v1.x', 'v1.25.0', '" v1.25"', 'newest', '""']) {
      expect({ version, policies: decode(['enforce: baseline', `enforce-version: ${version}`]) }).toEqual({ version, policies: [policy('enforce', 'baseline', latest)] });
    }
    expect(decode(['warn: restricted', 'warn-version: 1.24'])).toEqual([policy('warn', 'restricted', latest)]);
    expect(decode(['audit: restricted', 'audit-version: v1.24-beta'])).toEqual([policy('audit', 'restricted', latest)]);
  });

  test('an invalid version, now latest, can make a mode identical to another one', () => {
    expect(decode(['enforce: baseline', 'audit: baseline', 'audit-version: bogus'])).toEqual([policy('enforce', 'baseline')]);
  });
});

describe('policiesByNamespace', () => {
  test('maps Namespace names to their policies; only apiVersion v1 Namespaces with policies count', () => {
    const text = [
      namespaceText('shop', ['enforce: baseline']),
      namespaceText('plain', []),
      namespaceText('open', ['enforce: privileged']),
      namespaceText('fake', ['enforce: restricted'], 'example.com/v1'),
      namespaceText('beta', ['enforce: restricted'], 'v1beta1'),
    ].join('---\n');
    const map = policiesByNamespace(resourcesIn(text));
    expect([...map.entries()]).toEqual([['shop', [policy('enforce', 'baseline', latest, 'shop')]]]);
  });
});

describe('label decoding seen through lint()', () => {
  /** A Pod in namespace `ns` with a privileged container: `privileged` is its own line 11, column 9. */
  const pod = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', '  namespace: ns', 'spec:', '  containers:', '    - name: app', '      image: nginx:1.27', '      securityContext:', '        privileged: true', ''].join('\n');

  async function pssFindings(labelLines: readonly string[]): Promise<Finding[]> {
    const stdinText = `${namespaceText('ns', labelLines)}---\n${pod}`;
    const result = await lint({ paths: ['-'], cwd: process.cwd(), stdinText, config: EMPTY_CONFIG });
    expect(result.findings.filter((finding) => finding.ruleId === 'yaml-syntax')).toEqual([]);
    return result.findings.filter((finding) => finding.ruleId.startsWith('pss/'));
  }

  const summary = (finding: Finding): string => `${finding.line}:${finding.column} ${finding.ruleId} ${finding.severity}`;

  test('enforce: strict is reported as restricted:latest', async () => {
    const labels = ['enforce: strict'];
    // The Namespace takes 6 lines, `---` one: the privileged field is on line 6 + 1 + 11 = 18.
    const findings = await pssFindings(labels);
    const privileged = findings.find((finding) => finding.ruleId === 'pss/privileged');
    expect(privileged && summary(privileged)).toBe('18:9 pss/privileged error');
    expect(privileged?.message).toContain('namespace "ns" would reject this pod');
    expect(privileged?.message).toContain('violates PodSecurity "restricted:latest"');
    // Restricted checks run too: the container does not set allowPrivilegeEscalation=false.
    expect(findings.map((finding) => finding.ruleId)).toContain('pss/allowPrivilegeEscalation');
    expect(findings.every((finding) => finding.severity === 'error')).toBe(true);
  });

  test('warn: nonsense is privileged: no finding', async () => {
    expect(await pssFindings(['warn: nonsense'])).toEqual([]);
    expect(await pssFindings(['audit: nonsense'])).toEqual([]);
  });

  test('enforce-version: 1.25 is latest', async () => {
    const findings = await pssFindings(['enforce: baseline', 'enforce-version: 1.25']);
    expect(findings.map(summary)).toEqual(['19:9 pss/privileged error']);
    expect(findings[0]?.message).toContain('violates PodSecurity "baseline:latest"');
  });

  test('a pinned enforce-version shows in the message', async () => {
    const findings = await pssFindings(['enforce: baseline', 'enforce-version: v1.24']);
    expect(findings.map(summary)).toEqual(['19:9 pss/privileged error']);
    expect(findings[0]?.message).toContain('violates PodSecurity "baseline:v1.24"');
  });
});
