import { readFileSync, realpathSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { BUILTIN_RULES, CONFIG_SCHEMA_PATH, ConfigError, EMPTY_CONFIG, FLAG_SETTING_KEYS, findConfigFile, flagOf, InputError, loadConfig, parseConfig, resolveRules, SETTINGS, settingsFromFlags } from '../src';
import { makeTree } from './helpers';

function configError(text: string): string {
  try {
    resolveRules(BUILTIN_RULES, parseConfig(text, '/repo/.k8s-lint.yaml'));
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  test('.k8s-lint.yaml is found in the working directory or above it, up to the repository root', () => {
    // The root is a repository (it holds .git): the search goes up to it and no further.
    const root = makeTree({ '.git/HEAD': '', '.k8s-lint.yaml': 'defaultNamespace: apps\n', 'a/b/c/keep': '' });
    expect(findConfigFile(path.join(root, 'a', 'b', 'c'))).toBe(path.join(root, '.k8s-lint.yaml'));
    expect(loadConfig(path.join(root, 'a', 'b')).defaultNamespace).toBe('apps');
  });

  test('the search stops at the repository root, or at the working directory outside a repository', () => {
    const root = makeTree({ '.k8s-lint.yaml': 'defaultNamespace: above\n', 'repo/.git/HEAD': '', 'repo/a/keep': '', 'plain/a/keep': '' });
    expect(findConfigFile(path.join(root, 'repo', 'a'))).toBeNull();
    expect(findConfigFile(path.join(root, 'plain', 'a'))).toBeNull();
    expect(loadConfig(path.join(root, 'repo', 'a')).defaultNamespace).toBeUndefined();
    expect(findConfigFile(root)).toBe(path.join(root, '.k8s-lint.yaml'));
  });

  test('--config names a file explicitly; a missing one is an error named relative to the working directory', () => {
    const root = makeTree({ 'conf/lint.yaml': 'exclude: ["vendor/**"]\n' });
    expect(loadConfig(root, 'conf/lint.yaml').exclude).toEqual(['vendor/**']);
    expect(() => loadConfig(root, 'nope.yaml')).toThrow(new ConfigError('nope.yaml: cannot read configuration: ENOENT'));
    expect(() => loadConfig(path.join(root, 'conf'), path.join(root, 'nope.yaml'))).toThrow(new ConfigError('../nope.yaml: cannot read configuration: ENOENT'));
    expect(() => loadConfig(root, 'conf')).toThrow(new ConfigError('conf: cannot read configuration: not a regular file (a FIFO, socket, device or directory)'));
  });

  test('messages name the file relative to the working directory; globs stay relative to where it is', () => {
    const root = makeTree({ '.git/HEAD': '', '.k8s-lint.yaml': 'exclude: ["vendor/**"]\nrules: { run-as-rot: off }\n', 'a/keep': '' });
    const config = loadConfig(path.join(root, 'a'));
    expect(config.file).toBe(path.join(root, '.k8s-lint.yaml'));
    expect(() => resolveRules(BUILTIN_RULES, config)).toThrow(new ConfigError('../.k8s-lint.yaml: rules.run-as-rot: unknown rule "run-as-rot" (did you mean "run-as-root"?)'));
  });

  test('severities, off and options are applied', () => {
    const config = parseConfig(
      [
        'rules:',
        '  image-not-pinned-by-digest: off',
        '  run-as-root: error',
        '  missing-resource-limits:',
        '    severity: note',
        '    options: { resources: [memory] }',
      ].join('\n'),
      'k.yaml',
    );
    const active = new Map(resolveRules(BUILTIN_RULES, config).map((entry) => [entry.rule.meta.id, entry]));
    expect(active.has('image-not-pinned-by-digest')).toBe(false);
    expect(active.get('run-as-root')?.severity).toBe('error');
    expect(active.get('missing-resource-limits')).toMatchObject({ severity: 'note', options: { resources: ['memory'] } });
    expect(active.get('privileged-container')).toMatchObject({ severity: 'error', options: {} });
  });

  test.each([
    ['rules:\n  run-as-rot: error\n', '/repo/.k8s-lint.yaml: rules.run-as-rot: unknown rule "run-as-rot" (did you mean "run-as-root"?)'],
    ['rules:\n  run-as-root: fatal\n', '/repo/.k8s-lint.yaml: rules.run-as-root: must be one of off, error, warning, note'],
    ['rules:\n  run-as-root: { severity: high }\n', '/repo/.k8s-lint.yaml: rules.run-as-root.severity: must be one of off, error, warning, note'],
    ['rules:\n  run-as-root: { level: error }\n', '/repo/.k8s-lint.yaml: rules.run-as-root: unknown key at line 2, column 18 (allowed: severity, options)'],
    ['excludes: [a]\n', '/repo/.k8s-lint.yaml: excludes: unknown key at line 1, column 1 (did you mean "exclude"?)'],
    ['exclude: vendor\n', '/repo/.k8s-lint.yaml: exclude: must be array'],
    ['defaultNamespace: Not_Valid\n', '/repo/.k8s-lint.yaml: defaultNamespace: must match pattern "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"'],
    ['rules:\n  privileged-container: { options: { x: 1 } }\n', '/repo/.k8s-lint.yaml: rules.privileged-container.options: rule "privileged-container" has no options'],
    ['rules:\n  host-path-volume: { options: { allowedPaths: [var/log] } }\n', '/repo/.k8s-lint.yaml: rules.host-path-volume.options.allowedPaths[0]: must match pattern "^/"'],
    ['rules:\n  missing-resource-limits: { options: { resource: [cpu] } }\n', '/repo/.k8s-lint.yaml: rules.missing-resource-limits.options.resource: unknown key (did you mean "resources"?)'],
    ['rules: [\n', expect.stringMatching(/^\/repo\/\.k8s-lint\.yaml: invalid YAML: /)],
    ['- just\n- a list\n', '/repo/.k8s-lint.yaml: (top level): must be object'],
  ])('rejects %j with a message naming the file and key', (text, message) => {
    expect(configError(text)).toEqual(message);
  });

  test.each([
    // An unknown key is shown by its parent and position, not by its text...
    ['ghp_SECRETTOKEN123: x\n', '/repo/.k8s-lint.yaml: (top level): unknown key at line 1, column 1 (allowed: $schema, extends, rules, exclude, overrides, profile, pssVersion, kubernetesVersion, defaultNamespace, maxFileSize, charts, honorPeerAnnotations, workloads, customRules)'],
    ['profile: default\noverrides:\n  - files: [a]\n    rules: {}\n    token-ghp_SECRET: 1\n', '/repo/.k8s-lint.yaml: overrides[0]: unknown key at line 5, column 5 (allowed: files, rules)'],
    ['rules:\n  missing-resource-limits: { options: { ghp_SECRET: 1 } }\n', '/repo/.k8s-lint.yaml: rules.missing-resource-limits.options: unknown key (allowed: resources)'],
    // ...unless it is a typo of a known key.
    ['rulse: {}\n', '/repo/.k8s-lint.yaml: rulse: unknown key at line 1, column 1 (did you mean "rules"?)'],
    // Values are never quoted: what is allowed is said instead.
    ['profile: ghp_SECRET\n', '/repo/.k8s-lint.yaml: profile: must be one of default, pss-baseline, pss-restricted'],
    ['defaultNamespace: ghp_SECRET\n', '/repo/.k8s-lint.yaml: defaultNamespace: must match pattern "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"'],
    ['rules: { "ghp SECRET": off }\n', '/repo/.k8s-lint.yaml: rules: the key at line 1, column 10 must match pattern "^[A-Za-z0-9][A-Za-z0-9/_-]*$"'],
    ['exclude: ["ok/**", "{ghp_SECRET"]\n', '/repo/.k8s-lint.yaml: exclude[1]: invalid glob at line 1, column 20: unbalanced "{" in pattern'],
    // YAML errors whose parser message would quote the input (a tag, an alias, an escape) are described instead.
    ['a: !ghp_SECRET [x\n', expect.stringMatching(/^\/repo\/\.k8s-lint\.yaml: invalid YAML: /)],
    ['a: *ghp_SECRET\n', '/repo/.k8s-lint.yaml: invalid YAML: unresolved alias (the anchor must be set before the alias)'],
    ['a: "ghp_\\qSECRET"\n', '/repo/.k8s-lint.yaml: invalid YAML: invalid escape sequence in a double-quoted string at line 1, column 9:'],
    ['%ghp_SECRET x\n---\na: 1\n', '/repo/.k8s-lint.yaml: (top level): unknown key at line 3, column 1 (allowed: $schema, extends, rules, exclude, overrides, profile, pssVersion, kubernetesVersion, defaultNamespace, maxFileSize, charts, honorPeerAnnotations, workloads, customRules)'],
    ['a: [x]ghp_SECRET\n', '/repo/.k8s-lint.yaml: invalid YAML: Unexpected scalar at node end at line 1, column 7:'],
  ])('%j: the message names the key, never other keys or values', (text, message) => {
    const shown = configError(text);
    expect(shown).toEqual(message);
    expect(shown).not.toMatch(/SECRET/);
  });

  test('a hostile configuration is a configuration error, never a crash or a stall', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]', ''].join('\n');
    expect(() => parseConfig(bomb, 'k.yaml')).toThrow(new ConfigError('k.yaml: invalid YAML: Excessive alias count indicates a resource exhaustion attack'));
    expect(() => parseConfig(`rules: ${'['.repeat(50000)}${']'.repeat(50000)}\n`, 'k.yaml')).toThrow(new ConfigError('k.yaml: invalid YAML: nested too deeply'));
    expect(() => parseConfig(`exclude: [${Array.from({ length: 1001 }, (_, i) => `"a${i}"`).join(', ')}]\n`, 'k.yaml')).toThrow(new ConfigError('k.yaml: exclude: must NOT have more than 1000 items'));
  });

  test('duplicate keys are found, in linear time, at the repeated key', () => {
    expect(() => parseConfig('rules:\n  run-as-root: off\n  run-as-root: error\n', 'k.yaml')).toThrow(new ConfigError('k.yaml: invalid YAML: Map keys must be unique at line 3, column 3:'));
    // 60,000 rules: the yaml package's own check would take about a minute; the test timeout guards.
    const many = `rules:\n${Array.from({ length: 60_000 }, (_, i) => `  rule-${i}: off`).join('\n')}\n  rule-5: off\n`;
    expect(() => parseConfig(many, 'k.yaml')).toThrow(new ConfigError('k.yaml: invalid YAML: Map keys must be unique at line 60002, column 3:'));
  }, 30_000);

  test('more than 1,000 aliases are refused before any is resolved', () => {
    const aliased = `anchor: &x a\nexclude: [${Array.from({ length: 1001 }, () => '*x').join(', ')}]\n`;
    expect(() => parseConfig(aliased, 'k.yaml')).toThrow(new ConfigError('k.yaml: invalid YAML: 1001 aliases, more than 1000'));
  });

  test('a scalar setting is declared once: settings.ts names every scalar key of the JSON schema, which holds nothing else but the structured keys', () => {
    const schema = JSON.parse(readFileSync(CONFIG_SCHEMA_PATH, 'utf8')) as { properties: Record<string, { description?: string }> };
    const structured = ['$schema', 'extends', 'rules', 'exclude', 'overrides'];
    expect(Object.keys(schema.properties).filter((key) => !structured.includes(key)).sort()).toEqual(Object.keys(SETTINGS).sort());
    for (const key of Object.keys(SETTINGS)) expect(schema.properties[key]?.description).toEqual(expect.any(String));
  });

  test('the flag of a setting is its key in kebab case, so commander hands it back under the key', () => {
    for (const key of FLAG_SETTING_KEYS) {
      const kebab = key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
      expect(flagOf(key).name).toMatch(new RegExp(`^--${kebab} <[^>]+>$`));
    }
    expect(FLAG_SETTING_KEYS).toEqual(['profile', 'pssVersion', 'kubernetesVersion', 'maxFileSize']);
  });

  test('defaults come from the declarations; flag texts are parsed by them', () => {
    expect(EMPTY_CONFIG).toEqual({ file: null, rules: {}, exclude: [], profile: 'default', pssVersion: 'latest', maxFileSize: 10_000_000, charts: [], honorPeerAnnotations: [], workloads: [], customRules: [] });
    expect(parseConfig('profile: pss-baseline\nkubernetesVersion: "1.33"\n', '/repo/.k8s-lint.yaml')).toEqual({
      ...EMPTY_CONFIG, file: '/repo/.k8s-lint.yaml', shownAs: '/repo/.k8s-lint.yaml', overrides: [], profile: 'pss-baseline', kubernetesVersion: '1.33',
    });
    expect(settingsFromFlags({ profile: 'pss-restricted', maxFileSize: '2048' })).toEqual({ profile: 'pss-restricted', maxFileSize: 2048 });
    expect(() => settingsFromFlags({ maxFileSize: '2k' })).toThrow(new InputError('invalid --max-file-size "2k": must be a whole number of bytes'));
  });
});

describe('charts: per-chart values, release name and namespace', () => {
  /** A repository with two charts, values files, a file outside it, and links in and out. */
  function repository(): { root: string; repo: string } {
    const root = realpathSync(makeTree({
      'repo/.git/HEAD': '',
      'repo/charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
      'repo/charts/web/values-prod.yaml': 'replicas: 2\n',
      'repo/charts/api/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 0.1.0\n',
      'repo/env/prod.yaml': 'replicas: 3\n',
      'repo/plain/pod.yaml': 'kind: Pod\n',
      'outside/secret-values.yaml': 'token: x\n',
      'outside/chart/Chart.yaml': 'apiVersion: v2\nname: o\nversion: 0.1.0\n',
    }));
    symlinkSync(path.join(root, 'outside', 'secret-values.yaml'), path.join(root, 'repo', 'env', 'linked.yaml'));
    symlinkSync(path.join(root, 'charts-renamed-nowhere'), path.join(root, 'repo', 'env', 'dangling.yaml'));
    symlinkSync(path.join(root, 'repo', 'charts', 'web'), path.join(root, 'repo', 'web-link'));
    return { root, repo: path.join(root, 'repo') };
  }

  function chartsError(text: string, file: string): string {
    try {
      parseConfig(text, file, '.k8s-lint.yaml');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error('expected a ConfigError');
  }

  test('paths are resolved against the directory of the configuration, links followed, and kept as absolute real paths; values keep their order', () => {
    const { repo } = repository();
    const text = [
      'charts:',
      '  - path: web-link',
      '    values: [env/prod.yaml, charts/web/values-prod.yaml]',
      '    releaseName: web',
      '    namespace: shop',
      '  - path: ./charts/api/',
      '',
    ].join('\n');
    expect(parseConfig(text, path.join(repo, '.k8s-lint.yaml')).charts).toEqual([
      { path: path.join(repo, 'charts', 'web'), values: [path.join(repo, 'env', 'prod.yaml'), path.join(repo, 'charts', 'web', 'values-prod.yaml')], releaseName: 'web', namespace: 'shop' },
      { path: path.join(repo, 'charts', 'api'), values: [] },
    ]);
  });

  test.each([
    ['charts:\n  - path: charts/SECRET\n', 'charts[0].path: the path at line 2, column 11 does not exist'],
    ['charts:\n  - path: plain\n', 'charts[0].path: the path at line 2, column 11 is not a chart directory (it has no Chart.yaml)'],
    ['charts:\n  - path: plain/pod.yaml\n', 'charts[0].path: the path at line 2, column 11 is a file, not a chart directory'],
    ['charts:\n  - path: ../outside/chart\n', 'charts[0].path: the path at line 2, column 11 is outside the repository: charts and values files must be inside it'],
    ['charts:\n  - path: /etc/SECRET\n', 'charts[0].path: the path at line 2, column 11 is an absolute path: write it relative to the configuration file'],
    ['charts:\n  - path: charts/web\n  - path: web-link\n', 'charts[1].path: the path at line 3, column 11 names the same chart as charts[0]'],
    ['charts:\n  - path: charts/web\n    values: [env/prod.yaml, env/linked.yaml]\n', 'charts[0].values[1]: the path at line 3, column 29 leads outside the repository through a symbolic link: charts and values files must be inside it'],
    ['charts:\n  - path: charts/web\n    values: [env/dangling.yaml]\n', 'charts[0].values[0]: the path at line 3, column 14 is a symbolic link that leads nowhere or loops'],
    ['charts:\n  - path: charts/web\n    values:\n      - env/SECRET.yaml\n', 'charts[0].values[0]: the path at line 4, column 9 does not exist'],
    ['charts:\n  - path: charts/web\n    values: [env]\n', 'charts[0].values[0]: the path at line 3, column 14 is a directory, not a values file'],
    // A name starting with "-" would be an option to helm: refused here, with a position.
    ['charts:\n  - path: charts/web\n    releaseName: -SECRET\n', 'charts[0].releaseName: the value at line 3, column 18 is not a valid release name: lowercase letters, digits and "-", starting and ending with a letter or digit, at most 53 characters'],
    [`charts:\n  - path: charts/web\n    releaseName: ${'a'.repeat(54)}\n`, 'charts[0].releaseName: the value at line 3, column 18 is not a valid release name: lowercase letters, digits and "-", starting and ending with a letter or digit, at most 53 characters'],
    ['charts:\n  - { path: charts/web, namespace: "--SECRET" }\n', 'charts[0].namespace: the value at line 2, column 36 is not a valid namespace: lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters'],
    // Shapes are the schema's.
    ['charts:\n  - values: [env/prod.yaml]\n', "charts[0]: must have required property 'path'"],
    ['charts:\n  - path: charts/web\n    SECRET: 1\n', 'charts[0]: unknown key at line 3, column 5 (allowed: path, values, releaseName, namespace)'],
  ])('%j: a located ConfigError that never quotes the value', (text, message) => {
    const { repo } = repository();
    const shown = chartsError(text, path.join(repo, '.k8s-lint.yaml'));
    expect(shown).toBe(`.k8s-lint.yaml: ${message}`);
    expect(shown).not.toMatch(/SECRET/);
  });

  test('a configuration outside any repository is bounded by its own directory', () => {
    const { root } = repository();
    const file = path.join(root, 'outside', 'k.yaml');
    expect(chartsError('charts:\n  - path: ../repo/charts/web\n', file)).toBe('.k8s-lint.yaml: charts[0].path: the path at line 2, column 11 is outside the repository: charts and values files must be inside it');
    expect(parseConfig('charts:\n  - path: chart\n', file).charts).toEqual([{ path: path.join(root, 'outside', 'chart'), values: [] }]);
  });
});

describe('workloads: custom kinds that run pods', () => {
  test('entries are kept as written', () => {
    const text = ['workloads:', '  - apiVersion: example.com/v1', '    kind: Worker', '    podSpecPath: spec.template.spec', '  - { apiVersion: v1, kind: Runner, podSpecPath: spec }', ''].join('\n');
    expect(parseConfig(text, '/repo/.k8s-lint.yaml').workloads).toEqual([
      { apiVersion: 'example.com/v1', kind: 'Worker', podSpecPath: 'spec.template.spec' },
      { apiVersion: 'v1', kind: 'Runner', podSpecPath: 'spec' },
    ]);
    expect(parseConfig('profile: default\n', '/repo/.k8s-lint.yaml').workloads).toEqual([]);
  });

  test.each([
    ['workloads:\n  - apiVersion: example.com/v1\n    kind: Worker\n    podSpecPath: spec..SECRET\n', 'workloads[0].podSpecPath: the value at line 4, column 18 is not a dotted path of keys such as spec.template.spec'],
    ['workloads:\n  - apiVersion: example.com/v1\n    kind: Worker\n    podSpecPath: "spec.containers[0]SECRET"\n', 'workloads[0].podSpecPath: the value at line 4, column 18 is not a dotted path of keys such as spec.template.spec'],
    ['workloads:\n  - { apiVersion: "Example.com/SECRET", kind: Worker, podSpecPath: spec }\n', 'workloads[0].apiVersion: the value at line 2, column 19 is not an apiVersion such as example.com/v1'],
    ['workloads:\n  - { apiVersion: example.com/v1, kind: "SECRET kind", podSpecPath: spec }\n', 'workloads[0].kind: the value at line 2, column 41 is not a kind such as Worker'],
    [
      'workloads:\n  - { apiVersion: example.com/v1, kind: Worker, podSpecPath: spec }\n  - { apiVersion: example.com/v1, kind: Worker, podSpecPath: spec.template.spec }\n',
      'workloads[1].kind: the value at line 3, column 41 declares the same apiVersion and kind as workloads[0]',
    ],
    // Shapes are the schema's.
    ['workloads:\n  - { apiVersion: example.com/v1, kind: Worker }\n', "workloads[0]: must have required property 'podSpecPath'"],
    ['workloads:\n  - { apiVersion: example.com/v1, kind: Worker, podSpecPath: spec, SECRET: 1 }\n', 'workloads[0]: unknown key at line 2, column 68 (allowed: apiVersion, kind, podSpecPath)'],
    ['workloads: SECRET\n', 'workloads: must be array'],
  ])('%j: a located ConfigError that never quotes the value', (text, message) => {
    const shown = configError(text);
    expect(shown).toBe(`/repo/.k8s-lint.yaml: ${message}`);
    expect(shown).not.toMatch(/SECRET/);
  });
});
