import { EMPTY_CONFIG, lint, type Rule } from '../src';
import { yaml } from './rule-tester';

/** Reports every ConfigMap, pointing at `data.url` of every Secret, with that URL in the related message. */
const pointsAtSecrets: Rule = {
  meta: {
    id: 'test-related',
    title: 'Test rule with related places',
    description: 'Reports ConfigMaps.',
    severity: 'warning',
    category: 'secrets',
    tags: [],
    help: 'Test.',
    references: [],
  },
  defaultOptions: {},
  check(context) {
    const secrets = context.resources.filter((resource) => resource.kind === 'Secret');
    for (const resource of context.resources) {
      if (resource.kind !== 'ConfigMap') continue;
      const related = secrets.map((secret) => ({ resource: secret, path: ['stringData', 'url'], message: `uses ${String((secret.object.stringData as Record<string, unknown>).url)}` }));
      context.report(resource, ['data'], 'a ConfigMap', undefined, related);
    }
  },
};

const CODE = yaml`
  apiVersion: v1
  kind: ConfigMap
  metadata: { name: settings }
  data: { a: b }
  ---
  apiVersion: v1
  kind: Secret
  metadata: { name: remote }
  stringData:
    url: https://deploy:hunter2@git.example.com/repo.git
`;

describe('related places of a finding', () => {
  test('located at the related field, in report order, with credentials in URLs masked', async () => {
    const config = { ...EMPTY_CONFIG, rules: { 'test-related': { severity: 'warning' as const } } };
    const result = await lint({ paths: ['-'], cwd: process.cwd(), stdinText: CODE, config, rules: [pointsAtSecrets] });
    expect(result.findings.map((f) => ({ line: f.line, related: f.related }))).toEqual([
      { line: 4, related: [{ file: '<stdin>', line: 10, column: 3, endLine: 10, endColumn: 55, message: 'uses https://***@git.example.com/repo.git' }] },
    ]);
  });
});
