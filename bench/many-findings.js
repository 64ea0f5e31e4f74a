'use strict';
// Bounded output (issue 12): one 2.4 MB file of 30,000 minimal Pods gives 390,002 findings. Before
// --max-findings and streamed reports this took a 220 MB JSON report and 1.1 GB of memory, and
// SARIF for two such files was killed at 3.0 GB. Runs the CLI on it in every format (and SARIF on
// two such files), each in a fresh process, and prints wall time and peak memory. Targets:
// under 60 s and under 1 GB each.
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const PODS = 30_000;
const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'];

/** `apiVersion: v1 / kind: Pod / metadata / one container with an image`: nothing else, 80 bytes. */
function podsFile(file) {
  if (existsSync(file)) return file;
  mkdirSync(path.dirname(file), { recursive: true });
  const pods = [];
  for (let i = 0; i < PODS; i++) pods.push(`apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}}\nspec: {containers: [{name: c, image: nginx}]}\n`);
  writeFileSync(file, pods.join('---\n'));
  return file;
}

/** Wall time and peak resident memory of one CLI run, its report written to a file. */
function runCli(cli, args) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'k8s-lint-bench-findings-'));
  const peakFile = path.join(dir, 'peak');
  const preload = path.join(dir, 'peak.js');
  // maxRSS of the process that ran, written as it exits.
  writeFileSync(preload, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(peakFile)}, String(process.resourceUsage().maxRSS)));\n`);
  const output = path.join(dir, 'report');
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--require', preload, cli, ...args, '--output', output], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const result = {
    ms,
    status: run.status,
    peakMiB: existsSync(peakFile) ? Number(readFileSync(peakFile, 'utf8')) / 1024 : NaN,
    reportMiB: existsSync(output) ? statSync(output).size / 1048576 : NaN,
    stderr: (run.stderr || '').trim().split('\n')[0] ?? '',
  };
  rmSync(dir, { recursive: true, force: true });
  return result;
}

function benchManyFindings(cli, cacheDir, fmt) {
  const one = podsFile(path.join(cacheDir, 'many-findings', 'pods.yaml'));
  const two = podsFile(path.join(cacheDir, 'many-findings', 'pods-2.yaml'));
  console.log(`\n${PODS.toLocaleString('en')} minimal Pods in one file (${(statSync(one).size / 1e6).toFixed(1)} MB): every format, report to a file`);
  const line = (label, result) =>
    console.log(
      `  ${label.padEnd(34)}${fmt(result.ms)}  peak ${result.peakMiB.toFixed(0)} MiB  report ${result.reportMiB.toFixed(1)} MiB  exit ${result.status}` +
        (result.status === 1 ? '' : `  (${result.stderr})`),
    );
  for (const format of FORMATS) line(format, runCli(cli, [one, '--format', format]));
  line('sarif, two such files', runCli(cli, [one, two, '--format', 'sarif']));
}

module.exports = { benchManyFindings };
