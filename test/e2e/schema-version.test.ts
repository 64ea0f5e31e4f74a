import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli';
import type { JsonFinding } from '../helpers/json-report';

const SIDECAR = `apiVersion: v1
kind: Pod
metadata:
  name: sidecar
spec:
  initContainers:
    - name: proxy
      image: envoyproxy/envoy:v1.31.0
      restartPolicy: Always
  containers:
    - name: app
      image: nginx:1.27
`;

const PSP = 'apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: restricted\nspec:\n  privileged: false\n';

function schemaFindings(args: string[], input: string): { status: number | null; findings: Array<Pick<JsonFinding, 'ruleId' | 'message' | 'line' | 'column' | 'path'> & { object: string }> } {
  const run = runCli(['-', '--format', 'json', ...args], { input });
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as { findings: JsonFinding[] };
  const findings = report.findings
    .filter((finding) => finding.ruleId === 'schema-invalid')
    .map(({ ruleId, message, line, column, object, path }) => ({ ruleId, message, line, column, object: `${object?.kind ?? ''} ${object?.name ?? ''}`, path }));
  return { status: run.status, findings };
}

describe('k8s-lint --kubernetes-version', () => {
  test('chooses the schemas: a field of 1.28+ is unknown to 1.27 and fine for 1.33', () => {
    expect(schemaFindings(['--kubernetes-version', '1.27'], SIDECAR).findings).toEqual([
      {
        ruleId: 'schema-invalid',
        message: 'unknown field "restartPolicy" in "initContainers[0]" (Kubernetes v1.27)',
        line: 9,
        column: 7,
        object: 'Pod sidecar',
        path: 'spec.initContainers[0].restartPolicy',
      },
    ]);
    expect(schemaFindings(['--kubernetes-version', 'v1.33'], SIDECAR).findings).toEqual([]);
  });

  test('a removed API is reported against the default, newest bundled version', () => {
    expect(schemaFindings([], PSP).findings).toEqual([
      {
        ruleId: 'schema-invalid',
        message: 'policy/v1beta1 PodSecurityPolicy is not served by Kubernetes v1.36: removed in v1.25, use Pod Security Admission',
        line: 1,
        column: 1,
        object: 'PodSecurityPolicy restricted',
        path: 'apiVersion',
      },
    ]);
  });

  test('an unsupported version is a usage error that lists the bundled versions', () => {
    expect(runCli(['-', '--kubernetes-version', '1.31'], { input: PSP })).toEqual({
      status: 2,
      stdout: '',
      stderr: 'k8s-lint: unsupported Kubernetes version "1.31": the bundled versions are 1.25, 1.27, 1.33, 1.36\n',
    });
  });

  test('kubernetesVersion in .k8s-lint.yaml chooses the version; the option overrides it; a bad one is a usage error', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'k8s-lint-version-'));
    writeFileSync(path.join(cwd, '.k8s-lint.yaml'), 'kubernetesVersion: "1.27"\n');
    writeFileSync(path.join(cwd, 'pod.yaml'), SIDECAR);
    const fromConfig = runCli(['pod.yaml', '--format', 'json'], { cwd });
    expect(fromConfig.status).toBe(1);
    expect(fromConfig.stdout).toContain('(Kubernetes v1.27)');
    const overridden = runCli(['pod.yaml', '--format', 'json', '--kubernetes-version', '1.36'], { cwd });
    expect(overridden.stdout).not.toContain('schema-invalid');
    writeFileSync(path.join(cwd, '.k8s-lint.yaml'), 'kubernetesVersion: "1.99"\n');
    expect(runCli(['pod.yaml'], { cwd })).toEqual({
      status: 2,
      stdout: '',
      stderr: 'k8s-lint: .k8s-lint.yaml: kubernetesVersion: unsupported Kubernetes version "1.99": the bundled versions are 1.25, 1.27, 1.33, 1.36\n',
    });
  });
});

describe('bundled schemas are loaded lazily', () => {
  // Logs every bundled schema file the CLI process reads.
  const hookDir = mkdtempSync(path.join(tmpdir(), 'k8s-lint-hook-'));
  const hook = path.join(hookDir, 'log-schema-loads.js');
  writeFileSync(
    hook,
    `const fs = require('node:fs');
const read = fs.readFileSync;
fs.readFileSync = function (file, ...rest) {
  if (typeof file === 'string' && /kubernetes-[0-9.]+\\.json$/.test(file)) process.stderr.write('loaded ' + file.replace(/^.*\\//, '') + '\\n');
  return read.call(this, file, ...rest);
};
`,
  );
  const env = { NODE_OPTIONS: `--require ${hook}` };

  test('only the chosen version is read', () => {
    const run = runCli(['-', '--kubernetes-version', '1.27'], { input: SIDECAR, env });
    expect(run.stderr).toBe('loaded kubernetes-1.27.json\n');
  });

  test('nothing is read when there is nothing to validate, or schema-invalid is off', () => {
    expect(runCli(['-'], { input: '# nothing here\n', env }).stderr).toBe('');
    const cwd = mkdtempSync(path.join(tmpdir(), 'k8s-lint-off-'));
    writeFileSync(path.join(cwd, '.k8s-lint.yaml'), 'rules:\n  schema-invalid: off\n');
    expect(runCli(['-'], { input: SIDECAR, env, cwd }).stderr).toBe('');
  });
});
