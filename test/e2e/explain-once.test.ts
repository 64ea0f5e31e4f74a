/**
 * `k8s-lint explain` prints each part of a rule once. The Pod Security Standards rules' description
 * is "check `x` (level): " followed by the first sentence of their help, so the help is shown
 * from its second sentence on. Through the committed bundle, with exact lines.
 */
import { BUILTIN_RULES } from '@k8s-lint/core';
import { BUNDLE, lint, REPO_ROOT } from '../guarantees/helpers';

function explain(id: string): string {
  const run = lint(['explain', id], { cwd: REPO_ROOT, entry: BUNDLE });
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  return run.stdout;
}

/** Paragraphs of the text before the option and reference lists, joined to one line each. */
function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '');
}

describe('k8s-lint explain', () => {
  test('pss/privileged: the description, then the help without repeating it', () => {
    expect(explain('pss/privileged').split('\n').slice(0, 12)).toEqual([
      'pss/privileged: Pod Security Standards: Privileged containers',
      '',
      'Severity:  error',
      'Category:  pod-security-standards',
      'Tags:      pss-baseline, pss',
      '',
      'Pod Security Admission check `privileged` (baseline): privileged pods disable most security mechanisms: `securityContext.privileged` must be unset or `false` on every container (init and ephemeral containers included).',
      '',
      "This is the admission controller's own check, evaluated offline at the policy version in force",
      '(from v1.0). It runs for the',
      'workloads of a Namespace in the linted set that has pod-security.kubernetes.io/enforce',
      '(errors: the namespace would reject the pods), warn or audit labels (warnings), for',
    ]);
  });

  test('pss/runAsUser: the rest of a first paragraph stays', () => {
    expect(explain('pss/runAsUser').split('\n').slice(6, 9)).toEqual([
      'Pod Security Admission check `runAsUser` (restricted): containers must not set `runAsUser: 0`, on the pod or on any container.',
      '',
      'The check exists from v1.23; from v1.35 pods in a user namespace (spec.hostUsers: false) are exempt.',
    ]);
  });

  test.each(BUILTIN_RULES.filter((rule) => rule.meta.id.startsWith('pss/')).map((rule) => rule.meta.id))('%s: no sentence of the description is printed twice', (id) => {
    const text = explain(id);
    const sentences = paragraphs(text)
      .flatMap((paragraph) => paragraph.split(/(?<=\.)\s+/))
      .map((sentence) => sentence.replace(/`/g, '').toLowerCase());
    const lead = sentences[2] ?? '';
    const afterCheck = lead.replace(/^pod security admission check \S+ \(\w+\): /, '');
    expect(afterCheck).not.toBe(lead);
    expect(sentences.filter((sentence) => sentence === afterCheck)).toEqual([]);
  });

  test('image-latest-tag: a description that differs from the help keeps the whole help', () => {
    expect(explain('image-latest-tag').split('\n').slice(6, 10)).toEqual([
      'A container image has no tag or the `latest` tag, and no digest.',
      '',
      'An image without a tag means :latest, and latest moves whenever someone pushes.',
      'The code that runs then changes without a change to the manifest: a compromised or broken push',
    ]);
  });
});
