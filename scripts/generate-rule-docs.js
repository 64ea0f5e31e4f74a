#!/usr/bin/env node
// Writes docs/rules/<id>.md and docs/rules/README.md from the rules' metadata (run `pnpm docs`).
// A jest test fails when the committed files differ from what this would write.
const { writeFileSync, mkdirSync, readdirSync, unlinkSync } = require('node:fs');
const path = require('node:path');
const { BUILTIN_RULES, renderRuleDoc, renderRuleIndex } = require('../packages/core/dist');

const directory = path.join(__dirname, '..', 'docs', 'rules');
mkdirSync(directory, { recursive: true });
const expected = new Set(['README.md', ...BUILTIN_RULES.map((rule) => `${rule.meta.id}.md`)]);
for (const file of readdirSync(directory)) {
  if (!expected.has(file)) unlinkSync(path.join(directory, file));
}
for (const rule of BUILTIN_RULES) writeFileSync(path.join(directory, `${rule.meta.id}.md`), renderRuleDoc(rule));
writeFileSync(path.join(directory, 'README.md'), renderRuleIndex(BUILTIN_RULES));
console.log(`wrote ${BUILTIN_RULES.length} rule pages and the index to docs/rules/`);
