import { readdirSync } from 'node:fs';
import path from 'node:path';
import { BUILTIN_RULES } from '../../src/rules';
import type { AnyRule } from '../../src/rules/rule';

/**
 * The folders of packages/core/src/rules/ tell the truth: `rules/<category>/` holds exactly the
 * rules whose `meta.category` is that category, each registered in rules/index.ts; helpers live
 * elsewhere (model/, text/, kubernetes-schema/, pss/), and no rule sits loose in rules/.
 */
const RULES_DIR = path.join(__dirname, '..', '..', 'src', 'rules');
/** What rules/ itself may hold besides the category folders: the rule API and the registry. */
const RULE_SUPPORT_FILES = ['index.ts', 'loader-rule-ids.ts', 'network-links.ts', 'references.ts', 'report-unset.ts', 'resource-fields.ts', 'rule.ts', 'visit.ts'];

function isRule(value: unknown): value is AnyRule {
  const meta = (value as { meta?: { id?: unknown } } | null)?.meta;
  return typeof meta?.id === 'string' && typeof (value as { check?: unknown }).check === 'function';
}

/** The rules a module exports, alone or in arrays (the Pod Security Standards checks are made from a table). */
async function exportedRules(file: string): Promise<AnyRule[]> {
  const module = (await import(file)) as Record<string, unknown>;
  return Object.values(module).flatMap((value) => (Array.isArray(value) ? value.filter(isRule) : isRule(value) ? [value] : []));
}

const entries = readdirSync(RULES_DIR, { withFileTypes: true });
const categoryFolders = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
const rootFiles = entries.filter((entry) => !entry.isDirectory()).map((entry) => entry.name).sort();

describe('rules/ layout', () => {
  it('has one folder per category in use, and no other', () => {
    const categories = [...new Set(BUILTIN_RULES.map((rule) => rule.meta.category))].sort();
    expect(categoryFolders).toEqual(categories);
  });

  it('holds no rule and no helper loose in rules/ itself', async () => {
    expect(rootFiles.filter((name) => !RULE_SUPPORT_FILES.includes(name))).toEqual([]);
    for (const name of rootFiles.filter((file) => file !== 'index.ts')) {
      expect({ file: name, rules: (await exportedRules(path.join(RULES_DIR, name))).map((rule) => rule.meta.id) }).toEqual({ file: name, rules: [] });
    }
  });

  it.each(categoryFolders)('rules/%s/ holds only registered rules of that category', async (folder) => {
    const dir = path.join(RULES_DIR, folder);
    const found: AnyRule[] = [];
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const where = `rules/${folder}/${entry.name}`;
      // Helpers, data and sub-folders belong outside the rule folders.
      expect({ where, isTypeScriptFile: entry.isFile() && entry.name.endsWith('.ts') }).toEqual({ where, isTypeScriptFile: true });
      if (entry.name === 'index.ts') continue;
      const rules = await exportedRules(path.join(dir, entry.name));
      expect({ where, exportsARule: rules.length > 0 }).toEqual({ where, exportsARule: true });
      for (const rule of rules) {
        expect({ where, id: rule.meta.id, category: rule.meta.category }).toEqual({ where, id: rule.meta.id, category: folder });
        expect({ where, id: rule.meta.id, registered: BUILTIN_RULES.includes(rule) }).toEqual({ where, id: rule.meta.id, registered: true });
      }
      found.push(...rules);
    }
    const registeredHere = BUILTIN_RULES.filter((rule) => rule.meta.category === folder).map((rule) => rule.meta.id);
    expect(found.map((rule) => rule.meta.id).sort()).toEqual([...registeredHere].sort());
  });
});
