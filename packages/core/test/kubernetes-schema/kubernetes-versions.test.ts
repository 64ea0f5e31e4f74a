import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, EMPTY_CONFIG, InputError, lint, parseConfig } from '../../src';
import { schemaInvalid } from '../../src/rules/schema/schema-invalid';
import { bundledKubernetesVersion, DEFAULT_KUBERNETES_VERSION, KUBERNETES_VERSIONS } from '../../src/kubernetes-schema/kubernetes-versions';

const SCHEMA_DIR = path.join(__dirname, '..', '..', 'src', 'kubernetes-schema');
const CONFIG_SCHEMA = path.join(__dirname, '..', '..', 'schema', 'config.schema.json');
const CONFIG_FILE = '/repo/.k8s-lint.yaml';

function lintWith(kubernetesVersion: string | undefined, configVersion?: string): Promise<unknown> {
  const config = { ...EMPTY_CONFIG, ...(configVersion ? { kubernetesVersion: configVersion } : {}), rules: { 'schema-invalid': { severity: 'error' as const } } };
  const stdinText = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\n';
  return lint({ paths: ['-'], cwd: process.cwd(), stdinText, config, rules: [schemaInvalid], kubernetesVersion });
}

describe('bundled Kubernetes versions', () => {
  test('one schema file per listed version and no other; the default is the newest', () => {
    const files = readdirSync(SCHEMA_DIR).filter((name) => /^kubernetes-.*\.json$/.test(name)).sort();
    expect(files).toEqual(KUBERNETES_VERSIONS.map((version) => `kubernetes-${version}.json`).sort());
    for (const version of KUBERNETES_VERSIONS) {
      const file = JSON.parse(readFileSync(path.join(SCHEMA_DIR, `kubernetes-${version}.json`), 'utf8')) as { kubernetesVersion: string; source: string };
      expect(file.kubernetesVersion).toBe(`v${version}`);
      expect(file.source).toMatch(/^kubernetes-models@\d+\.\d+\.\d+$/);
    }
    expect(KUBERNETES_VERSIONS.length).toBeGreaterThanOrEqual(4);
    expect(DEFAULT_KUBERNETES_VERSION).toBe(KUBERNETES_VERSIONS[KUBERNETES_VERSIONS.length - 1]);
  });

  test('the configuration JSON schema names the same versions', () => {
    const schema = JSON.parse(readFileSync(CONFIG_SCHEMA, 'utf8')) as { properties: { kubernetesVersion: { description: string; pattern: string } } };
    const { description, pattern } = schema.properties.kubernetesVersion;
    expect(description).toContain(`${KUBERNETES_VERSIONS.slice(0, -1).join(', ')} or ${DEFAULT_KUBERNETES_VERSION} (default: ${DEFAULT_KUBERNETES_VERSION}`);
    for (const version of KUBERNETES_VERSIONS) expect(new RegExp(pattern).test(version)).toBe(true);
  });

  test.each([
    ['1.27', '1.27'],
    ['v1.27', '1.27'],
    ['1.27.3', '1.27'],
    [' 1.36 ', '1.36'],
    ['1.31', undefined],
    ['1.270', undefined],
    ['2.0', undefined],
    ['latest', undefined],
  ])('%p is the bundled version %p', (text, expected) => {
    expect(bundledKubernetesVersion(text)).toBe(expected);
  });

  test('an unsupported version is an input error that lists the bundled versions', async () => {
    await expect(lintWith('1.31')).rejects.toBeInstanceOf(InputError);
    await expect(lintWith('1.31')).rejects.toThrow('unsupported Kubernetes version "1.31": the bundled versions are 1.25, 1.27, 1.33, 1.36');
    await expect(lintWith(undefined, '1.10')).rejects.toThrow('unsupported Kubernetes version "1.10"');
    await expect(lintWith('1.25', '1.10')).resolves.toBeDefined();
  });
});

describe('kubernetesVersion in .k8s-lint.yaml', () => {
  test('is read as written and left out when absent', () => {
    expect(parseConfig('kubernetesVersion: "1.27"\n', CONFIG_FILE).kubernetesVersion).toBe('1.27');
    expect(parseConfig('kubernetesVersion: v1.33\n', CONFIG_FILE).kubernetesVersion).toBe('v1.33');
    expect('kubernetesVersion' in parseConfig('profile: default\n', CONFIG_FILE)).toBe(false);
  });

  test.each([
    ['kubernetesVersion: "1.31"\n', `${CONFIG_FILE}: kubernetesVersion: unsupported Kubernetes version "1.31": the bundled versions are 1.25, 1.27, 1.33, 1.36`],
    ['kubernetesVersion: 1.30\n', `${CONFIG_FILE}: kubernetesVersion: write the version as a string, such as "1.36" (unquoted, YAML reads 1.30 as the number 1.3)`],
    ['kubernetesVersion: one\n', `${CONFIG_FILE}: kubernetesVersion: must match pattern "^v?1\\.(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))?$"`],
  ])('%p is a configuration error', (text, message) => {
    expect(() => parseConfig(text, CONFIG_FILE)).toThrow(ConfigError);
    expect(() => parseConfig(text, CONFIG_FILE)).toThrow(message);
  });
});
