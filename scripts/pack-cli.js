#!/usr/bin/env node
/*
 * `prepack` of packages/cli: the packed @k8s-lint/cli ships the single-file bundle as its bin and
 * depends on nothing (its workspace:* packages and commander are bundled, hence devDependencies),
 * so `npm pack` + `npm install <tarball>` works with no workspace around it. Copies the committed
 * bundle (bin/, kept fresh by `pnpm bundle` and test/packaging/bundle.test.ts) into
 * packages/cli/bundle/.
 */
'use strict';
const { copyFileSync, existsSync, mkdirSync, readdirSync } = require('node:fs');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..');
const target = path.join(REPO_ROOT, 'packages', 'cli', 'bundle');
mkdirSync(target, { recursive: true });
// The bundle and the data files beside it (config schema, Kubernetes API schemas).
const names = ['k8s-lint.cjs', ...readdirSync(path.join(REPO_ROOT, 'bin')).filter((name) => name.endsWith('.json'))];
for (const name of names) {
  const source = path.join(REPO_ROOT, 'bin', name);
  if (!existsSync(source)) {
    console.error(`${path.relative(REPO_ROOT, source)} is missing: run \`pnpm bundle\` first`);
    process.exit(1);
  }
  copyFileSync(source, path.join(target, name));
}
