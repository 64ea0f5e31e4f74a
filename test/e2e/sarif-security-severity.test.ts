/**
 * GitHub code scanning shows a rule with a `security-severity` as a security alert ("High",
 * "Critical"). Rules that say whether the input could be read and checked (YAML syntax, unreadable
 * files, renders, API schemas) are not security findings: their SARIF descriptors have no
 * security-severity and no `security` tag, so they appear as plain errors and warnings. Through the
 * committed bundle; the log still passes the SARIF schema and the multitool's GitHub rules.
 */
import { describeValidation, validateSarif } from '../helpers/sarif-validator';
import { BUNDLE, lint, REPO_ROOT } from '../guarantees/helpers';

const NOT_SECURITY = ['file-unreadable', 'helm-chart-not-rendered', 'render-error', 'schema-invalid', 'symlink-not-followed', 'workload-kind-inferred', 'yaml-syntax'];

interface Descriptor {
  id: string;
  properties: { tags: string[]; 'security-severity'?: string };
}

interface SarifLog {
  runs: { tool: { driver: { rules: Descriptor[] } }; results: { ruleId: string; level: string }[] }[];
}

test('only security rules get a security-severity and the security tag', () => {
  // Every rule that runs has a descriptor; examples/broken has YAML errors.
  const run = lint(['examples/', '--format', 'sarif'], { cwd: REPO_ROOT, entry: BUNDLE });
  expect(run.status).toBe(1);
  const validation = validateSarif(run.stdout);
  expect(describeValidation(validation)).toBe(describeValidation({ schemaErrors: [], multitoolErrors: [], multitoolWarnings: validation.multitoolWarnings }));
  const [sarifRun] = (JSON.parse(run.stdout) as SarifLog).runs;
  const descriptors = sarifRun?.tool.driver.rules ?? [];
  const plain = descriptors.filter((rule) => rule.properties['security-severity'] === undefined).map((rule) => rule.id);
  expect(plain).toEqual(NOT_SECURITY);
  expect(descriptors.filter((rule) => rule.properties.tags.includes('security')).map((rule) => rule.id)).toEqual(descriptors.map((rule) => rule.id).filter((id) => !NOT_SECURITY.includes(id)));
  expect(sarifRun?.results.filter((result) => result.ruleId === 'yaml-syntax').map((result) => result.level)).toContain('error');
});
