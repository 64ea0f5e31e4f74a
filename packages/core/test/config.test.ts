import path from 'node:path';
import { BUILTIN_RULES, ConfigError, findConfigFile, loadConfig, parseConfig, resolveRules } from '../src';
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
  test('.k8s-lint.yaml is found in the working directory or above it', () => {
    const root = makeTree({ '.k8s-lint.yaml': 'defaultNamespace: apps\n', 'a/b/c/keep': '' });
    expect(findConfigFile(path.join(root, 'a', 'b', 'c'))).toBe(path.join(root, '.k8s-lint.yaml'));
    expect(loadConfig(path.join(root, 'a', 'b')).defaultNamespace).toBe('apps');
  });

  test('--config names a file explicitly; a missing one is an error', () => {
    const root = makeTree({ 'conf/lint.yaml': 'exclude: ["vendor/**"]\n' });
    expect(loadConfig(root, 'conf/lint.yaml').exclude).toEqual(['vendor/**']);
    expect(() => loadConfig(root, 'nope.yaml')).toThrow(/nope\.yaml: cannot read configuration: ENOENT/);
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
    ['rules:\n  run-as-root: { level: error }\n', '/repo/.k8s-lint.yaml: rules.run-as-root.level: unknown key'],
    ['excludes: [a]\n', '/repo/.k8s-lint.yaml: excludes: unknown key'],
    ['exclude: vendor\n', '/repo/.k8s-lint.yaml: exclude: must be array'],
    ['defaultNamespace: Not_Valid\n', '/repo/.k8s-lint.yaml: defaultNamespace: must match pattern "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"'],
    ['rules:\n  run-as-root: { options: { x: 1 } }\n', '/repo/.k8s-lint.yaml: rules.run-as-root.options: rule "run-as-root" has no options'],
    ['rules:\n  host-path-volume: { options: { allowedPaths: [var/log] } }\n', '/repo/.k8s-lint.yaml: rules.host-path-volume.options.allowedPaths[0]: must match pattern "^/"'],
    ['rules:\n  missing-resource-limits: { options: { resource: [cpu] } }\n', '/repo/.k8s-lint.yaml: rules.missing-resource-limits.options.resource: unknown key'],
    ['rules: [\n', expect.stringMatching(/^\/repo\/\.k8s-lint\.yaml: invalid YAML: /)],
    ['- just\n- a list\n', '/repo/.k8s-lint.yaml: (top level): must be object'],
  ])('rejects %j with a message naming the file and key', (text, message) => {
    expect(configError(text)).toEqual(message);
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
});
