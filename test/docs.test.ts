import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { BUILTIN_RULES, renderRuleDoc, renderRuleIndex, replacePresetTable, replaceRuleTable } from '@k8s-lint/core';

const docsDir = path.join(__dirname, '..', 'docs', 'rules');
const regenerate = 'run `pnpm docs` to regenerate docs/rules/';

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) =>
    statSync(path.join(dir, name)).isDirectory() ? listFiles(path.join(dir, name), `${prefix}${name}/`) : [`${prefix}${name}`],
  );
}

describe('generated rule documentation', () => {
  test.each(BUILTIN_RULES.map((rule) => [rule.meta.id, rule] as const))('docs/rules/%s.md is up to date', (id, rule) => {
    const file = path.join(docsDir, `${id}.md`);
    const committed = readFileSync(file, 'utf8');
    expect({ file, upToDate: committed === renderRuleDoc(rule), hint: regenerate }).toEqual({ file, upToDate: true, hint: regenerate });
  });

  test('the index lists every rule and nothing else is in docs/rules', () => {
    expect(readFileSync(path.join(docsDir, 'README.md'), 'utf8')).toBe(renderRuleIndex(BUILTIN_RULES));
    const expected = ['README.md', ...BUILTIN_RULES.map((rule) => `${rule.meta.id}.md`)].sort();
    expect(listFiles(docsDir).sort()).toEqual(expected);
  });
});

describe('rule metadata', () => {
  test.each(BUILTIN_RULES.map((rule) => [rule.meta.id, rule] as const))('%s has complete metadata', (id, rule) => {
    const { meta } = rule;
    expect(meta.id).toMatch(/^([a-z][a-z0-9-]*|pss\/[a-zA-Z_]+)$/);
    expect(meta.title.length).toBeGreaterThan(3);
    expect(meta.description).toMatch(/\.$/);
    expect(meta.help).toContain('**Fix');
    expect(meta.help).toContain('```yaml');
    expect(meta.tags.length).toBeGreaterThan(0);
    expect(meta.references.length).toBeGreaterThan(0);
    for (const reference of meta.references) expect(reference.url).toMatch(/^https:\/\//);
    expect(BUILTIN_RULES.filter((other) => other.meta.id === id)).toHaveLength(1);
  });
});

test('the README rules table is generated from the metadata', () => {
  const readme = readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  expect({ upToDate: readme === replaceRuleTable(readme, BUILTIN_RULES), hint: regenerate }).toEqual({ upToDate: true, hint: regenerate });
});

test('the README lists what the recommended preset leaves to strict, from the preset table', () => {
  const readme = readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  expect({ upToDate: readme === replacePresetTable(readme), hint: regenerate }).toEqual({ upToDate: true, hint: regenerate });
});
