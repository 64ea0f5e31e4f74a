#!/usr/bin/env node
'use strict';
// `pnpm bench`: generates deterministic synthetic repositories and measures, in one run, the
// floor (glob + read + `yaml` parse with positions), js-yaml's plain parse, a full lint in
// process (in one thread, and with worker threads as the CLI runs it), the CLI end to end, and the
// CLI on one small file against `node -e 0`. The CLI measured is the single-file bundle users run
// (pre-commit, the GitHub Action, npm), built fresh from the sources into a temporary file.
// Then the CLI in every format on one file of 30,000 minimal Pods (390,002 findings: bounded
// output). Prints figures and ratios; not a test (no assertions). Sizes: `pnpm bench -- 100 2000`
// (default 100 2000 20000); `pnpm bench -- findings` runs only the many-findings case, and
// `pnpm bench -- context` only one changed file of the 20,000-file repository against all of it,
// `pnpm bench -- custom` only ten custom rules in CEL against none (bench/custom-rules.js).
const { spawnSync } = require('node:child_process');
const { mkdtempSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { generate } = require('./generate');
const { benchManyFindings } = require('./many-findings');
const { benchCustomRules } = require('./custom-rules');
const { buildBundle } = require('../scripts/bundle');

const root = path.join(__dirname, '..');
const bundleDir = mkdtempSync(path.join(os.tmpdir(), 'k8s-lint-bench-bundle-'));
const cli = path.join(bundleDir, 'k8s-lint.cjs');
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const cacheDir = path.join(os.tmpdir(), 'k8s-lint-bench');

function measure(mode, dir) {
  const run = spawnSync(process.execPath, [path.join(__dirname, 'measure.js'), mode, dir], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) return { error: (run.stderr || '').trim() || `exit ${run.status}` };
  return JSON.parse(run.stdout);
}

/** Wall time of a command, median of `times` runs. */
function timeCommand(args, times, cwd = undefined) {
  const samples = [];
  for (let i = 0; i < times; i++) {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, args, { stdio: 'ignore', cwd });
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const fmt = (ms) => (ms === undefined ? 'n/a' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const line = (label, result) =>
  `  ${label.padEnd(34)}${result.error ? `failed: ${result.error.split('\n')[0]}` : `${fmt(result.ms)}  peak ${result.maxRssMiB.toFixed(0)} MiB`}`;
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : 'n/a');

function benchSize(files) {
  const dir = generate(path.join(cacheDir, `repo-${files}`), files);
  const floor = measure('floor', dir);
  const jsYaml = measure('js-yaml', dir);
  const lint = measure('lint', dir);
  const parallel = measure('lint-parallel', dir);
  const cliMs = timeCommand([cli, dir, '--format', 'json', '--output', path.join(os.tmpdir(), 'k8s-lint-bench.json')], 1);
  console.log(`\n${files} files (${floor.documents ?? '?'} documents)`);
  console.log(line('floor (yaml parse with positions)', floor));
  console.log(line('js-yaml plain parse', jsYaml));
  console.log(line('full lint in process, 1 thread', lint));
  console.log(line('full lint in process, --jobs auto', parallel));
  console.log(`  ${'CLI end to end (bundle)'.padEnd(34)}${fmt(cliMs)}`);
  console.log(
    `  ratios: lint/floor ${ratio(lint.ms, floor.ms)} (1 thread), ${ratio(parallel.ms, floor.ms)} (auto); ` +
      `lint/js-yaml ${ratio(parallel.ms, jsYaml.ms)}; CLI/floor ${ratio(cliMs, floor.ms)}`,
  );
}

/** Cross-object rules must stay linear when every object shares one namespace. */
function benchOneNamespace(files) {
  const spread = measure('lint', generate(path.join(cacheDir, `repo-${files}`), files));
  const crowded = measure('lint', generate(path.join(cacheDir, `repo-${files}-one-namespace`), files, 1));
  console.log(`\n${files} files in one namespace instead of 50`);
  console.log(line('full lint in process, 1 thread', crowded));
  console.log(`  ratio one namespace / 50 namespaces: ${ratio(crowded.ms, spread.ms)}`);
}

/**
 * Pre-commit's case: one changed file named, the rest of the repository read as context for
 * cross-object rules, against linting all of it. Target: at most 0.3× (issue 14).
 */
function benchOneChangedFile(files) {
  const dir = generate(path.join(cacheDir, `repo-${files}`), files);
  // svc-1 holds a Deployment, a Service and a NetworkPolicy: its Service makes the workloads of
  // its namespace part of the context too (service-selector-matches-nothing).
  const changed = path.join('team-1', 'app-0', 'svc-1.yaml');
  const output = ['--format', 'json', '--output', path.join(os.tmpdir(), 'k8s-lint-bench-context.json')];
  const all = timeCommand([cli, '.', ...output], 3, dir);
  const one = timeCommand([cli, changed, ...output], 3, dir);
  const alone = timeCommand([cli, changed, '--no-context', ...output], 3, dir);
  console.log(`
one changed file in the ${files}-file repository (CLI, bundle, median of 3)`);
  console.log(`  ${'all of it (k8s-lint .)'.padEnd(34)}${fmt(all)}`);
  console.log(`  ${'one file, repository as context'.padEnd(34)}${fmt(one)}`);
  console.log(`  ${'one file, --no-context'.padEnd(34)}${fmt(alone)}`);
  console.log(`  ratio one file with context / all: ${ratio(one, all)} (target at most 0.30×)`);
}

function benchStartup() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'k8s-lint-bench-small-'));
  const file = path.join(dir, 'pod.yaml');
  writeFileSync(file, 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n');
  const node = timeCommand(['-e', '0'], 11);
  const single = timeCommand([cli, file, '--format', 'json'], 11);
  console.log(`\nstartup: node -e 0 ${fmt(node)}, CLI on one small file ${fmt(single)}: ${ratio(single, node)}`);
}

async function run() {
  const built = await buildBundle();
  // The bundle and its data files, side by side as in bin/.
  for (const [file, text] of Object.entries(built)) writeFileSync(path.join(bundleDir, path.basename(file)), text);
  console.log(`k8s-lint benchmark (node ${process.version}, ${os.cpus().length} cores); repositories cached in ${cacheDir}`);
  if (process.argv.includes('context')) {
    benchOneChangedFile(20000);
    return;
  }
  if (process.argv.includes('custom')) {
    benchCustomRules(measure, generate, path.join(cacheDir, 'repo-20000'), 20000, line, ratio);
    return;
  }
  if (!process.argv.includes('findings')) {
    benchStartup();
    for (const files of sizes.length > 0 ? sizes : [100, 2000, 20000]) benchSize(files);
    benchOneNamespace(2000);
    benchOneChangedFile(20000);
    benchCustomRules(measure, generate, path.join(cacheDir, 'repo-20000'), 20000, line, ratio);
  }
  benchManyFindings(cli, cacheDir, fmt);
}

run().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
