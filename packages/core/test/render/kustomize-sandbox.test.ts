/**
 * The static check that runs before kubectl: which fields are read, what counts as remote, and
 * the exact position and message of each refusal. No program runs here; the end-to-end proof
 * with the real kubectl and a local HTTP server is test/guarantees/kustomize-sandbox.test.ts.
 */
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isRemoteEntry } from '../../src/render/kustomization';
import { fileSourcePaths, scanKustomization, scanPluginConfig } from '../../src/render/kustomization-fields';
import { boundaryFor, KustomizeSandbox } from '../../src/render/kustomize-sandbox';
import { parseFile } from '../../src/parse/parse-file';
import type { Finding } from '../../src/types';
import type { JsonRecord } from '../../src/values';
import { makeTree } from '../helpers';

const valueOf = (yaml: string): JsonRecord => parseFile(yaml).documents[0]?.value as JsonRecord;
const brief = (finding: Finding): string => `${finding.file}:${finding.line}:${finding.column} ${finding.message}`;
const NOT_FETCHED = 'is not fetched (k8s-lint works offline): vendor it into the repository to lint this kustomization';

describe('scanKustomization: every field that names a file or a URL', () => {
  test('each field, with what it is and how kustomize uses it; Helm fields are refused at their key', () => {
    const scan = scanKustomization(
      valueOf(`
resources: [a.yaml]
bases: [b]
components: [c]
crds: [crd.yaml]
configurations: [conf.yaml]
generators: [g.yaml]
transformers: [t.yaml]
validators: [v.yaml]
patchesStrategicMerge: [psm.yaml]
patches: [{path: p.yaml}, {patch: "inline"}]
patchesJson6902: [{path: j.yaml}]
replacements: [{path: r.yaml}]
configMapGenerator: [{name: x, files: [f, k=kf], envs: [e], env: e.env, literals: [a=b]}]
secretGenerator: [{name: y, files: [sf]}]
openapi: {path: o.json}
helmCharts: [{name: c}]
helmGlobals: {chartHome: x}
helmChartInflationGenerator: []
namePrefix: p-
`),
    );
    expect(scan.references.map((reference) => `${reference.use} ${reference.noun}: ${reference.value} @${reference.at.join('.')}`)).toEqual([
      'resource resource: a.yaml @resources.0',
      'resource resource: b @bases.0',
      'component component: c @components.0',
      'file CRD file: crd.yaml @crds.0',
      'file configuration file: conf.yaml @configurations.0',
      'plugin generator: g.yaml @generators.0',
      'plugin transformer: t.yaml @transformers.0',
      'plugin validator: v.yaml @validators.0',
      'patch patch: psm.yaml @patchesStrategicMerge.0',
      'file patch file: p.yaml @patches.0.path',
      'file patch file: j.yaml @patchesJson6902.0.path',
      'file replacement file: r.yaml @replacements.0.path',
      'file configMapGenerator file: f @configMapGenerator.0.files.0',
      'file configMapGenerator file: kf @configMapGenerator.0.files.1',
      'file configMapGenerator env file: e @configMapGenerator.0.envs.0',
      'file configMapGenerator env file: e.env @configMapGenerator.0.env',
      'file secretGenerator file: sf @secretGenerator.0.files.0',
      'file OpenAPI schema file: o.json @openapi.path',
    ]);
    expect(scan.refusals.map((refusal) => refusal.at.join('.'))).toEqual(['helmCharts', 'helmGlobals', 'helmChartInflationGenerator']);
  });

  test('field names are matched without regard to case, as Go decodes them (ſ is s)', () => {
    const scan = scanKustomization(valueOf('RESOURCES: [a]\nreſources: [b]\nConfigMapGenerator: [{Files: [c], ENV: d}]\n'));
    expect(scan.references.map((reference) => `${reference.value} @${reference.at.join('.')}`)).toEqual(['a @RESOURCES.0', 'b @reſources.0', 'c @ConfigMapGenerator.0.Files.0', 'd @ConfigMapGenerator.0.ENV']);
  });

  test('plugin configurations: the builtin fields that read files, and the Helm inflator refused', () => {
    const scan = scanPluginConfig(valueOf('kind: PatchStrategicMergeTransformer\npaths: [a.yaml]\npath: b.yaml\nfiles: [c]\nenvs: [d]\nenv: e\nreplacements: [{path: f}]\n'));
    expect(scan.references.map((reference) => `${reference.noun}: ${reference.value}`)).toEqual([
      'PatchStrategicMergeTransformer file: c',
      'PatchStrategicMergeTransformer env file: d',
      'PatchStrategicMergeTransformer env file: e',
      'PatchStrategicMergeTransformer file: b.yaml',
      'PatchStrategicMergeTransformer patch: a.yaml',
      'PatchStrategicMergeTransformer replacement file: f',
    ]);
    expect(scanPluginConfig(valueOf('kind: HelmChartInflationGenerator\nchartName: x\n')).refusals.map((refusal) => refusal.at)).toEqual([['kind']]);
  });

  test('file sources: path, key=path, and every part after the first = when there are more', () => {
    expect(fileSourcePaths('a.txt')).toEqual(['a.txt']);
    expect(fileSourcePaths('key=http://x/y')).toEqual(['http://x/y']);
    expect(fileSourcePaths('k=a=http://x')).toEqual(['a', 'http://x']);
  });
});

describe('isRemoteEntry: a superset of what kustomize fetches or clones', () => {
  test.each([
    'http://127.0.0.1/x',
    'HTTPS://host/x',
    'https:/host/one-slash',
    'http:opaque',
    '  https://leading-space/x',
    'file:///srv/repo',
    'ssh://git@host/repo',
    'git::https://host/repo',
    'git@github.com:org/repo.git',
    'git@host/org/repo',
    'github.com/org/repo',
    'GitHub.com:org/repo',
    'gitlab.com/org/repo',
    'host/org/repo?ref=v1',
    's3::https://bucket/x',
  ])('%s is remote', (entry) => {
    expect(isRemoteEntry(entry)).toBe(true);
  });

  test.each(['pod.yaml', '../base', 'dir/file.yaml', 'a:b.yaml', 'example.com/path/file.yaml', 'name=with-equals'])('%s is local', (entry) => {
    expect(isRemoteEntry(entry)).toBe(false);
  });
});

describe('KustomizeSandbox', () => {
  const tree = (files: Record<string, string>): string => realpathSync(makeTree(files));
  const check = (cwd: string, root: string, maxFiles?: number): string[] => new KustomizeSandbox(cwd, maxFiles).check(path.join(cwd, root), cwd).map(brief);

  test('a clean tree (bases, components, local plugin files and directories) gives nothing', () => {
    const cwd = tree({
      'app/kustomization.yaml': 'resources:\n  - ../base\n  - app.yaml\ncomponents:\n  - ../component\ntransformers:\n  - labels.yaml\ngenerators:\n  - gen\nconfigMapGenerator:\n  - name: x\n    files: [key=app.txt]\n',
      'app/labels.yaml': 'apiVersion: builtin\nkind: LabelTransformer\nmetadata:\n  name: l\nlabels: {a: b}\nfieldSpecs: [{path: metadata/labels, create: true}]\n',
      'app/app.txt': 'x\n',
      'app/app.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n',
      'app/gen/kustomization.yaml': 'resources:\n  - cm.yaml\n',
      'app/gen/cm.yaml': 'apiVersion: builtin\nkind: ConfigMapGenerator\nmetadata:\n  name: g\nfiles: [app.txt]\n',
      'base/kustomization.yaml': 'resources: [pod.yaml]\n',
      'base/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n',
      'component/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches:\n  - path: patch.yaml\n',
      'component/patch.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n',
    });
    expect(check(cwd, 'app')).toEqual([]);
  });

  test('inline configuration: refused at the entry; its paths resolve against the kustomization that lists it', () => {
    const cwd = tree({
      'app/kustomization.yaml': 'transformers:\n  - |\n    apiVersion: builtin\n    kind: PatchTransformer\n    metadata:\n      name: p\n    path: ../../outside.yaml\n',
    });
    expect(check(cwd, 'app')).toEqual([
      'app/kustomization.yaml:2:5 kustomize PatchTransformer file "../../outside.yaml" in an inline transformer configuration is outside the repository: only paths inside it are followed, so this kustomization is not rendered',
    ]);
  });

  test('inline configuration text that does not parse is refused: kustomize might read configuration in it', () => {
    const cwd = tree({ 'app/kustomization.yaml': 'generators:\n  - |\n    kind: ConfigMapGenerator\n    files: [\n' });
    expect(check(cwd, 'app')[0]).toMatch(/^app\/kustomization\.yaml:2:5 inline generator configuration cannot be checked before rendering \(YAML error: .+\): this kustomization is not rendered$/);
  });

  test('a plugin configuration from a generator directory resolves against the outer kustomization', () => {
    const cwd = tree({
      'a/b/kustomization.yaml': 'generators:\n  - gen\n',
      // Relative to a/b, not a/b/gen: ../../x leaves the repository, ../x does not.
      'a/b/gen/kustomization.yaml': 'resources:\n  - cm.yaml\n',
      'a/b/gen/cm.yaml': 'apiVersion: builtin\nkind: ConfigMapGenerator\nmetadata:\n  name: g\nfiles:\n  - ../x\n  - ../../../x\n',
      'a/x': 'x\n',
    });
    expect(check(cwd, 'a/b')).toEqual([
      'a/b/gen/cm.yaml:7:5 kustomize ConfigMapGenerator file "../../../x" is outside the repository: only paths inside it are followed, so this kustomization is not rendered',
    ]);
  });

  test('a kustomization used as plugin configuration may only list resources; each other field at its key', () => {
    const cwd = tree({
      'app/kustomization.yaml': 'validators:\n  - check\n',
      'app/check/kustomization.yaml': 'resources: [v.yaml]\nnamePrefix: x-\nlabels:\n  - pairs: {a: b}\n',
      'app/check/v.yaml': 'apiVersion: builtin\nkind: LabelTransformer\nmetadata:\n  name: v\n',
    });
    const message = (field: string): string =>
      `${field} is not allowed in a kustomization used as validator configuration: it could change the configuration after k8s-lint checked it, so it is not rendered (only resources may be listed there)`;
    expect(check(cwd, 'app')).toEqual([`app/check/kustomization.yaml:2:1 ${message('namePrefix')}`, `app/check/kustomization.yaml:3:1 ${message('labels')}`]);
  });

  test('a link to a directory outside, a link that leads nowhere, an absolute path', () => {
    const outside = tree({ 'secret.txt': 'x\n' });
    const cwd = tree({ 'app/kustomization.yaml': 'configMapGenerator:\n  - name: x\n    files: [link/secret.txt, dangling, /etc/hostname]\n' });
    symlinkSync(outside, path.join(cwd, 'app', 'link'));
    symlinkSync(path.join(cwd, 'nowhere'), path.join(cwd, 'app', 'dangling'));
    expect(check(cwd, 'app').map((finding) => finding.replace(/ (only|this) .*$/, ''))).toEqual([
      'app/kustomization.yaml:3:13 kustomize configMapGenerator file "link/secret.txt" leads outside the repository through a symbolic link:',
      'app/kustomization.yaml:3:30 kustomize configMapGenerator file "dangling" is a symbolic link that leads nowhere or loops:',
      'app/kustomization.yaml:3:40 kustomize configMapGenerator file "/etc/hostname" is an absolute path:',
    ]);
  });

  test('a kustomization that cannot be read or parsed is refused where the problem is', () => {
    const cwd = tree({ 'broken/kustomization.yaml': 'resources:\n  - a\n  b: [\n', 'big/kustomization.yaml': `resources: []\n#${'x'.repeat(1_000_001)}\n` });
    expect(check(cwd, 'broken')[0]).toMatch(/^broken\/kustomization\.yaml:3:\d+ kustomization cannot be checked before rendering \(YAML error: .*\): not rendered$/);
    expect(check(cwd, 'big')).toEqual(['big/kustomization.yaml:1:1 kustomization cannot be checked before rendering (it is larger than 1000000 bytes): not rendered']);
  });

  test('the bound counts kustomizations and plugin files per root; results are shared between roots', () => {
    const cwd = tree({
      'a/kustomization.yaml': 'resources: [../b]\ntransformers: [t.yaml]\n',
      'a/t.yaml': 'apiVersion: builtin\nkind: LabelTransformer\nmetadata: {name: t}\n',
      'b/kustomization.yaml': 'resources: [../c]\n',
      'c/kustomization.yaml': `resources: [http://example.com/x.yaml]\n`,
    });
    const tooMany = 'a/kustomization.yaml:1:1 more than 3 kustomization and plugin configuration files are reachable from a/kustomization.yaml: not rendered (each is checked before rendering)';
    expect(check(cwd, 'a', 3)).toEqual([tooMany]);
    const sandbox = new KustomizeSandbox(cwd, 4);
    const remote = `c/kustomization.yaml:1:13 remote kustomize resource "http://example.com/x.yaml" ${NOT_FETCHED}`;
    expect(sandbox.check(path.join(cwd, 'a'), cwd).map(brief)).toEqual([remote]);
    expect(sandbox.check(path.join(cwd, 'b'), cwd).map(brief)).toEqual([remote]);
  });

  test('boundaryFor: the repository of the working directory, or of a directory argument outside it', () => {
    const cwd = tree({ '.git/HEAD': '', 'sub/k/kustomization.yaml': '' });
    const other = tree({ 'k/kustomization.yaml': '' });
    mkdirSync(path.join(other, '.git'));
    writeFileSync(path.join(other, '.git', 'HEAD'), '');
    expect(boundaryFor(path.join(cwd, 'sub', 'k'), ['sub'], path.join(cwd, 'sub'))).toBe(cwd);
    expect(boundaryFor(path.join(other, 'k'), ['.', other], cwd)).toBe(other);
  });
});
