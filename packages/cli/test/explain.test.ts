import { BUILTIN_RULES, InputError, markdownToText } from '@k8s-lint/core';
import { explainRule } from '../src/explain';

describe('explain', () => {
  test('markdown help becomes readable text', () => {
    expect(markdownToText('## Fix\n\nSet **`runAsNonRoot`** ([docs](https://k8s.io)):\n\n```yaml\nrunAsNonRoot: true\n```\n')).toBe(
      'Fix\n\nSet runAsNonRoot (docs (https://k8s.io)):\n\n    runAsNonRoot: true\n',
    );
  });

  test('shows title, severities, category, description, help, options with defaults, references and docs URL', () => {
    const text = explainRule('missing-resource-limits', 'note');
    const rule = BUILTIN_RULES.find((candidate) => candidate.meta.id === 'missing-resource-limits');
    expect(text.startsWith(`missing-resource-limits: ${rule?.meta.title}\n\nSeverity:  warning; configured: note\nCategory:  resources\n`)).toBe(true);
    expect(text).toContain(`\n${rule?.meta.description}\n`);
    expect(text).toContain('\nOptions (default values):\n  resources: ["cpu","memory"]\n');
    expect(text).not.toContain('```');
    expect(text).toContain('\nReferences:\n  - ');
    expect(text.endsWith('\nDocs: https://github.com/k8s-lint/k8s-lint/blob/main/docs/rules/missing-resource-limits.md\n')).toBe(true);
  });

  test('the configured severity is shown only when it differs from the default', () => {
    expect(explainRule('run-as-root', 'warning')).toContain('\nSeverity:  warning\n');
    expect(explainRule('flux-missing-service-account', 'off')).toContain('\nSeverity:  note (off by default)\n');
  });

  test('an unknown rule is an InputError with a suggestion', () => {
    expect(() => explainRule('run-as-rot', undefined)).toThrow(new InputError('unknown rule "run-as-rot" (did you mean "run-as-root"?); "k8s-lint rules" lists them'));
  });
});
