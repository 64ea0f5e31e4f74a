#!/usr/bin/env node
/*
 * Regenerates src/kubernetes-schema/kubernetes-1.N.json: the bundled schemas of the built-in Kubernetes
 * kinds that `schema-invalid` validates against, one file per Kubernetes version it offers
 * (--kubernetes-version). Source: the pinned `kubernetes-models` packages, generated upstream from
 * the Kubernetes OpenAPI spec with its integer types and enums. Each devDependency
 * `kubernetes-models-1.N` of scripts/package.json is the models of Kubernetes 1.N (see the
 * package's changelog); src/kubernetes-schema/kubernetes-versions.ts lists the same versions.
 * Run: node packages/core/scripts/generate-kubernetes-schema.js
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { readDeclarations } = require('./kubernetes-models-declarations');
const { markIntegers } = require('./kubernetes-models-integers');
const { removedApis } = require('./removed-kubernetes-apis');

const TOOLS_DIR = path.resolve(__dirname, '..', '..', '..', 'scripts');
const OUT_DIR = path.join(__dirname, '..', 'src', 'kubernetes-schema');
const OUT_FILE = /^kubernetes-(1\.\d+|schema)\.json$/;

// Fields the kubernetes-models declarations lack although the Kubernetes API has them (found by
// linting real manifests), keyed by definition id: added so that correct manifests do not fail.
const MISSING_FIELDS = {};

const minor = (version) => Number(version.split('.')[1]);

function bundledVersions() {
  const { devDependencies } = JSON.parse(fs.readFileSync(path.join(TOOLS_DIR, 'package.json'), 'utf8'));
  return Object.keys(devDependencies)
    .flatMap((name) => {
      const match = /^kubernetes-models-(1\.\d+)$/.exec(name);
      return match ? [{ version: match[1], dir: path.join(TOOLS_DIR, 'node_modules', name) }] : [];
    })
    .sort((a, b) => minor(a.version) - minor(b.version));
}

async function readVersion({ version, dir }, removed) {
  const { version: packageVersion } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const declared = readDeclarations(dir);
  const definitions = await markIntegers(declared.definitions, declared.classes);
  for (const [id, fields] of Object.entries(MISSING_FIELDS)) {
    if (!definitions[id]?.object) throw new Error(`MISSING_FIELDS: ${id} is not an object definition of ${version}`);
    definitions[id] = { ...definitions[id], object: { ...definitions[id].object, ...fields } };
  }
  // The models keep the kinds of older releases too: only those this release still serves count.
  const kinds = Object.fromEntries(Object.entries(declared.kinds).filter(([kind]) => !(removed[kind] && minor(removed[kind].removedIn) <= minor(version))));
  checkSample(version, kinds, definitions);
  return { version, source: `kubernetes-models@${packageVersion}`, kinds, definitions };
}

/** Fails loudly when the models change shape instead of writing a schema that checks nothing. */
function checkSample(version, kinds, definitions) {
  const port = definitions['v1/ContainerPort']?.object;
  const container = definitions['v1/Container']?.object;
  const problems = [
    kinds['apps/v1/Deployment'] === 'apps/v1/Deployment' ? null : 'apps/v1 Deployment is missing',
    port?.containerPort === 'integer' ? null : 'ContainerPort.containerPort is not an integer',
    container?.imagePullPolicy?.enum?.includes('IfNotPresent') ? null : 'Container.imagePullPolicy has no enum',
  ].filter(Boolean);
  if (problems.length) throw new Error(`kubernetes-models of ${version}: ${problems.join('; ')}`);
}

/** Kinds of the other versions (and removed ones) that `version` does not serve, with why. */
function unservedKinds(read, version, removed) {
  const served = read.find((entry) => entry.version === version).kinds;
  const all = new Set([...read.flatMap((entry) => Object.keys(entry.kinds)), ...Object.keys(removed)]);
  const out = {};
  for (const kind of [...all].sort()) {
    if (served[kind]) continue;
    const removal = removed[kind];
    if (removal && minor(removal.removedIn) <= minor(version)) out[kind] = removal;
    else out[kind] = { servedIn: read.filter((entry) => entry.kinds[kind]).map((entry) => entry.version) };
  }
  return out;
}

/** Only the definitions that the served kinds use, sorted. */
function reachable(kinds, definitions) {
  const seen = new Set();
  const visit = (node) => {
    if (typeof node !== 'object') return;
    if ('ref' in node) {
      if (seen.has(node.ref)) return;
      seen.add(node.ref);
      visit(definitions[node.ref]);
    } else if ('array' in node) visit(node.array);
    else if ('map' in node) visit(node.map);
    else if ('object' in node) Object.values(node.object).forEach(visit);
  };
  Object.values(kinds).forEach((id) => visit({ ref: id }));
  return Object.fromEntries([...seen].sort().map((id) => [id, definitions[id]]));
}

async function main() {
  const removed = removedApis();
  const read = [];
  for (const entry of bundledVersions()) read.push(await readVersion(entry, removed));
  const written = new Set();
  for (const { version, source, kinds, definitions } of read) {
    const sortedKinds = Object.fromEntries(Object.entries(kinds).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const file = path.join(OUT_DIR, `kubernetes-${version}.json`);
    const body = { source, kubernetesVersion: `v${version}`, kinds: sortedKinds, unserved: unservedKinds(read, version, removed), definitions: reachable(kinds, definitions) };
    fs.writeFileSync(file, `${JSON.stringify(body)}\n`);
    written.add(path.basename(file));
    console.log(`wrote ${path.relative(process.cwd(), file)}: ${Object.keys(body.kinds).length} kinds, ${Object.keys(body.definitions).length} definitions (${source})`);
  }
  for (const name of fs.readdirSync(OUT_DIR)) {
    if (OUT_FILE.test(name) && !written.has(name)) {
      fs.rmSync(path.join(OUT_DIR, name));
      console.log(`removed ${name}`);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
