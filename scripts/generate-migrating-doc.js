#!/usr/bin/env node
// Rewrites the generated tables of docs/migrating.md (between its peer-checks markers) from the
// mapping table packages/core/src/suppress/peer-checks.ts (build first). test/migrating-doc.test.ts
// fails when the committed tables differ from what this would write.
const { readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { replaceMigratingTables } = require('../packages/core/dist/suppress/peer-checks-doc');

const file = path.join(__dirname, '..', 'docs', 'migrating.md');
writeFileSync(file, replaceMigratingTables(readFileSync(file, 'utf8')));
console.log('updated the peer check tables in docs/migrating.md');
