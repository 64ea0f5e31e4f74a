import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli';
import type { JsonReport } from '../helpers/json-report';

// A bare Pod: nothing set that opens anything, and no hardening either.
const BARE_POD = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', '  namespace: shop', 'spec:', '  containers:', '    - name: app', '      image: nginx:1.25', ''].join('\n');

// The same Pod asking for root, privilege escalation, no seccomp and a writable root filesystem.
const LOOSE_POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: loose',
  '  namespace: shop',
  'spec:',
  '  automountServiceAccountToken: true',
  '  containers:',
  '    - name: app',
  '      image: nginx:1.25',
  '      securityContext:',
  '        runAsUser: 0',
  '        allowPrivilegeEscalation: true',
  '        readOnlyRootFilesystem: false',
  '        seccompProfile: { type: Unconfined }',
  '',
].join('\n');

function lintJson(files: Record<string, string>, args: string[] = []): Array<[string, number, number]> {
  const root = mkdtempSync(path.join(tmpdir(), 'k8s-lint-presets-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, name), text);
  const run = runCli(['pod.yaml', '--format', 'json', ...args], { cwd: root });
  const report = JSON.parse(run.stdout) as JsonReport;
  return report.findings.map((finding) => [finding.ruleId, finding.line, finding.column]);
}

describe('presets through the CLI', () => {
  test('recommended (the default) gives a bare Pod only what a reviewer acts on', () => {
    expect(lintJson({ 'pod.yaml': BARE_POD })).toEqual([
      ['missing-default-deny', 5, 3],
      ['missing-default-deny', 5, 3],
      ['missing-resource-limits', 8, 7],
    ]);
  });

  test('extends: [strict] adds the hardening left unset and the notes', () => {
    const found = lintJson({ 'pod.yaml': BARE_POD, '.k8s-lint.yaml': 'extends: [strict]\n' });
    expect(found.map(([rule]) => rule).sort()).toEqual([
      'apparmor-profile-missing',
      'automount-service-account-token',
      'capabilities-not-dropped',
      'default-service-account',
      'image-not-pinned-by-digest',
      'image-pull-policy-mutable-tag',
      'missing-default-deny',
      'missing-default-deny',
      'missing-network-policy',
      'missing-probes',
      'missing-resource-limits',
      'missing-resource-requests',
      'privilege-escalation-allowed',
      'run-as-root',
      'seccomp-profile-missing',
      'writable-root-filesystem',
    ]);
  });

  test('recommended still reports every insecure value the manifest sets, at the field', () => {
    const found = lintJson({ 'pod.yaml': LOOSE_POD }).filter(([rule]) => rule !== 'missing-default-deny');
    expect(found).toEqual([
      ['automount-service-account-token', 7, 3],
      ['missing-resource-limits', 9, 7],
      ['run-as-root', 12, 9],
      ['privilege-escalation-allowed', 13, 9],
      ['writable-root-filesystem', 14, 9],
      ['seccomp-profile-missing', 15, 27],
    ]);
  });

  test('--rule turns a strict-only rule on over the preset', () => {
    const found = lintJson({ 'pod.yaml': BARE_POD }, ['--rule', 'missing-probes=warning']);
    expect(found).toContainEqual(['missing-probes', 8, 7]);
  });
});
