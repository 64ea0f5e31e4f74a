import path from 'node:path';
import { ConfigError, lint, loadConfig, parseConfig, type LintResult } from '../src';
import { makeTree } from './helpers';

// It asks for root, so run-as-root reports it under the default preset.
const POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata: { name: web, namespace: shop }',
  'spec:',
  '  containers:',
  '    - name: app',
  '      image: nginx:1.25',
  '      securityContext: { runAsUser: 0 }',
  '',
].join('\n');

function levels(result: LintResult, ruleId: string): Record<string, string> {
  return Object.fromEntries(result.findings.filter((finding) => finding.ruleId === ruleId).map((finding) => [finding.file, finding.severity]));
}

describe('per-path rule overrides', () => {
  test('change or drop findings by file, relative to the config file, later entries winning', async () => {
    // repo/ is a repository (.git), so the configuration at its root is found from repo/legacy.
    const root = makeTree({
      'repo/.git/HEAD': '',
      'repo/.k8s-lint.yaml': [
        'overrides:',
        '  - files: ["legacy/**", "charts/*/templates/**"]',
        '    rules: { run-as-root: off, image-not-pinned-by-digest: error }',
        '  - files: ["legacy/keep.yaml"]',
        '    rules: { run-as-root: error }',
      ].join('\n'),
      'repo/app.yaml': POD,
      'repo/legacy/old.yaml': POD,
      'repo/legacy/keep.yaml': POD,
      'repo/charts/web/templates/pod.yaml': POD,
      'repo/charts/web/other/pod.yaml': POD,
    });
    const cwd = path.join(root, 'repo', 'legacy');
    const result = await lint({ paths: ['..'], cwd, config: loadConfig(cwd) });
    expect(levels(result, 'run-as-root')).toEqual({
      '../app.yaml': 'warning',
      '../charts/web/other/pod.yaml': 'warning',
      'keep.yaml': 'error',
    });
    // Off in the default preset, the rule runs only for the files of the override that gives it a level.
    expect(levels(result, 'image-not-pinned-by-digest')).toEqual({
      '../charts/web/templates/pod.yaml': 'error',
      'keep.yaml': 'error',
      'old.yaml': 'error',
    });
    const counted = result.findings.filter((finding) => !finding.suppression);
    expect(result.summary.findings).toBe(counted.length);
    expect(result.summary.errors).toBe(counted.filter((finding) => finding.severity === 'error').length);
  });

  test('an override turns on, for its files only, a rule that is off for the run or off by default', async () => {
    const flux = [
      'apiVersion: kustomize.toolkit.fluxcd.io/v1',
      'kind: Kustomization',
      'metadata: { name: apps, namespace: flux-system }',
      'spec:',
      '  interval: 10m',
      '  path: ./apps',
      '  sourceRef: { kind: GitRepository, name: flux-system }',
      '',
    ].join('\n');
    const root = makeTree({
      'repo/.k8s-lint.yaml': [
        'rules: { run-as-root: off }',
        'overrides:',
        '  - files: ["tenants/**"]',
        '    rules: { run-as-root: error, flux-missing-service-account: warning }',
      ].join('\n'),
      'repo/app.yaml': POD,
      'repo/tenants/a/pod.yaml': POD,
      'repo/clusters/flux.yaml': flux,
      'repo/tenants/a/flux.yaml': flux,
    });
    const cwd = path.join(root, 'repo');
    const result = await lint({ paths: ['.'], cwd, config: loadConfig(cwd) });
    expect(levels(result, 'run-as-root')).toEqual({ 'tenants/a/pod.yaml': 'error' });
    expect(levels(result, 'flux-missing-service-account')).toEqual({ 'tenants/a/flux.yaml': 'warning' });
    expect(result.findings.find((finding) => finding.ruleId === 'flux-missing-service-account')).toMatchObject({ line: 4, column: 1, path: 'spec.serviceAccountName', object: { kind: 'Kustomization', name: 'apps' } });
    // Rules that ran are listed (SARIF needs every rule a finding names), with their default severity.
    expect(result.rules.filter((run) => ['run-as-root', 'flux-missing-service-account'].includes(run.meta.id)).map((run) => [run.meta.id, run.severity])).toEqual([
      ['flux-missing-service-account', 'note'],
      ['run-as-root', 'warning'],
    ]);
  });

  test('a rule turned off everywhere by overrides stays off', async () => {
    const config = parseConfig('rules: { run-as-root: off }\noverrides:\n  - files: ["**"]\n    rules: { run-as-root: off }\n', '/repo/.k8s-lint.yaml');
    const result = await lint({ paths: ['-'], cwd: '/repo', stdinText: POD, config });
    expect(result.rules.map((run) => run.meta.id)).not.toContain('run-as-root');
  });

  test('standard input is never matched', async () => {
    const config = parseConfig('overrides:\n  - files: ["**"]\n    rules: { run-as-root: off }\n', '/repo/.k8s-lint.yaml');
    const result = await lint({ paths: ['-'], cwd: '/repo', stdinText: POD, config });
    expect(levels(result, 'run-as-root')).toEqual({ '<stdin>': 'warning' });
  });

  test('unknown rule ids and malformed entries are configuration errors', async () => {
    const unknown = parseConfig('overrides:\n  - files: ["a/**"]\n    rules: { run-as-rot: off }\n', '/repo/.k8s-lint.yaml');
    await expect(lint({ paths: ['-'], cwd: '/repo', stdinText: POD, config: unknown })).rejects.toThrow(
      new ConfigError('/repo/.k8s-lint.yaml: overrides[0].rules.run-as-rot: unknown rule "run-as-rot" (did you mean "run-as-root"?)'),
    );
    expect(() => parseConfig('overrides:\n  - files: ["a/**"]\n    rules: { run-as-root: loud }\n', 'k.yaml')).toThrow(
      'k.yaml: overrides[0].rules.run-as-root: must be one of off, error, warning, note',
    );
    expect(() => parseConfig('overrides:\n  - rules: { run-as-root: off }\n', 'k.yaml')).toThrow("k.yaml: overrides[0]: must have required property 'files'");
    expect(() => parseConfig('overrides:\n  - files: [a]\n    rules: {}\n    extra: 1\n', 'k.yaml')).toThrow('k.yaml: overrides[0]: unknown key at line 4, column 5 (allowed: files, rules)');
  });
});
