import { checksAt, InputError, lint, NEWEST_MINOR, type Finding } from '../../src';
import { yaml } from '../rule-tester';

// Version-independent behaviour of the Pod Security Standards profiles: which checks are in
// force at a level and version (README of ../shared/conformance/psa, "Checks"), that a pss-*
// profile runs only pss/* rules, and how `pssVersion` is validated. The per-check version
// boundaries are in versions-baseline.test.ts and versions-restricted.test.ts.

type Level = 'baseline' | 'restricted';

async function lintAt(code: string, level: Level, pssVersion: string): Promise<Finding[]> {
  const result = await lint({ paths: ['-'], cwd: process.cwd(), stdinText: code, profile: `pss-${level}`, pssVersion });
  const syntax = result.findings.find((finding) => finding.ruleId === 'yaml-syntax');
  if (syntax) throw new Error(`test manifest is not valid YAML: ${syntax.message}`);
  return result.findings;
}

const sorted = (ids: Iterable<string>): string[] => [...ids].sort();

const BASELINE_V1_0 = [
  'appArmorProfile',
  'capabilities_baseline',
  'hostNamespaces',
  'hostPathVolumes',
  'hostPorts',
  'privileged',
  'procMount',
  'seLinuxOptions',
  'seccompProfile_baseline',
  'sysctls',
  'windowsHostProcess',
];

describe('checksAt: the checks in force at a level and policy version', () => {
  test('the newest policy version is v1.37', () => {
    expect(NEWEST_MINOR).toBe(37);
  });

  test('baseline v1.0: every baseline check except hostProbesAndHostLifecycle (v1.34)', () => {
    expect(sorted(checksAt('baseline', 0).keys())).toEqual(sorted(BASELINE_V1_0));
  });

  test('baseline v1.33 and v1.34: hostProbesAndHostLifecycle appears at v1.34', () => {
    expect(sorted(checksAt('baseline', 33).keys())).toEqual(sorted(BASELINE_V1_0));
    expect(sorted(checksAt('baseline', 34).keys())).toEqual(sorted([...BASELINE_V1_0, 'hostProbesAndHostLifecycle']));
  });

  test('baseline never runs restricted checks', () => {
    for (const minor of [0, 8, 19, 22, 23, 35, 37]) {
      const ids = [...checksAt('baseline', minor).keys()];
      expect(ids).not.toEqual(expect.arrayContaining(['restrictedVolumes']));
      expect(ids.filter((id) => !BASELINE_V1_0.includes(id) && id !== 'hostProbesAndHostLifecycle')).toEqual([]);
    }
  });

  test('restricted v1.0: baseline without hostPathVolumes (overridden by restrictedVolumes), plus runAsNonRoot', () => {
    expect(sorted(checksAt('restricted', 0).keys())).toEqual(
      sorted([
        'appArmorProfile',
        'capabilities_baseline',
        'hostNamespaces',
        'hostPorts',
        'privileged',
        'procMount',
        'seLinuxOptions',
        'seccompProfile_baseline',
        'sysctls',
        'windowsHostProcess',
        'restrictedVolumes',
        'runAsNonRoot',
      ]),
    );
  });

  test('restricted v1.7 / v1.8: allowPrivilegeEscalation appears at v1.8', () => {
    expect(checksAt('restricted', 7).has('allowPrivilegeEscalation')).toBe(false);
    expect(checksAt('restricted', 8).get('allowPrivilegeEscalation')?.minVersion).toBe(8);
  });

  test('restricted v1.18 / v1.19: seccompProfile_restricted replaces seccompProfile_baseline at v1.19', () => {
    expect(checksAt('restricted', 18).has('seccompProfile_restricted')).toBe(false);
    expect(checksAt('restricted', 18).has('seccompProfile_baseline')).toBe(true);
    expect(checksAt('restricted', 19).has('seccompProfile_restricted')).toBe(true);
    expect(checksAt('restricted', 19).has('seccompProfile_baseline')).toBe(false);
  });

  test('restricted v1.22: capabilities_restricted and seccompProfile_restricted override their baseline checks', () => {
    expect(sorted(checksAt('restricted', 22).keys())).toEqual(
      sorted([
        'appArmorProfile',
        'hostNamespaces',
        'hostPorts',
        'privileged',
        'procMount',
        'seLinuxOptions',
        'sysctls',
        'windowsHostProcess',
        'allowPrivilegeEscalation',
        'capabilities_restricted',
        'restrictedVolumes',
        'runAsNonRoot',
        'seccompProfile_restricted',
      ]),
    );
  });

  test('restricted v1.21 still runs capabilities_baseline; v1.23 adds runAsUser', () => {
    expect(checksAt('restricted', 21).has('capabilities_baseline')).toBe(true);
    expect(checksAt('restricted', 21).has('capabilities_restricted')).toBe(false);
    expect(checksAt('restricted', 22).has('runAsUser')).toBe(false);
    expect(checksAt('restricted', 23).get('runAsUser')?.minVersion).toBe(23);
  });

  test('restricted v1.37: every check, minus the four overridden baseline checks', () => {
    expect(sorted(checksAt('restricted', 37).keys())).toEqual(
      sorted([
        'appArmorProfile',
        'hostNamespaces',
        'hostPorts',
        'hostProbesAndHostLifecycle',
        'privileged',
        'seLinuxOptions',
        'sysctls',
        'windowsHostProcess',
        'allowPrivilegeEscalation',
        'capabilities_restricted',
        'procMount_restricted',
        'restrictedVolumes',
        'runAsNonRoot',
        'runAsUser',
        'seccompProfile_restricted',
      ]),
    );
  });

  test('restricted v1.34 / v1.35: procMount_restricted replaces procMount at v1.35', () => {
    expect(checksAt('restricted', 34).has('procMount')).toBe(true);
    expect(checksAt('restricted', 34).has('procMount_restricted')).toBe(false);
    expect(checksAt('restricted', 35).has('procMount')).toBe(false);
    expect(checksAt('restricted', 35).get('procMount_restricted')?.minVersion).toBe(35);
  });

  test('the revision in force changes exactly at each listed version', () => {
    const revision = (level: Level, minor: number, id: string): number | undefined => checksAt(level, minor).get(id)?.minVersion;
    expect(revision('baseline', 18, 'seccompProfile_baseline')).toBe(0);
    expect(revision('baseline', 19, 'seccompProfile_baseline')).toBe(19);
    expect(revision('baseline', 30, 'seLinuxOptions')).toBe(0);
    expect(revision('baseline', 31, 'seLinuxOptions')).toBe(31);
    expect(revision('baseline', 34, 'procMount')).toBe(0);
    expect(revision('baseline', 35, 'procMount')).toBe(35);
    expect([26, 27, 28, 29, 31, 32, 36, 37].map((minor) => revision('baseline', minor, 'sysctls'))).toEqual([0, 27, 27, 29, 29, 32, 32, 37]);
    expect(revision('restricted', 24, 'allowPrivilegeEscalation')).toBe(8);
    expect(revision('restricted', 25, 'allowPrivilegeEscalation')).toBe(25);
    expect(revision('restricted', 24, 'capabilities_restricted')).toBe(22);
    expect(revision('restricted', 25, 'capabilities_restricted')).toBe(25);
    expect(revision('restricted', 24, 'seccompProfile_restricted')).toBe(19);
    expect(revision('restricted', 25, 'seccompProfile_restricted')).toBe(25);
    expect(revision('restricted', 34, 'runAsNonRoot')).toBe(0);
    expect(revision('restricted', 35, 'runAsNonRoot')).toBe(35);
    expect(revision('restricted', 34, 'runAsUser')).toBe(23);
    expect(revision('restricted', 35, 'runAsUser')).toBe(35);
  });

  test('a minor newer than the newest has the same checks and revisions as the newest', () => {
    for (const level of ['baseline', 'restricted'] as const) {
      const newest = checksAt(level, NEWEST_MINOR);
      const newer = checksAt(level, 99);
      expect(sorted(newer.keys())).toEqual(sorted(newest.keys()));
      for (const [id, revision] of newest) expect(newer.get(id)).toBe(revision);
    }
  });
});

describe('a pss-* profile runs only the pss/* rules', () => {
  const manifest = yaml`
    apiVersion: v1
    kind: Pod
    metadata: { name: latest-tag }
    spec:
      containers:
        - name: app
          image: nginx:latest
  `;

  test('the default profile reports image-latest-tag (sanity check)', async () => {
    const result = await lint({ paths: ['-'], cwd: process.cwd(), stdinText: manifest });
    expect(result.findings.map((finding) => finding.ruleId)).toContain('image-latest-tag');
  });

  test.each([
    ['baseline', 'latest', []],
    ['baseline', 'v1.0', []],
    ['restricted', 'v1.0', ['pss/runAsNonRoot']],
    ['restricted', 'latest', ['pss/allowPrivilegeEscalation', 'pss/capabilities_restricted', 'pss/runAsNonRoot', 'pss/seccompProfile_restricted']],
  ] as const)('pss-%s at %s: only pss findings', async (level, version, expected) => {
    const findings = await lintAt(manifest, level, version);
    expect(sorted(findings.map((finding) => finding.ruleId))).toEqual(expected);
  });

  test('the active rule list of a pss profile holds only pss rules (and yaml-syntax)', async () => {
    for (const level of ['baseline', 'restricted'] as const) {
      const result = await lint({ paths: ['-'], cwd: process.cwd(), stdinText: manifest, profile: `pss-${level}`, pssVersion: 'latest' });
      const ids = result.rules.map((rule) => rule.meta.id);
      expect(ids.filter((id) => !id.startsWith('pss/') && id !== 'yaml-syntax')).toEqual([]);
      expect(ids).not.toContain('image-latest-tag');
      // Restricted rules stay loaded under pss-baseline for Namespaces whose labels ask for
      // restricted; without such labels they report nothing (see the cases above).
      expect(ids).toContain('pss/runAsNonRoot');
      expect(ids).toContain('pss/privileged');
    }
  });
});

describe('pssVersion validation', () => {
  const manifest = yaml`
    apiVersion: v1
    kind: Pod
    metadata: { name: ok }
    spec:
      containers:
        - name: app
          image: registry.k8s.io/pause
  `;

  test.each(['1.25', 'v2.0', 'v1.025', 'V1.25', 'v1', 'v1.25.0', 'v1.x', '', 'Latest', ' latest', 'v1.-1'])(
    'invalid version %p throws an InputError',
    async (pssVersion) => {
      await expect(lint({ paths: ['-'], cwd: process.cwd(), stdinText: manifest, profile: 'pss-restricted', pssVersion })).rejects.toBeInstanceOf(InputError);
    },
  );

  test('the InputError names the bad version', async () => {
    await expect(lint({ paths: ['-'], cwd: process.cwd(), stdinText: manifest, profile: 'pss-baseline', pssVersion: 'v2.0' })).rejects.toThrow('v2.0');
  });

  test.each(['latest', 'v1.0', 'v1.8', 'v1.37', 'v1.99', 'v1.1000'])('valid version %p is accepted', async (pssVersion) => {
    await expect(lintAt(manifest, 'baseline', pssVersion)).resolves.toEqual([]);
  });
});
