/**
 * Guarantee: a secret value found in the linted files is never printed, in any format, on
 * standard error, or in a --write-baseline file: not as written, not base64-encoded, not
 * decoded. Findings name where the secret is (Secret key, variable, field); URLs are quoted
 * with their credentials as `***`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractHelm } from '../../packages/core/test/render/programs';
import { BUNDLE, fakePrograms, jsonFindings, kubectlOnPath, lint, pathWith, tempDir, writeTree, type JsonFinding, type Run } from './helpers';

/** Distinctive values: none of them can appear in a report by accident. */
const S = {
  stringData: 'Zq7StringDataPw-4f9k2',
  data: 'Zq7DataDecodedPw-8s1m',
  pem: '-----BEGIN PRIVATE KEY-----Zq7PemBody9x-----END PRIVATE KEY-----',
  pin: '739152864017',
  duplicate: 'Zq7DuplicateKeyPw-2b7c',
  env: 'Zq7EnvLiteralPw-5h3n',
  initEnv: 'Zq7InitEnvToken-6j8p',
  fluxPassword: 'Zq7FluxGitPw-1q2w',
  fluxTokenUser: 'Zq7FluxTokenUser-3e4r',
  fluxQuery: 'Zq7FluxQueryToken-5t6y',
  bucket: 'Zq7BucketPw-7u8i',
  argo: 'Zq7ArgoToken-9o0p',
  remoteToken: 'Zq7RemoteToken-1a2s',
  remoteGitPassword: 'Zq7GitPw-3d4f',
  remoteQuery: 'Zq7RemoteQuery-5g6h',
  generatorLiteral: 'Zq7GeneratorLiteral-7j8k',
  helmValue: 'Zq7HelmValuePw-9l0z',
  helmToken: 'Zq7HelmToken-1x2c',
} as const;

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

/** Every form in which a value could leak: as written, base64 (with and without padding), and the part a masked prefix would show. */
function forbiddenForms(): string[] {
  return Object.values(S).flatMap((value) => [value, base64(value), base64(value).replace(/=+$/, ''), value.slice(0, 12)]);
}

function leaks(text: string): string[] {
  return forbiddenForms().filter((form) => text.includes(form));
}

function repository(root: string): string {
  return writeTree(path.join(root, 'repo'), {
    'secrets/db.yaml': [
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: db',
      '  namespace: shop',
      'type: Opaque',
      'data:',
      `  password: ${base64(S.data)}`,
      `  tls.key: ${base64(S.pem)}`,
      'stringData:',
      `  api-token: ${S.stringData}`,
      `  pin: ${S.pin}`,
      '',
    ].join('\n'),
    'secrets/duplicate.yaml': ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: dup', 'stringData:', `  password: ${S.duplicate}`, `  password: ${S.duplicate}`, ''].join('\n'),
    'apps/deployment.yaml': [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: api',
      '  namespace: shop',
      'spec:',
      '  selector: { matchLabels: { app: api } }',
      '  template:',
      '    metadata: { labels: { app: api } }',
      '    spec:',
      '      initContainers:',
      '        - name: migrate',
      '          image: migrate:1',
      '          env:',
      `            - { name: API_TOKEN, value: "${S.initEnv}" }`,
      '      containers:',
      '        - name: api',
      '          image: api:1',
      '          env:',
      '            - name: DB_PASSWORD',
      `              value: ${S.env}`,
      '',
    ].join('\n'),
    'gitops/flux.yaml': [
      'apiVersion: source.toolkit.fluxcd.io/v1',
      'kind: GitRepository',
      'metadata: { name: apps, namespace: flux-system }',
      'spec:',
      `  url: http://deploy:${S.fluxPassword}@git.example.com/org/apps.git`,
      '---',
      'apiVersion: source.toolkit.fluxcd.io/v1',
      'kind: HelmRepository',
      'metadata: { name: charts, namespace: flux-system }',
      'spec:',
      `  url: http://${S.fluxTokenUser}@charts.example.com/index.yaml?token=${S.fluxQuery}`,
      '---',
      'apiVersion: source.toolkit.fluxcd.io/v1',
      'kind: Bucket',
      'metadata: { name: artifacts, namespace: flux-system }',
      'spec:',
      '  bucketName: artifacts',
      `  endpoint: http://minio:${S.bucket}@minio.storage:9000`,
      '',
    ].join('\n'),
    'gitops/argocd.yaml': [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      'metadata: { name: shop, namespace: argocd }',
      'spec:',
      '  project: shop',
      '  source:',
      `    repoURL: https://x-access-token:${S.argo}@github.com/org/shop.git`,
      '    targetRevision: HEAD',
      '  syncPolicy:',
      '    automated: {}',
      '',
    ].join('\n'),
    'remote/kustomization.yaml': [
      'resources:',
      `  - https://${S.remoteToken}@github.com/org/repo//base?ref=v1`,
      `  - git::https://oauth2:${S.remoteGitPassword}@gitlab.com/org/repo.git//x?ref=v2&private_token=${S.remoteQuery}`,
      '',
    ].join('\n'),
    'generated/kustomization.yaml': ['secretGenerator:', '  - name: generated', '    literals:', `      - password=${S.generatorLiteral}`, ''].join('\n'),
    'chart/Chart.yaml': 'apiVersion: v2\nname: chart\nversion: 1.0.0\n',
    'chart/values.yaml': `password: ${S.helmValue}\ntoken: ${S.helmToken}\n`,
    'chart/templates/secret.yaml': [
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: {{ .Release.Name }}-db',
      'stringData:',
      '  password: {{ .Values.password }}',
      'data:',
      '  token: {{ .Values.token | b64enc }}',
      '',
    ].join('\n'),
  });
}

const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'html'];

describe('secret values are never printed', () => {
  const root = tempDir('secrets');
  const cwd = repository(root);
  // --kustomize needs kubectl or kustomize: the real kubectl when installed (the secretGenerator
  // is then rendered too), else a fake one (remote resources are reported before anything runs).
  const kubectl = kubectlOnPath();
  const fakeBin = path.join(root, 'fake-bin');
  fakePrograms(fakeBin, path.join(fakeBin, 'calls.jsonl'), ['kubectl']);
  const env = { PATH: pathWith(path.dirname(extractHelm()), ...(kubectl ? [] : [fakeBin])) };
  const renderFlags = ['--kustomize', '--helm'];

  const runs = new Map<string, Run>();
  const runOnce = (args: string[]): Run => {
    const key = args.join(' ');
    const cached = runs.get(key);
    if (cached) return cached;
    const result = lint(args, { cwd, env });
    runs.set(key, result);
    return result;
  };

  test('the findings are there: every secret is reported, where it is', () => {
    const result = runOnce(['.', ...renderFlags, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const findings = jsonFindings(result.stdout);
    const at = (ruleId: string, file: string): JsonFinding[] => findings.filter((finding) => finding.ruleId === ruleId && finding.file === file);
    expect(at('plaintext-secret', 'secrets/db.yaml').map((finding) => finding.path)).toEqual(['data.password', 'data["tls.key"]', 'stringData.api-token', 'stringData.pin']);
    expect(at('yaml-syntax', 'secrets/duplicate.yaml')).toHaveLength(1);
    expect(at('secret-in-env-literal', 'apps/deployment.yaml')).toHaveLength(2);
    expect(at('flux-insecure-source', 'gitops/flux.yaml').map((finding) => finding.message)).toEqual([
      'url "http://***@git.example.com/org/apps.git" of GitRepository "apps" is fetched over plain HTTP',
      'url "http://***@charts.example.com/index.yaml?token=***" of HelmRepository "charts" is fetched over plain HTTP',
      'endpoint "http://***@minio.storage:9000" of Bucket "artifacts" is fetched over plain HTTP',
    ]);
    expect(at('argocd-moving-target-revision', 'gitops/argocd.yaml').map((finding) => finding.message)).toEqual([
      'automated sync deploys every push to "HEAD" of "https://***@github.com/org/shop.git"',
    ]);
    expect(at('render-error', 'remote/kustomization.yaml').map((finding) => finding.message.replace(/ is not fetched.*/, ''))).toEqual([
      'remote kustomize resource "https://***@github.com/org/repo//base?ref=v1"',
      'remote kustomize resource "git::https://***@gitlab.com/org/repo.git//x?ref=v2&private_token=***"',
    ]);
    expect(at('plaintext-secret', 'chart/templates/secret.yaml').map((finding) => finding.path)).toEqual(['stringData.password', 'data.token']);
    if (kubectl) expect(at('plaintext-secret', 'generated/kustomization.yaml').map((finding) => finding.path)).toEqual(['data.password']);
  });

  describe.each([
    ['as plain files', [] as string[]],
    ['rendered with --kustomize --helm', renderFlags],
  ])('%s', (_name, flags) => {
    test.each(FORMATS)('--format %s: no value, encoded or decoded, on standard output or standard error', (format) => {
      const result = runOnce(['.', ...flags, '--format', format]);
      expect(result.status).toBe(1);
      expect(result.stdout.length).toBeGreaterThan(500);
      expect(leaks(result.stdout)).toEqual([]);
      expect(leaks(result.stderr)).toEqual([]);
    });
  });

  test.each(FORMATS)('the bundle (what pre-commit and the Action run) with --format %s: no value either', (format) => {
    const result = lint(['.', ...renderFlags, '--format', format], { cwd, env, entry: BUNDLE });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('***@github.com/org/shop.git');
    expect(leaks(result.stdout)).toEqual([]);
    expect(leaks(result.stderr)).toEqual([]);
  });

  test('--write-baseline: neither the baseline file nor the report with the baseline applied holds a value', () => {
    const baseline = path.join(root, 'baseline.json');
    const written = lint(['.', ...renderFlags, '--write-baseline', baseline, '--format', 'json'], { cwd, env });
    expect(written.status).toBe(0);
    const text = readFileSync(baseline, 'utf8');
    expect(text).toContain('"plaintext-secret"');
    expect(leaks(text)).toEqual([]);
    expect(leaks(written.stdout + written.stderr)).toEqual([]);
    for (const format of FORMATS) {
      const applied = lint(['.', ...renderFlags, '--baseline', baseline, '--format', format], { cwd, env });
      expect(applied.status).toBe(0);
      expect(leaks(applied.stdout + applied.stderr)).toEqual([]);
    }
  });

  test('the check would catch a leak: the forms are what the files hold', () => {
    const files = ['secrets/db.yaml', 'apps/deployment.yaml', 'gitops/flux.yaml', 'gitops/argocd.yaml', 'remote/kustomization.yaml', 'chart/values.yaml'];
    const text = files.map((file) => readFileSync(path.join(cwd, file), 'utf8')).join('\n');
    for (const value of [S.stringData, S.pin, S.env, S.fluxPassword, S.argo, S.remoteQuery, S.helmValue, base64(S.data)]) expect(leaks(text)).toContain(value);
  });
});
