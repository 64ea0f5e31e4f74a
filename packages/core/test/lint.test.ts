import { EMPTY_CONFIG, lint, type Finding } from '../src';
import { privilegedContainer } from '../src/rules/pod-security/privileged-container';
import { yamlSyntax } from '../src/rules/syntax/yaml-syntax';
import { makeTree } from './helpers';
import { yaml } from './rule-tester';

const rules = [privilegedContainer, yamlSyntax] as const;

/** Nine lines; `privileged` is on line 9, column 9. `metadata` lines go after `name`. */
function privilegedPod(name: string, metadata: string[] = []): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${name}`,
    ...metadata.map((line) => `  ${line}`),
    'spec:',
    '  containers:',
    '    - name: app',
    '      securityContext:',
    '        privileged: true',
    '',
  ].join('\n');
}

const brief = (f: Finding) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.object ? `${f.object.kind}/${f.object.name}` : '-'} ${f.path}`;

describe('lint: documents, lists and files', () => {
  test('multi-document files, List expansion and skipped documents', async () => {
    const list = yaml`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: Pod
          metadata: { name: in-list }
          spec:
            containers:
              - name: app
                securityContext: { privileged: true }
        - just: a value
    `;
    const cwd = makeTree({
      'multi.yaml': `${privilegedPod('one')}---\n# only a comment\n---\nfoo: bar\n---\n${privilegedPod('two')}`,
      'list.yml': list,
      'values.yaml': 'replicaCount: 1\n',
    });
    const result = await lint({ paths: ['.'], cwd, config: EMPTY_CONFIG, rules });
    expect(result.findings.map(brief)).toEqual([
      'list.yml:10:30 privileged-container Pod/in-list spec.containers[0].securityContext.privileged',
      'multi.yaml:9:9 privileged-container Pod/one spec.containers[0].securityContext.privileged',
      'multi.yaml:23:9 privileged-container Pod/two spec.containers[0].securityContext.privileged',
    ]);
    expect(result.summary).toEqual({ files: 3, objects: 3, skipped: 3, findings: 3, errors: 3, warnings: 0, notes: 0, suppressed: 0 });
  });

  test('typed lists (ConfigMapList, PodList) are expanded too', async () => {
    const text = `apiVersion: v1\nkind: PodList\nitems:\n${privilegedPod('p').replace(/^/gm, '  ').replace(/^ {2}apiVersion/, '- apiVersion').replace(/\n {2}$/, '\n')}`;
    const result = await lint({ paths: ['-'], cwd: process.cwd(), stdinText: text, rules });
    expect(result.findings.map(brief)).toEqual(['<stdin>:12:11 privileged-container Pod/p spec.containers[0].securityContext.privileged']);
  });

  test('a broken document becomes one yaml-syntax finding; the rest of the file and other files are linted', async () => {
    const cwd = makeTree({
      'a.yaml': `${privilegedPod('before')}---\nmetadata:\n  name: x\n  name: y\n---\nkey: [unclosed\n---\n${privilegedPod('after')}`,
      'b.json': '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "json"},\n "spec": {"containers": [{"name": "c", "securityContext": {"privileged": true}}]}}\n',
      'c.yaml': 'a: b\n c: d\n',
    });
    const result = await lint({ paths: ['.'], cwd, rules });
    expect(result.findings.map((f) => `${brief(f)} ${f.ruleId === 'yaml-syntax' ? f.message : ''}`.trim())).toEqual([
      'a.yaml:9:9 privileged-container Pod/before spec.containers[0].securityContext.privileged',
      'a.yaml:13:3 yaml-syntax -  Map keys must be unique: key "name" is repeated',
      expect.stringMatching(/^a\.yaml:1[56]:\d+ yaml-syntax - {2}\S/),
      'a.yaml:25:9 privileged-container Pod/after spec.containers[0].securityContext.privileged',
      'b.json:2:60 privileged-container Pod/json spec.containers[0].securityContext.privileged',
      'c.yaml:1:4 yaml-syntax -  Nested mappings are not allowed in compact mappings',
    ]);
    expect(result.summary.errors).toBe(6);
  });

  test('alias bombs are refused as a located yaml-syntax finding', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`);
    const result = await lint({ paths: ['-'], cwd: process.cwd(), stdinText: `apiVersion: v1\nkind: ConfigMap\n${bomb.join('\n')}\n`, rules });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ ruleId: 'yaml-syntax', line: 1, column: 1 });
  });

  test('Helm `# Source:` comments stay with the object', async () => {
    const text = `---\n# Source: shop/templates/pod.yaml\n${privilegedPod('helm')}`;
    const result = await lint({ paths: ['-'], cwd: process.cwd(), stdinText: text, rules });
    expect(result.findings.map((f) => [f.source, f.line])).toEqual([['shop/templates/pod.yaml', 11]]);
  });

  test('YAML 1.1 booleans and merge keys are read as Kubernetes reads them', async () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: yaml11 }
      spec:
        containers:
          - name: a
            securityContext: &ctx
              privileged: yes
          - name: b
            securityContext:
              <<: *ctx
    `;
    const result = await lint({ paths: ['-'], cwd: process.cwd(), stdinText: text, rules });
    expect(result.findings.map((f) => `${f.line}:${f.column} ${f.path}`)).toEqual([
      '8:9 spec.containers[0].securityContext.privileged',
      '8:9 spec.containers[1].securityContext.privileged',
    ]);
  });

  test('output is the same whatever order the paths are given in', async () => {
    const cwd = makeTree({ 'x/1.yaml': privilegedPod('one'), 'y/2.yaml': privilegedPod('two'), 'z.yaml': privilegedPod('three') });
    const first = await lint({ paths: ['z.yaml', 'y', 'x'], cwd, rules });
    const second = await lint({ paths: ['x', 'z.yaml', 'y', 'x/1.yaml'], cwd, rules });
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(first.findings.map((f) => f.file)).toEqual(['x/1.yaml', 'y/2.yaml', 'z.yaml']);
  });
});

describe('lint: suppressions', () => {
  test('k8s-lint.io/ignore annotation with a reason', async () => {
    const text = privilegedPod('ignored', ['annotations:', '  k8s-lint.io/ignore: "image-latest-tag, privileged-container"', '  k8s-lint.io/ignore-reason: needs /dev/fuse']);
    const result = await lint({ paths: ['-'], cwd: process.cwd(), stdinText: text, rules });
    expect(result.findings.map((f) => f.suppression)).toEqual([{ via: 'annotation', reason: 'needs /dev/fuse' }]);
    expect(result.summary).toMatchObject({ findings: 0, errors: 0, suppressed: 1 });
  });

  test('an annotation for another rule suppresses nothing', async () => {
    const text = privilegedPod('other', ['annotations:', '  k8s-lint.io/ignore: run-as-root']);
    const result = await lint({ paths: ['-'], cwd: process.cwd(), stdinText: text, rules });
    expect(result.findings.map((f) => f.suppression)).toEqual([null]);
  });

  test('# k8s-lint-disable-next-line suppresses on the next line only, for the listed rules', async () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: commented }
      spec:
        containers:
          - name: a
            securityContext:
              # k8s-lint-disable-next-line privileged-container -- device plugin needs it
              privileged: true
          - name: b
            securityContext:
              # k8s-lint-disable-next-line run-as-root
              privileged: true
          - name: c
            securityContext:
              # k8s-lint-disable-next-line
              privileged: true
    `;
    const result = await lint({ paths: ['-'], cwd: process.cwd(), stdinText: text, rules });
    expect(result.findings.map((f) => [f.line, f.suppression])).toEqual([
      [9, { via: 'comment', reason: 'device plugin needs it' }],
      [13, null],
      [17, { via: 'comment', reason: null }],
    ]);
  });
});

describe('lint: absurd nesting', () => {
  test('a deeply nested document is one located yaml-syntax finding, not a crash', async () => {
    const deep = `apiVersion: v1\nkind: ConfigMap\ndata: ${'['.repeat(20000)}${']'.repeat(20000)}\n`;
    const other = privilegedPod('after');
    const result = await lint({ paths: ['-'], cwd: process.cwd(), stdinText: `${deep}---\n${other}`, rules });
    // The mapping is level 1 and `data`'s brackets levels 2, 3, ...: the 256th bracket (column 7 + 255) is level 257.
    expect(result.findings.map((f) => `${f.ruleId} ${f.line}:${f.column} ${f.ruleId === 'yaml-syntax' ? f.message : f.path}`)).toEqual([
      'yaml-syntax 3:262 document is nested more than 256 levels deep: not read',
      'privileged-container 13:9 spec.containers[0].securityContext.privileged',
    ]);
  });

  test('the bound is exact and holds for block nesting too', async () => {
    const block = (levels: number): string =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: deep }\n${Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k${i}:\n`).join('')}${' '.repeat(levels)}leaf: 1\n`;
    // block(n) nests n + 1 mappings: the document's own and one under each key.
    const atBound = await lint({ paths: ['-'], cwd: process.cwd(), stdinText: block(255), rules });
    expect(atBound.findings).toEqual([]);
    expect(atBound.summary.objects).toBe(1);
    const beyond = await lint({ paths: ['-'], cwd: process.cwd(), stdinText: block(256), rules });
    expect(beyond.findings.map((f) => `${f.ruleId} ${f.line}:${f.column} ${f.message}`)).toEqual(['yaml-syntax 260:257 document is nested more than 256 levels deep: not read']);
    expect(beyond.summary.objects).toBe(0);
  });
});
