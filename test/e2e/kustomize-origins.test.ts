/**
 * `--kustomize`: where a finding on a rendered object points, with the real kubectl, through the
 * committed bundle. The field's line in the source file when it comes unchanged from there; the
 * patch that set it (strategic-merge or JSON 6902, in a file or inline in the kustomization);
 * the `images` entry that changed an image; and, for objects their names do not trace (renamed
 * by a transformer plugin), the file kustomize's origin annotations name.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE, describeIf, jsonFindings, kubectlOnPath, lint, readSpawns, spawnRecorder, tempDir, writeTree, type JsonFinding } from '../guarantees/helpers';
import { strictConfigFile } from '../helpers/strict-config';

const kubectl = kubectlOnPath();

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
  '          image: nginx:1.27',
  '        - name: side',
  '          image: busybox:1.36',
  '',
].join('\n');

const OVERLAY = [
  'resources:',
  '  - ../base',
  'images:',
  '  - name: nginx',
  '    newTag: latest',
  'patches:',
  '  - target:',
  '      kind: Deployment',
  '      name: web',
  '    patch: |-',
  '      - op: add',
  '        path: /spec/template/spec/hostNetwork',
  '        value: true',
  '  - patch: |-',
  '      apiVersion: apps/v1',
  '      kind: Deployment',
  '      metadata:',
  '        name: web',
  '      spec:',
  '        template:',
  '          spec:',
  '            containers:',
  '              - name: web',
  '                securityContext:',
  '                  privileged: true',
  '  - path: json-patch.yaml',
  '    target:',
  '      kind: Deployment',
  '      name: web',
  'patchesJson6902:',
  '  - target:',
  '      group: apps',
  '      version: v1',
  '      kind: Deployment',
  '      name: web',
  '    path: old-json-patch.yaml',
  '',
].join('\n');

const REPOSITORY = {
  'base/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
  'base/deployment.yaml': DEPLOYMENT,
  'overlay/kustomization.yaml': OVERLAY,
  'overlay/json-patch.yaml': '- op: add\n  path: /spec/template/spec/hostPID\n  value: true\n',
  'overlay/old-json-patch.yaml': '- op: add\n  path: /spec/template/spec/containers/1/securityContext\n  value:\n    allowPrivilegeEscalation: true\n',
  // A builtin transformer plugin renames the object: its name no longer says where it comes from.
  'renamed/kustomization.yaml': 'resources:\n  - ../base\ntransformers:\n  - prefix.yaml\n',
  'renamed/prefix.yaml': 'apiVersion: builtin\nkind: PrefixSuffixTransformer\nmetadata:\n  name: prefix\nprefix: team-\nfieldSpecs:\n  - path: metadata/name\n',
};

type RenderedFinding = JsonFinding & { renderedBy?: string[] };

/** `file:line:column path` of the findings of one rule, sorted. */
function placesOf(findings: RenderedFinding[], ruleId: string): string[] {
  return findings
    .filter((finding) => finding.ruleId === ruleId)
    .map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.path}`)
    .sort();
}

function lintTree(directory: string, args: string[], tmp: string, env: Record<string, string> = {}): RenderedFinding[] {
  // Mapping is followed on rules of the strict preset too (missing probes, unset hardening).
  const run = lint([...args, '--kustomize', '--config', strictConfigFile(), '--format', 'json'], { cwd: directory, entry: BUNDLE, env: { TMPDIR: tmp, ...env } });
  expect(run.status).toBe(1);
  return jsonFindings(run.stdout);
}

describeIf(kubectl !== null, 'k8s-lint --kustomize: findings point where the user fixes them (real kubectl, committed bundle)', 'kubectl is not on the PATH')(() => {
  let findings: RenderedFinding[] = [];
  let tmp = '';
  let cwd = '';
  let kustomizeCalls: string[][] = [];

  beforeAll(() => {
    expect(existsSync(BUNDLE)).toBe(true);
    cwd = writeTree(tempDir('kustomize-origins'), REPOSITORY);
    tmp = path.join(cwd, '..', `${path.basename(cwd)}-tmp`);
    mkdirSync(tmp);
    const recorder = spawnRecorder(tempDir('kustomize-origins-spawns'));
    findings = lintTree(cwd, ['.'], tmp, { NODE_OPTIONS: recorder.nodeOptions });
    kustomizeCalls = readSpawns(recorder.log)
      .map((spawned) => [spawned.file, ...spawned.args])
      .filter((call) => call.includes('kustomize'))
      .map((call) => call.slice(call.indexOf('kustomize')));
  });

  test('no finding falls back to the kustomization at line 1', () => {
    expect(findings.filter((finding) => finding.message.endsWith('(rendered by kustomize)'))).toEqual([]);
    expect(findings.filter((finding) => finding.ruleId === 'render-error')).toEqual([]);
  });

  test('an inline JSON 6902 operation: at its `value:` line in the kustomization', () => {
    // overlay/kustomization.yaml line 13 is `        value: true` (column 9) of the hostNetwork operation.
    expect(OVERLAY.split('\n')[12]).toBe('        value: true');
    expect(placesOf(findings, 'host-namespaces')).toContain('overlay/kustomization.yaml:13:9 spec.template.spec.hostNetwork');
  });

  test('a JSON 6902 patch file (`patches[].path` with a target): at the operation\'s value', () => {
    expect(placesOf(findings, 'host-namespaces')).toEqual(['overlay/json-patch.yaml:3:3 spec.template.spec.hostPID', 'overlay/kustomization.yaml:13:9 spec.template.spec.hostNetwork']);
  });

  test('an inline strategic-merge patch: at the field inside the kustomization', () => {
    // Line 25 is `                  privileged: true`: the key starts at column 19.
    expect(OVERLAY.split('\n')[24]).toBe('                  privileged: true');
    const privileged = findings.filter((finding) => finding.ruleId === 'privileged-container');
    expect(privileged).toHaveLength(1);
    expect(privileged[0]).toMatchObject({
      file: 'overlay/kustomization.yaml',
      line: 25,
      column: 19,
      path: 'spec.template.spec.containers[0].securityContext.privileged',
      message: 'container "web" is privileged',
      renderedBy: ['overlay'],
    });
  });

  test('a field missing from a block a patch wrote: at that block in the patch', () => {
    // The inline patch's `securityContext:` (line 24, column 17) has no allowPrivilegeEscalation.
    expect(placesOf(findings, 'privilege-escalation-allowed')).toContain('overlay/kustomization.yaml:24:17 spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation');
  });

  test('the old `patchesJson6902` with a patch file: at the value inside the operation', () => {
    // old-json-patch.yaml line 4 is `    allowPrivilegeEscalation: true`.
    expect(placesOf(findings, 'privilege-escalation-allowed')).toContain('overlay/old-json-patch.yaml:4:5 spec.template.spec.containers[1].securityContext.allowPrivilegeEscalation');
  });

  test('an image changed by an `images` entry: at its newTag', () => {
    const latest = findings.filter((finding) => finding.ruleId === 'image-latest-tag');
    expect(latest.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.path} ${finding.message}`)).toEqual([
      'overlay/kustomization.yaml:5:5 spec.template.spec.containers[0].image image "nginx:latest" of container "web" uses the latest tag',
    ]);
  });

  test('an unchanged field: at its line in the base, for the overlay and for the object a transformer plugin renamed (origin annotations)', () => {
    // base/deployment.yaml line 18 is `          image: busybox:1.36`.
    const side = findings.filter((finding) => finding.ruleId === 'image-not-pinned-by-digest' && finding.path === 'spec.template.spec.containers[1].image');
    expect(side.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${(finding.renderedBy ?? []).join(', ')}`)).toEqual(['base/deployment.yaml:18:11 overlay, renamed']);
    // Only the renamed root keeps the base's nginx:1.27 (the overlay sets latest).
    const web = findings.filter((finding) => finding.ruleId === 'image-not-pinned-by-digest' && finding.path === 'spec.template.spec.containers[0].image');
    expect(web.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${(finding.renderedBy ?? []).join(', ')}`).sort()).toEqual([
      'base/deployment.yaml:16:11 renamed',
      'overlay/kustomization.yaml:5:5 overlay',
    ]);
    // The overlay's patch changed the container, not its probes: both roots report them at the container in the base.
    const probes = findings.filter((finding) => finding.ruleId === 'missing-probes');
    expect(probes.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.path} ${(finding.renderedBy ?? []).join(', ')}`)).toEqual([
      'base/deployment.yaml:15:11 spec.template.spec.containers[0] overlay, renamed',
      'base/deployment.yaml:17:11 spec.template.spec.containers[1] overlay, renamed',
    ]);
  });

  test('one more render, of a wrapper kustomization under TMPDIR, for the root whose object its name does not trace; removed afterwards', () => {
    const wrappers = kustomizeCalls.filter((call) => path.dirname(call[1] ?? '') === tmp);
    expect(kustomizeCalls.filter((call) => !wrappers.includes(call)).sort()).toEqual([
      ['kustomize', path.join(cwd, 'overlay')],
      ['kustomize', path.join(cwd, 'renamed')],
    ]);
    expect(wrappers).toHaveLength(1);
    expect(path.basename(wrappers[0]?.[1] ?? '')).toMatch(/^k8s-lint-origins-/);
    expect(readdirSync(tmp)).toEqual([]);
  });

  test('a kustomization that asks for origin annotations itself: rules never see them (same findings as without)', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n';
    const kustomization = 'namePrefix: x-\nresources:\n  - pod.yaml\n';
    const without = writeTree(tempDir('kustomize-origins-plain'), { 'app/kustomization.yaml': kustomization, 'app/pod.yaml': pod });
    const withAnnotations = writeTree(tempDir('kustomize-origins-asked'), { 'app/kustomization.yaml': `${kustomization}buildMetadata: [originAnnotations]\n`, 'app/pod.yaml': pod });
    const summary = (list: RenderedFinding[]): string[] => list.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}:${finding.column} ${finding.path}`).sort();
    const expected = summary(lintTree(without, ['.'], tmp));
    expect(expected).toContain('privileged-container app/pod.yaml:10:9 spec.containers[0].securityContext.privileged');
    expect(summary(lintTree(withAnnotations, ['.'], tmp))).toEqual(expected);
  });
});

describeIf(kubectl !== null, 'k8s-lint --kustomize: generated objects whose names do not say which generator made them (real kubectl)', 'kubectl is not on the PATH')(() => {
  test('two bases generate a Secret of the same name: each finding at its own secretGenerator entry (origin annotations)', () => {
    const cwd = writeTree(tempDir('kustomize-origins-generators'), {
      'a/kustomization.yaml': 'namespace: a\nsecretGenerator:\n  - name: creds\n    literals: [password=x]\n',
      'b/kustomization.yaml': 'namespace: b\nsecretGenerator:\n  - name: creds\n    literals: [password=y]\n',
      'root/kustomization.yaml': 'resources:\n  - ../a\n  - ../b\n',
    });
    const findings = lintTree(cwd, ['.'], tempDir('kustomize-origins-generators-tmp'));
    // Line 3 of each is `  - name: creds`: the entry's name starts at column 5.
    expect(findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}:${finding.column} ${finding.object?.namespace} ${finding.path}`).sort()).toEqual([
      'plaintext-secret a/kustomization.yaml:3:5 a data.password',
      'plaintext-secret b/kustomization.yaml:3:5 b data.password',
    ]);
  });
});

describeIf(kubectl !== null, 'k8s-lint --kustomize: an inline patchesStrategicMerge entry (real kubectl)', 'kubectl is not on the PATH')(() => {
  test('at the field inside the block in the kustomization', () => {
    const kustomization = [
      'resources:',
      '  - pod.yaml',
      'patchesStrategicMerge:',
      '  - |-',
      '    apiVersion: v1',
      '    kind: Pod',
      '    metadata:',
      '      name: p',
      '    spec:',
      '      hostIPC: true',
      '',
    ].join('\n');
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n';
    const cwd = writeTree(tempDir('kustomize-origins-psm'), { 'app/kustomization.yaml': kustomization, 'app/pod.yaml': pod });
    const findings = lintTree(cwd, ['.'], tempDir('kustomize-origins-psm-tmp'));
    // Line 10 is `      hostIPC: true`.
    expect(kustomization.split('\n')[9]).toBe('      hostIPC: true');
    expect(placesOf(findings, 'host-namespaces')).toEqual(['app/kustomization.yaml:10:7 spec.hostIPC']);
  });
});

const MICROSERVICES_DEMO = '/work/shared/corpus/GoogleCloudPlatform__microservices-demo';

describeIf(kubectl !== null && existsSync(MICROSERVICES_DEMO), 'k8s-lint --kustomize on microservices-demo: every finding at a source position (real kubectl)', 'kubectl is not on the PATH or the corpus is not here')(() => {
  test('the loadgenerator and otel-collector containers: missing probes at the container in their files, not at line 1', () => {
    const tmp = tempDir('kustomize-origins-demo-tmp');
    const findings = lintTree(MICROSERVICES_DEMO, ['kustomize'], tmp);
    expect(findings.filter((finding) => finding.message.endsWith('(rendered by kustomize)'))).toEqual([]);
    const probes = findings.filter((finding) => finding.ruleId === 'missing-probes' && ['loadgenerator', 'opentelemetrycollector'].includes(finding.object?.name ?? ''));
    expect(probes.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.path}`).sort()).toEqual([
      'kustomize/base/loadgenerator.yaml:72:9 spec.template.spec.containers[0]',
      'kustomize/components/google-cloud-operations/otel-collector.yaml:61:9 spec.template.spec.containers[0]',
    ]);
  });
});
