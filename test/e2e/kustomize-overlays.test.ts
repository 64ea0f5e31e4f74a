/**
 * `--kustomize` on a repository laid out as bases, overlays and components, with the real kubectl,
 * through the committed bundle: roots only are rendered, components never alone, and a base's
 * finding reached through several overlays is reported once, naming them.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE, describeIf, jsonFindings, kubectlOnPath, lint, tempDir, writeTree, type JsonFinding } from '../guarantees/helpers';
import { strictConfigFile } from '../helpers/strict-config';

type RenderedFinding = JsonFinding & { renderedBy?: string[] };

const kubectl = kubectlOnPath();

const BASE_DEPLOYMENT = [
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
  '          image: nginx:1.27',
  '          securityContext:',
  '            privileged: true',
  '',
].join('\n');

/** A base used by two overlays that rename and move it, and a Component that patches a Deployment it does not define. */
const REPOSITORY = {
  'base/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
  'base/deployment.yaml': BASE_DEPLOYMENT,
  'overlays/prod/kustomization.yaml': 'namespace: prod\nnamePrefix: prod-\nresources:\n  - ../../base\ncomponents:\n  - ../../components/replicas\n',
  'overlays/staging/kustomization.yaml': 'namespace: staging\nresources:\n  - ../../base\n',
  'components/replicas/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches:\n  - path: replicas.yaml\n',
  'components/replicas/replicas.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n',
  // Listed by no kustomization: alone, kustomize fails ("no resource matches strategic merge patch").
  'components/unused/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches:\n  - path: patch.yaml\n',
  'components/unused/patch.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      hostNetwork: true\n',
};

const PRIVILEGED_PATH = 'spec.template.spec.containers[0].securityContext.privileged';

describeIf(kubectl !== null, 'k8s-lint --kustomize on bases, overlays and components (real kubectl, committed bundle)', 'kubectl is not on the PATH')(() => {
  test('a privileged container in a base used by two overlays: one finding at `privileged: true`, listing both overlays', () => {
    expect(existsSync(BUNDLE)).toBe(true);
    const cwd = writeTree(tempDir('kustomize-overlays'), REPOSITORY);
    const run = lint(['.', '--kustomize', '--config', strictConfigFile(), '--format', 'json'], { cwd, entry: BUNDLE });
    expect(run.status).toBe(1);
    const privileged = (jsonFindings(run.stdout) as RenderedFinding[]).filter((f) => f.ruleId === 'privileged-container');
    expect(privileged).toHaveLength(1);
    // base/deployment.yaml line 18 is `            privileged: true`; the field starts at column 13.
    expect(BASE_DEPLOYMENT.split('\n')[17]).toBe('            privileged: true');
    expect(privileged[0]).toMatchObject({
      file: 'base/deployment.yaml',
      line: 18,
      column: 13,
      path: PRIVILEGED_PATH,
      message: 'container "web" is privileged',
      // The overlays rename and move it differently: the object as written in that file.
      object: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: null, name: 'web' },
      renderedBy: ['overlays/prod', 'overlays/staging'],
    });
  });

  test('stylish names the overlays in the where-line', () => {
    const cwd = writeTree(tempDir('kustomize-overlays-stylish'), REPOSITORY);
    const run = lint(['.', '--kustomize', '--config', strictConfigFile(), '--format', 'stylish'], { cwd, entry: BUNDLE });
    const lines = run.stdout.split('\n');
    const at = lines.findIndex((line) => /^ {2}18:13 +error +privileged-container$/.test(line));
    expect(at).toBeGreaterThan(-1);
    // In 80 columns the field path is cut from the left; its end names the field.
    expect(PRIVILEGED_PATH.endsWith('spec.containers[0].securityContext.privileged')).toBe(true);
    expect(lines.slice(at + 1, at + 4).map((line) => line.trim())).toEqual([
      'container "web" is privileged',
      'Deployment web › …spec.containers[0].securityContext.privileged',
      'via overlays/prod, overlays/staging',
    ]);
    expect(lines.filter((line) => line.includes('container "web" is privileged'))).toHaveLength(1);
  });

  test('SARIF: one result, the overlays in its properties', () => {
    const cwd = writeTree(tempDir('kustomize-overlays-sarif'), REPOSITORY);
    const run = lint(['.', '--kustomize', '--config', strictConfigFile(), '--format', 'sarif'], { cwd, entry: BUNDLE });
    type SarifResult = { ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }>; properties?: { renderedBy?: string[] } };
    const results = (JSON.parse(run.stdout) as { runs: Array<{ results: SarifResult[] }> }).runs[0]?.results ?? [];
    const privileged = results.filter((r) => r.ruleId === 'privileged-container');
    expect(privileged).toHaveLength(1);
    expect(privileged[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('base/deployment.yaml');
    expect(privileged[0]?.locations[0]?.physicalLocation.region).toMatchObject({ startLine: 18, startColumn: 13 });
    expect(privileged[0]?.properties?.renderedBy).toEqual(['overlays/prod', 'overlays/staging']);
  });

  test('components are never rendered alone: no render-error, one note for the unused one, its patch not linted as a file', () => {
    const cwd = writeTree(tempDir('kustomize-components'), REPOSITORY);
    const run = lint(['.', '--kustomize', '--config', strictConfigFile(), '--format', 'json'], { cwd, entry: BUNDLE });
    const findings = jsonFindings(run.stdout);
    expect(findings.filter((f) => f.ruleId === 'render-error')).toEqual([]);
    expect(findings.filter((f) => f.file.startsWith('components/'))).toEqual([]);
    expect(run.stderr).toBe(
      'k8s-lint: --kustomize: 1 Component is listed by no kustomization of the linted tree, so not rendered (a Component only renders inside a kustomization that lists it): components/unused\n',
    );
  });

  test('a field set by a Component patch both overlays list: one finding at the patch line, listing both overlays', () => {
    const patch = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      hostNetwork: true\n';
    const cwd = writeTree(tempDir('kustomize-component-patch'), {
      'base/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
      'base/deployment.yaml': BASE_DEPLOYMENT,
      'overlays/a/kustomization.yaml': 'namePrefix: a-\nresources:\n  - ../../base\ncomponents:\n  - ../../components/host\n',
      'overlays/b/kustomization.yaml': 'namespace: b\nresources:\n  - ../../base\ncomponents:\n  - ../../components/host\n',
      'components/host/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches:\n  - path: host.yaml\n',
      'components/host/host.yaml': patch,
    });
    const run = lint(['.', '--kustomize', '--config', strictConfigFile(), '--format', 'json'], { cwd, entry: BUNDLE });
    expect(run.stderr).toBe('');
    const host = (jsonFindings(run.stdout) as RenderedFinding[]).filter((f) => f.ruleId === 'host-namespaces');
    // Line 8 of the patch is `      hostNetwork: true`.
    expect(patch.split('\n')[7]).toBe('      hostNetwork: true');
    expect(host.map((f) => `${f.file}:${f.line}:${f.column} ${f.path} ${f.object?.name ?? '-'} ${(f.renderedBy ?? []).join(', ')}`)).toEqual([
      'components/host/host.yaml:8:7 spec.template.spec.hostNetwork web overlays/a, overlays/b',
    ]);
  });

  test('a generated Secret is reported at its secretGenerator entry, not at line 1', () => {
    const cwd = writeTree(tempDir('kustomize-generator'), {
      'app/kustomization.yaml': 'namePrefix: prod-\nsecretGenerator:\n  - name: creds\n    literals:\n      - password=hunter2\n',
    });
    const run = lint(['.', '--kustomize', '--config', strictConfigFile(), '--format', 'json'], { cwd, entry: BUNDLE });
    const secrets = (jsonFindings(run.stdout) as RenderedFinding[]).filter((f) => f.ruleId === 'plaintext-secret');
    // Line 3 is `  - name: creds`; `name` starts at column 5.
    expect(secrets.map((f) => `${f.file}:${f.line}:${f.column} ${f.object?.kind ?? '-'} ${(f.renderedBy ?? []).join(', ')}`)).toEqual(['app/kustomization.yaml:3:5 Secret app']);
    // One overlay: the object as it renders it, name prefix and content hash included.
    expect(secrets[0]?.object?.name).toMatch(/^prod-creds-[a-z0-9]{10}$/);
  });

  test('a base rendered by one overlay only lists that overlay; files linted as they are carry no renderedBy', () => {
    const cwd = writeTree(tempDir('kustomize-one-overlay'), {
      'base/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
      'base/deployment.yaml': BASE_DEPLOYMENT,
      'overlay/kustomization.yaml': 'resources:\n  - ../base\n',
      'plain/deployment.yaml': BASE_DEPLOYMENT,
    });
    const run = lint(['.', '--kustomize', '--config', strictConfigFile(), '--format', 'json'], { cwd, entry: BUNDLE });
    const privileged = (jsonFindings(run.stdout) as RenderedFinding[]).filter((f) => f.ruleId === 'privileged-container');
    expect(privileged.map((f) => `${f.file}:${f.line}:${f.column} ${JSON.stringify(f.renderedBy)}`)).toEqual(['base/deployment.yaml:18:13 ["overlay"]', 'plain/deployment.yaml:18:13 undefined']);
    expect('renderedBy' in (privileged[1] ?? {})).toBe(false);
  });
});

const MICROSERVICES_DEMO = '/work/shared/corpus/GoogleCloudPlatform__microservices-demo';

describeIf(kubectl !== null && existsSync(MICROSERVICES_DEMO), 'k8s-lint --kustomize on microservices-demo (real kubectl, committed bundle)', 'kubectl is not on the PATH or the corpus is not here')(() => {
  test('no render-error from its components; each base finding once', () => {
    const run = lint(['.', '--kustomize', '--config', strictConfigFile(), '--format', 'json'], { cwd: MICROSERVICES_DEMO, entry: BUNDLE });
    const findings = jsonFindings(run.stdout) as RenderedFinding[];
    expect(findings.filter((f) => f.ruleId === 'render-error')).toEqual([]);
    const positions = findings.map((f) => JSON.stringify([f.file, f.line, f.column, f.ruleId, f.path, f.message, f.object]));
    expect(new Set(positions).size).toBe(positions.length);
    // kustomize/base is shared by the overlay `kustomize` and the three test kustomizations.
    const image = findings.filter((f) => f.file === path.posix.join('kustomize', 'base', 'adservice.yaml') && f.ruleId === 'image-not-pinned-by-digest');
    expect(image.map((f) => `${f.line}:${f.column} ${f.path} ${(f.renderedBy ?? []).join(', ')}`)).toEqual([
      '46:9 spec.template.spec.containers[0].image kustomize, kustomize/tests/memorystore-with-all-components, kustomize/tests/service-mesh-istio-with-all-components, kustomize/tests/spanner-with-all-components',
    ]);
  });
});
