import { lint, type Finding } from '../../src';
import { imageLatestTag } from '../../src/rules/images/image-latest-tag';
import { privilegedContainer } from '../../src/rules/pod-security/privileged-container';
import { makeTree } from '../helpers';
import { extractHelm } from './programs';

const CHART_YAML = 'apiVersion: v2\nname: app\nversion: 0.1.0\n';

const brief = (f: Finding): string => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.path}`;

/** Lints a chart rendered by the real helm; `templates` are files under templates/. */
async function lintChart(templates: Record<string, string>, values: string): Promise<string[]> {
  const files = Object.fromEntries(Object.entries(templates).map(([name, text]) => [`app/templates/${name}`, text]));
  const cwd = makeTree({ 'app/Chart.yaml': CHART_YAML, 'app/values.yaml': values, ...files });
  const helm = extractHelm();
  const result = await lint({ paths: ['app'], cwd, rules: [privilegedContainer, imageLatestTag], render: { helm: true, locate: (name) => (name === 'helm' ? helm : null) } });
  return result.findings.map(brief);
}

const POD_HEAD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n';

describe('helm findings at the template line that wrote the field', () => {
  test('a literal key, and a key whose value is templated', async () => {
    const pod = `${POD_HEAD}  containers:\n    - name: web\n      image: nginx:latest\n      securityContext:\n        privileged: {{ .Values.privileged }}\n`;
    expect(await lintChart({ 'pod.yaml': pod }, 'privileged: true\n')).toEqual([
      'app/templates/pod.yaml:8:7 image-latest-tag spec.containers[0].image',
      'app/templates/pod.yaml:10:9 privileged-container spec.containers[0].securityContext.privileged',
    ]);
  });

  test('the second of two literal containers, in the second document of the template', async () => {
    const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n';
    const deployment = [
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
      '        - name: app',
      '          image: nginx:1.25',
      '        - name: debug',
      '          image: busybox:latest',
      '          securityContext:',
      '            privileged: true',
      '',
    ].join('\n');
    expect(await lintChart({ 'web.yaml': `${service}---\n${deployment}` }, '')).toEqual([
      'app/templates/web.yaml:28:11 image-latest-tag spec.template.spec.containers[1].image',
      'app/templates/web.yaml:30:13 privileged-container spec.template.spec.containers[1].securityContext.privileged',
    ]);
  });

  test('every entry a range writes comes from its one template entry', async () => {
    const pod = `${POD_HEAD}  containers:\n    {{- range .Values.workers }}\n    - name: {{ .name }}\n      image: {{ .image }}\n    {{- end }}\n`;
    const values = 'workers:\n  - name: a\n    image: busybox:1\n  - name: b\n    image: busybox:latest\n';
    expect(await lintChart({ 'pod.yaml': pod }, values)).toEqual(['app/templates/pod.yaml:9:7 image-latest-tag spec.containers[1].image']);
  });

  test('a field written by toYaml is at the toYaml line', async () => {
    const pod = `${POD_HEAD}  containers:\n    - name: web\n      image: nginx:1.25\n      securityContext:\n        {{- toYaml .Values.securityContext | nindent 8 }}\n`;
    expect(await lintChart({ 'pod.yaml': pod }, 'securityContext:\n  privileged: true\n')).toEqual([
      'app/templates/pod.yaml:10:9 privileged-container spec.containers[0].securityContext.privileged',
    ]);
  });
});

describe('helm findings fall back to line 1 when more than one template line could have written the field', () => {
  test('the same key in both branches of an if: line 1, while an unambiguous field keeps its line', async () => {
    const pod = [
      `${POD_HEAD}  containers:`,
      '    - name: web',
      '      image: nginx:latest',
      '      securityContext:',
      '        {{- if .Values.strict }}',
      '        privileged: {{ .Values.strictPrivileged }}',
      '        {{- else }}',
      '        privileged: {{ .Values.privileged }}',
      '        {{- end }}',
      '',
    ].join('\n');
    expect(await lintChart({ 'pod.yaml': pod }, 'strict: false\nstrictPrivileged: false\nprivileged: true\n')).toEqual([
      'app/templates/pod.yaml:1:1 privileged-container spec.containers[0].securityContext.privileged',
      'app/templates/pod.yaml:8:7 image-latest-tag spec.containers[0].image',
    ]);
  });

  test('a literal key next to a toYaml that may write the same key: line 1, not the literal line', async () => {
    const pod = [
      `${POD_HEAD}  containers:`,
      '    - name: web',
      '      image: nginx:1.25',
      '      securityContext:',
      '        {{- if .Values.securityContext }}',
      '        {{- toYaml .Values.securityContext | nindent 8 }}',
      '        {{- else }}',
      '        privileged: {{ .Values.privileged }}',
      '        {{- end }}',
      '',
    ].join('\n');
    expect(await lintChart({ 'pod.yaml': pod }, 'securityContext:\n  privileged: true\nprivileged: false\n')).toEqual([
      'app/templates/pod.yaml:1:1 privileged-container spec.containers[0].securityContext.privileged',
    ]);
  });

  test('list entries an if can drop: line 1, not the entry at the same index in the template', async () => {
    const pod = [
      `${POD_HEAD}  containers:`,
      '    {{- if .Values.sidecar }}',
      '    - name: sidecar',
      '      image: {{ .Values.sidecarImage }}',
      '    {{- end }}',
      '    - name: web',
      '      image: {{ .Values.image }}',
      '',
    ].join('\n');
    expect(await lintChart({ 'pod.yaml': pod }, 'sidecar: false\nsidecarImage: busybox:1\nimage: nginx:latest\n')).toEqual(['app/templates/pod.yaml:1:1 image-latest-tag spec.containers[0].image']);
  });

  test('a template that defines a named template: line 1 (the definition is not output where it stands)', async () => {
    const pod = `{{- define "app.image" }}\nimage: nginx:1.25\n{{- end }}\n${POD_HEAD}  containers:\n    - name: web\n      image: nginx:latest\n`;
    expect(await lintChart({ 'pod.yaml': pod }, '')).toEqual(['app/templates/pod.yaml:1:1 image-latest-tag spec.containers[0].image']);
  });

  test('two objects of the same kind in one template file: line 1', async () => {
    const pod = (name: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n    - name: web\n      image: nginx:latest\n`;
    expect(await lintChart({ 'pods.yaml': `${pod('a')}---\n${pod('b')}` }, '')).toEqual([
      'app/templates/pods.yaml:1:1 image-latest-tag spec.containers[0].image',
      'app/templates/pods.yaml:1:1 image-latest-tag spec.containers[0].image',
    ]);
  });
});
