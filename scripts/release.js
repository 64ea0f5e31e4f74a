#!/usr/bin/env node
/*
 * `pnpm release [--out <dir>]`: writes dist-release/ (gitignored) with
 *   k8s-lint-<version>.tgz  `npm pack` of packages/cli: the committed single-file bundle and its
 *                           data files, no dependencies, so `npm i -g ./k8s-lint-<version>.tgz`
 *                           works offline;
 *   SHA256SUMS              in `sha256sum` format (`sha256sum -c SHA256SUMS` checks it).
 * It packs the committed bin/ (test/packaging/bundle.test.ts keeps it equal to the sources) and
 * builds nothing, so it runs from a fresh clone without installing the development tools.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..');
const CLI_DIR = path.join(REPO_ROOT, 'packages', 'cli');
// Anything npm would fetch when installing the tarball; an offline install must need none.
const FETCHED_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies', 'bundledDependencies'];

function fail(message) {
  console.error(`release: ${message}`);
  process.exit(1);
}

function outputDirectory(args) {
  if (args.length === 0) return path.join(REPO_ROOT, 'dist-release');
  if (args.length === 2 && args[0] === '--out' && args[1] !== '') return path.resolve(args[1]);
  return fail('usage: node scripts/release.js [--out <dir>]');
}

/** process.env without the npm_* variables pnpm sets for scripts (npm would read them as its configuration). */
function npmEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
}

function packCli(destination) {
  const manifest = JSON.parse(readFileSync(path.join(CLI_DIR, 'package.json'), 'utf8'));
  const fetched = FETCHED_FIELDS.filter((field) => manifest[field] !== undefined && Object.keys(manifest[field]).length > 0);
  if (fetched.length > 0) fail(`packages/cli/package.json declares ${fetched.join(', ')}: the tarball would not install offline`);
  // prepack (scripts/pack-cli.js) copies the committed bundle into packages/cli/bundle/.
  const result = spawnSync('npm', ['pack', '--json', '--pack-destination', destination], { cwd: CLI_DIR, encoding: 'utf8', env: npmEnv() });
  if (result.error) fail(`cannot run npm: ${result.error.message}`);
  if (result.status !== 0) fail(`npm pack exited ${result.status}\n${result.stderr}`);
  // prepack's own output may precede the JSON on stdout.
  const [entry] = JSON.parse(result.stdout.slice(result.stdout.indexOf('[')));
  return { version: manifest.version, file: path.join(destination, entry.filename) };
}

/** A path as the user would type it; `./` so that npm reads it as a file, not a registry name. */
function shown(file) {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : `./${relative}`;
}

function main() {
  const out = outputDirectory(process.argv.slice(2));
  const staging = mkdtempSync(path.join(tmpdir(), 'k8s-lint-release-'));
  try {
    const packed = packCli(staging);
    const name = `k8s-lint-${packed.version}.tgz`;
    mkdirSync(out, { recursive: true });
    // Only what an earlier release wrote: --out may name a directory holding other files.
    for (const entry of readdirSync(out)) if (/^k8s-lint-.+\.tgz$|^SHA256SUMS$/.test(entry)) rmSync(path.join(out, entry));
    const tarball = path.join(out, name);
    copyFileSync(packed.file, tarball); // not rename: the temporary directory may be another file system
    const sha256 = createHash('sha256').update(readFileSync(tarball)).digest('hex');
    writeFileSync(path.join(out, 'SHA256SUMS'), `${sha256}  ${name}\n`);
    console.log(`${shown(tarball)}\n${shown(path.join(out, 'SHA256SUMS'))}: ${sha256}  ${name}`);
    console.log(`install: npm i -g ${shown(tarball)}`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

main();
