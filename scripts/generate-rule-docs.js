#!/usr/bin/env node
// Writes docs/rules/<id>.md (pss/<check>.md for the Pod Security Standards checks) and
// docs/rules/README.md from the rules' metadata (run `pnpm docs`), and the rule ids and `$id` of
// the configuration schema.
// A jest test fails when the committed files differ from what this would write.
const { writeFileSync, mkdirSync, readdirSync, rmSync } = require('node:fs');
const path = require('node:path');
const { BUILTIN_RULES, renderRuleDoc, renderRuleIndex } = require('../packages/core/dist');

const directory = path.join(__dirname, '..', 'docs', 'rules');
rmSync(directory, { recursive: true, force: true });
for (const rule of BUILTIN_RULES) {
  const file = path.join(directory, `${rule.meta.id}.md`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, renderRuleDoc(rule));
}
writeFileSync(path.join(directory, 'README.md'), renderRuleIndex(BUILTIN_RULES));
console.log(`wrote ${BUILTIN_RULES.length} rule pages and the index to docs/rules/`);

const { readFileSync } = require('node:fs');
const { replacePresetTable, replaceRuleTable } = require('../packages/core/dist');
const readme = path.join(__dirname, '..', 'README.md');
writeFileSync(readme, replacePresetTable(replaceRuleTable(readFileSync(readme, 'utf8'), BUILTIN_RULES)));
console.log('updated the rules and presets tables in README.md');

const { configSchemaWithRuleIds } = require('../packages/core/dist');
const { formatJson } = require('./format-json');
const schemaFile = path.join(__dirname, '..', 'packages', 'core', 'schema', 'config.schema.json');
writeFileSync(schemaFile, formatJson(configSchemaWithRuleIds(JSON.parse(readFileSync(schemaFile, 'utf8')), BUILTIN_RULES)));
console.log('updated the rule ids in packages/core/schema/config.schema.json');
