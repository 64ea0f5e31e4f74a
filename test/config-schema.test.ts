/**
 * The configuration schema as editors read it: its `$id` serves raw JSON, and its rule ids are
 * generated from the rules (`pnpm docs`), so an editor flags an unknown id and a known one is
 * accepted. k8s-lint's own validation keeps naming an unknown id and the closest known one.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv from 'ajv';
import { BUILTIN_RULES, CONFIG_SCHEMA_PATH, CONFIG_SCHEMA_URL, ConfigError, configSchemaWithRuleIds, parseConfig, resolveRules, RULE_DOCS_BASE_URL, type AnyRule } from '@k8s-lint/core';

// yaml is a dependency of packages/core, not of the repository root.
const { parse } = createRequire(path.join(__dirname, '..', 'packages', 'core', 'package.json'))('yaml') as { parse: (text: string) => unknown };
const schemaFile = path.join(__dirname, '..', 'packages', 'core', 'schema', 'config.schema.json');
const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
const regenerate = 'run `pnpm docs` to regenerate the rule ids of packages/core/schema/config.schema.json';

describe('config.schema.json', () => {
  test('its $id and rule ids are what `pnpm docs` generates from the rules', () => {
    const upToDate = JSON.stringify(schema) === JSON.stringify(configSchemaWithRuleIds(schema, BUILTIN_RULES));
    expect({ upToDate, hint: regenerate }).toEqual({ upToDate: true, hint: regenerate });
    expect(CONFIG_SCHEMA_PATH).toBe(schemaFile);
  });

  test('its $id serves raw JSON from the repository the rule docs link to', () => {
    expect(schema.$id).toBe('https://raw.githubusercontent.com/k8s-lint/k8s-lint/main/packages/core/schema/config.schema.json');
    expect(CONFIG_SCHEMA_URL).toBe(schema.$id);
    expect(RULE_DOCS_BASE_URL).toBe('https://github.com/k8s-lint/k8s-lint/blob/main/docs/rules/');
    const readme = readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
    expect(readme).toContain(`# yaml-language-server: $schema=${CONFIG_SCHEMA_URL}\n`);
  });

  test('every rule id is described by its title', () => {
    const rules = (schema.properties as { rules: { properties: Record<string, { description: string }> } }).rules.properties;
    expect(rules['pss/privileged']?.description).toBe('Pod Security Standards: Privileged containers');
    expect(rules['image-latest-tag']?.description).toBe('Image uses latest or no tag');
    expect(Object.keys(rules).sort()).toEqual(BUILTIN_RULES.map((rule) => rule.meta.id).sort());
  });
});

describe('an editor validating .k8s-lint.yaml with the schema (ajv, strict)', () => {
  const validate = new Ajv({ allErrors: true }).compile(schema);
  const errorsOf = (yaml: string): string[] => (validate(parse(yaml)) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`));

  test.each([
    ['rules:\n  run-as-root: error\n  pss/privileged: off\n'],
    ['rules:\n  missing-resource-limits: { severity: warning, options: { resources: [memory] } }\n'],
    ['overrides:\n  - files: ["test/**"]\n    rules: { image-latest-tag: off }\n'],
    ['rules:\n  custom/owner-label: error\n'],
  ])('accepts known rule ids and custom rule ids: %j', (yaml) => {
    expect(errorsOf(yaml)).toEqual([]);
  });

  test.each([
    ['rules:\n  run-as-rot: error\n', '/rules must be equal to one of the allowed values'],
    ['overrides:\n  - files: ["test/**"]\n    rules: { privileged: off }\n', '/overrides/0/rules must be equal to one of the allowed values'],
  ])('flags an unknown rule id: %j', (yaml, error) => {
    expect(errorsOf(yaml)).toContain(error);
  });

  test('still checks the setting of a known rule', () => {
    expect(errorsOf('rules:\n  run-as-root: loud\n')).toContain('/rules/run-as-root must be equal to one of the allowed values');
  });
});

describe("k8s-lint's own validation of rule ids", () => {
  test('an unknown id names the closest known one, not the schema list', () => {
    const config = parseConfig('rules:\n  run-as-rot: error\n', '/repo/.k8s-lint.yaml');
    expect(() => resolveRules(BUILTIN_RULES, config)).toThrow(new ConfigError('/repo/.k8s-lint.yaml: rules.run-as-rot: unknown rule "run-as-rot" (did you mean "run-as-root"?)'));
  });

  test("an embedder's own rule can be configured", () => {
    const [base] = BUILTIN_RULES;
    if (!base) throw new Error('no built-in rules');
    const custom: AnyRule = { ...base, meta: { ...base.meta, id: 'acme/no-debug' } };
    const config = parseConfig('rules:\n  acme/no-debug: warning\n', '/repo/.k8s-lint.yaml');
    expect(resolveRules([custom], config).map((active) => [active.rule.meta.id, active.severity])).toEqual([['acme/no-debug', 'warning']]);
  });
});
