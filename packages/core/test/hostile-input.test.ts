/**
 * What a file in a linted repository may hold (written by anyone): odd encodings and line
 * endings, tabs, empty or comment-only documents, `---` inside block scalars, unknown kinds,
 * values of the wrong type anywhere, numbers as names, thousands of objects with the same name.
 * No input may make a rule throw; locations stay exact; cross-object rules never mix objects up.
 */
import { BUILTIN_RULES, EMPTY_CONFIG, lint, type Finding, type LintResult } from '../src';
import { privilegedContainer } from '../src/rules/pod-security/privileged-container';
import { yamlSyntax } from '../src/rules/syntax/yaml-syntax';
import { makeTree } from './helpers';

const POD = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', '  namespace: shop', 'spec:', '  containers:', '    - name: app', '      image: nginx:1.27', '      securityContext:', '        privileged: true', ''].join('\n');

const where = (finding: Finding): string => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}${finding.object ? ` ${finding.object.kind}/${finding.object.name}` : ''} ${finding.path || finding.message}`;

async function lintText(text: string, rules = [privilegedContainer, yamlSyntax] as const): Promise<LintResult> {
  return lint({ paths: ['-'], cwd: '/repo', stdinText: text, rules });
}

describe('encodings, line endings and whitespace', () => {
  test('a UTF-8 byte order mark, CRLF and CR-free files locate the same field at the same place', async () => {
    const expected = ['<stdin>:11:9 privileged-container Pod/web spec.containers[0].securityContext.privileged'];
    expect((await lintText(POD)).findings.map(where)).toEqual(expected);
    expect((await lintText(POD.replace(/\n/g, '\r\n'))).findings.map(where)).toEqual(expected);
    expect((await lintText(`\uFEFF${POD}`)).findings.map(where)).toEqual(expected);
  });

  test('on line 1 of a file with a byte order mark, columns are counted without it', async () => {
    const flow = '{ apiVersion: v1, kind: Pod, metadata: { name: web }, spec: { containers: [{ name: app, image: nginx:1.27, securityContext: { privileged: true } }] } }\n';
    const expected = ['<stdin>:1:127 privileged-container Pod/web spec.containers[0].securityContext.privileged'];
    expect((await lintText(flow)).findings.map(where)).toEqual(expected);
    expect((await lintText(`\uFEFF${flow}`)).findings.map(where)).toEqual(expected);
  });

  test('a comment suppression works with CRLF line endings', async () => {
    const text = POD.replace('        privileged: true', '        # k8s-lint-disable-next-line privileged-container\n        privileged: true').replace(/\n/g, '\r\n');
    expect((await lintText(text)).findings.map((finding) => `${finding.line}:${finding.column} ${finding.suppression?.via ?? 'shown'}`)).toEqual(['12:9 comment']);
  });

  test('tabs: as separation they are fine, as indentation a located syntax error', async () => {
    expect((await lintText(POD.replace('privileged: true', 'privileged:\ttrue'))).findings.map(where)).toEqual([
      '<stdin>:11:9 privileged-container Pod/web spec.containers[0].securityContext.privileged',
    ]);
    const tabbed = await lintText(POD.replace('        privileged: true', '\tprivileged: true'));
    expect(tabbed.findings.map((finding) => `${finding.line}:${finding.column} ${finding.ruleId}`)).toEqual(['11:1 yaml-syntax']);
    expect(tabbed.summary.objects).toBe(0);
  });

  test('empty files, comment-only documents and empty documents are neither objects nor problems', async () => {
    for (const text of ['', '\n\n', '# only a comment\n', '---\n---\n# nothing\n---\n', '\uFEFF']) {
      const result = await lintText(text);
      expect({ findings: result.findings, objects: result.summary.objects, skipped: result.summary.skipped }).toEqual({ findings: [], objects: 0, skipped: 0 });
    }
  });

  test('"---" inside a block scalar is text; at column 1 it starts the next document', async () => {
    const configMap = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: { name: scripts, namespace: shop }', 'data:', '  run.sh: |', '    echo start', '    ---', '    echo end', ''].join('\n');
    const result = await lintText(`${configMap}---\n${POD}`);
    expect(result.summary.objects).toBe(2);
    expect(result.findings.map(where)).toEqual(['<stdin>:20:9 privileged-container Pod/web spec.containers[0].securityContext.privileged']);
  });
});

describe('huge maps', () => {
  // The yaml package's own duplicate-key check compares every key with every earlier one: about
  // a minute for this map. Ours is linear; the test timeout is the guard.
  test(
    'a map of 60,000 keys is read, and a duplicate at its end is located exactly',
    async () => {
      const keys = Array.from({ length: 60_000 }, (_, i) => `  key-${i}: value`);
      const text = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: { name: big, namespace: shop }', 'data:', ...keys, '  key-7: again', ''].join('\n');
      const result = await lintText(text);
      expect(result.findings.map((finding) => `${finding.line}:${finding.column}-${finding.endColumn} ${finding.ruleId} ${finding.message}`)).toEqual([
        `${60_005}:3-4 yaml-syntax Map keys must be unique: key "key-7" is repeated`,
      ]);
      const unique = await lintText(text.replace('  key-7: again\n', ''));
      expect(unique.summary.objects).toBe(1);
    },
    30_000,
  );
});

describe('dense files', () => {
  test('a file of tiny entries that would take gigabytes to parse is reported, not read', async () => {
    // 2 MB of `[[[...]]]`: parsed, about 2 GB of syntax tree.
    const dense = Array.from({ length: 4000 }, (_, i) => `k${i}: ${'['.repeat(150)}${']'.repeat(150)}`).join('\n');
    const result = await lint({ paths: ['-'], cwd: '/repo', stdinText: dense, rules: BUILTIN_RULES });
    expect(result.findings.map(where)).toEqual(['<stdin>:1:1 file-unreadable file holds more than 500000 YAML indicators (: - , [ { ?): not read, it could take gigabytes to parse']);
  });

  test('a document of more than 100,000 entries is reported where the bound is passed, the next one read', async () => {
    const big = `data: [${Array.from({ length: 100_001 }, () => '1').join(',')}]\n`;
    const result = await lintText(`${big}---\n${POD}`);
    expect(result.findings.map(where)).toEqual([
      '<stdin>:1:7 yaml-syntax document holds more than 100000 entries: not read',
      '<stdin>:13:9 privileged-container Pod/web spec.containers[0].securityContext.privileged',
    ]);
  });
});

describe('many aliases', () => {
  // Each alias makes the yaml package scan every earlier anchor and alias: 20,000 take 20 s.
  const withAliases = (count: number): string =>
    ['apiVersion: v1', 'kind: ConfigMap', 'metadata: { name: aliases, namespace: shop }', 'data:', ...Array.from({ length: count }, (_, i) => `  a${i}: &x${i} v`), ...Array.from({ length: count }, (_, i) => `  b${i}: *x${i}`), ''].join('\n');

  test('up to 1,000 aliases a document is read; beyond, it is reported at the alias past the bound', async () => {
    expect((await lintText(withAliases(1000))).summary.objects).toBe(1);
    const result = await lintText(withAliases(20_000));
    expect(result.findings.map((finding) => `${finding.line}:${finding.column} ${finding.ruleId} ${finding.message}`)).toEqual([
      '21005:10 yaml-syntax document has 20000 aliases, more than 1000: not read (resolving them would take too long)',
    ]);
    expect(result.summary.objects).toBe(0);
  });
});

describe('values of the wrong type', () => {
  const WRONG_VALUES = ['null', '5', '-1.5', '"x"', '[]', '{}', 'true', '[null, 5, "x"]', '{ a: [1, {}] }'];
  // Every place of a workload a rule reads, given every wrong value in turn.
  const FIELDS = [
    'metadata',
    'metadata.name',
    'metadata.namespace',
    'metadata.labels',
    'metadata.annotations',
    'spec',
    'spec.replicas',
    'spec.selector',
    'spec.template',
    'spec.template.metadata',
    'spec.template.spec',
    'spec.template.spec.containers',
    'spec.template.spec.containers[0]',
    'spec.template.spec.containers[0].image',
    'spec.template.spec.containers[0].securityContext',
    'spec.template.spec.containers[0].securityContext.capabilities',
    'spec.template.spec.containers[0].ports',
    'spec.template.spec.containers[0].env',
    'spec.template.spec.containers[0].resources',
    'spec.template.spec.volumes',
    'spec.template.spec.securityContext',
    'spec.template.spec.hostNetwork',
  ];

  const PLACEHOLDER = '@@wrong-value@@';

  function deployment(field: string, value: string): string {
    const object: Record<string, unknown> = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' }, annotations: { a: 'b' } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            hostNetwork: false,
            securityContext: { runAsNonRoot: true },
            volumes: [{ name: 'data', hostPath: { path: '/var/lib' } }],
            containers: [{ name: 'app', image: 'nginx:1.27', securityContext: { capabilities: { add: ['NET_ADMIN'] } }, ports: [{ containerPort: 80 }], env: [{ name: 'A', value: 'b' }], resources: {} }],
          },
        },
      },
    };
    const parts = field.split(/\.|(?=\[)/);
    let target: Record<string, unknown> | unknown[] = object;
    parts.slice(0, -1).forEach((part) => {
      const key = part.startsWith('[') ? Number(part.slice(1, -1)) : part;
      target = (target as Record<string | number, unknown>)[key] as Record<string, unknown>;
    });
    const last = parts[parts.length - 1] ?? '';
    (target as Record<string | number, unknown>)[last.startsWith('[') ? Number(last.slice(1, -1)) : last] = PLACEHOLDER;
    // JSON is YAML: the placeholder becomes the raw YAML value.
    const text = JSON.stringify(object).replace(`"${PLACEHOLDER}"`, value);
    expect(text).not.toContain(PLACEHOLDER);
    return text;
  }

  test.each(FIELDS)('no rule throws when %s holds any wrong value', async (field) => {
    for (const value of WRONG_VALUES) {
      const text = deployment(field, value);
      const result = await lint({ paths: ['-'], cwd: '/repo', stdinText: text, rules: BUILTIN_RULES });
      // Still an object when apiVersion/kind survive; every finding located inside the one line.
      expect(result.summary.objects).toBe(1);
      for (const finding of result.findings) expect(finding).toMatchObject({ line: 1, endLine: 1 });
    }
  });

  test('numbers and booleans as names are names; an unknown kind is linted like any object', async () => {
    const result = await lint({
      paths: ['-'],
      cwd: '/repo',
      stdinText: `${POD.replace('name: web', 'name: 123').replace('namespace: shop', 'namespace: true')}---\napiVersion: example.com/v1\nkind: Frobnicator\nmetadata: { name: 7 }\nspec: { containers: 5 }\n`,
      rules: BUILTIN_RULES,
    });
    expect(result.summary.objects).toBe(2);
    const privileged = result.findings.filter((finding) => finding.ruleId === 'privileged-container');
    expect(privileged.map((finding) => finding.object)).toEqual([{ apiVersion: 'v1', kind: 'Pod', namespace: 'true', name: '123', namespaceSource: 'manifest' }]);
    expect(result.summary.unvalidated).toBe(1);
  });
});

describe('thousands of files with the same object names', () => {
  test('cross-object rules match objects by namespace and labels, never by name alone', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 1500; i++) {
      const namespace = `team-${i}`;
      // Every file: a Service "web" and, except every 100th, the Deployment "web" it selects.
      const service = `apiVersion: v1\nkind: Service\nmetadata: { name: web, namespace: ${namespace} }\nspec:\n  selector: { app: web-${i} }\n  ports: [{ port: 80 }]\n`;
      const workload = `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web, namespace: ${namespace} }\nspec:\n  selector: { matchLabels: { app: web-${i} } }\n  template:\n    metadata: { labels: { app: web-${i} } }\n    spec: { containers: [{ name: app, image: nginx:1.27 }] }\n`;
      files[`apps/${i}/web.yaml`] = i % 100 === 0 ? service : `${service}---\n${workload}`;
    }
    const root = makeTree(files);
    // The rule is off by default (issue 14): turned on here.
    const config = { ...EMPTY_CONFIG, rules: { 'service-selector-matches-nothing': { severity: 'note' as const } } };
    const result = await lint({ paths: ['.'], cwd: root, config, rules: BUILTIN_RULES.filter((rule) => rule.meta.id === 'service-selector-matches-nothing') });
    expect(result.summary.objects).toBe(1500 * 2 - 15);
    expect(result.findings.map((finding) => `${finding.file} ${finding.object?.namespace ?? ''}`)).toEqual(
      Array.from({ length: 15 }, (_, k) => k * 100)
        .map((i) => `apps/${i}/web.yaml team-${i}`)
        .sort(),
    );
  });
});
