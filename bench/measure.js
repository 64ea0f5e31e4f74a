'use strict';
// One measurement in a fresh process, so that timings and peak memory do not mix:
//   node bench/measure.js <floor|js-yaml|lint|lint-parallel|lint-config|lint-custom> <dir>
// Prints {"ms": <wall time>, "cpuMs": <CPU time>, "maxRssMiB": <peak resident memory>, "documents": <count>}.
const { readFileSync } = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const requireFrom = (pkg) => require(require.resolve(pkg, { paths: [path.join(root, 'packages', 'core'), root] }));

async function main() {
  const [mode, dir] = process.argv.slice(2);
  const start = process.hrtime.bigint();
  let documents = 0;
  let extra = {};
  if (mode === 'lint' || mode === 'lint-parallel') {
    const { lint } = require(path.join(root, 'packages', 'core', 'dist'));
    const result = await lint({ paths: [dir], cwd: root, jobs: mode === 'lint' ? 1 : 'auto' });
    documents = result.summary.objects + result.summary.skipped;
  } else if (mode === 'lint-config' || mode === 'lint-custom') {
    // The same lint with a configuration read as a run reads one: without custom rules, or with
    // the ten of bench/custom-rules.js (compiling them included).
    const { lint, parseConfig } = require(path.join(root, 'packages', 'core', 'dist'));
    const { CUSTOM_RULES_CONFIG } = require('./custom-rules');
    const config = parseConfig(mode === 'lint-custom' ? CUSTOM_RULES_CONFIG : 'customRules: []\n', path.join(root, '.k8s-lint.yaml'));
    const result = await lint({ paths: [dir], cwd: root, jobs: 1, config });
    documents = result.summary.objects + result.summary.skipped;
    extra = { findings: result.summary.findings };
  } else {
    const fg = requireFrom('fast-glob');
    const files = fg.sync('**/*.{yaml,yml,json}', { cwd: dir, absolute: true, ignore: ['**/.git/**', '**/node_modules/**'] });
    if (mode === 'floor') {
      const { LineCounter, parseAllDocuments } = requireFrom('yaml');
      for (const file of files) {
        const lineCounter = new LineCounter();
        for (const document of parseAllDocuments(readFileSync(file, 'utf8'), { lineCounter })) {
          document.toJS();
          documents++;
        }
      }
    } else if (mode === 'js-yaml') {
      const jsYaml = requireFrom('js-yaml');
      for (const file of files) jsYaml.loadAll(readFileSync(file, 'utf8'), () => documents++);
    } else {
      throw new Error(`unknown mode ${mode}`);
    }
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const { user, system } = process.cpuUsage();
  // CPU time too: on a busy machine it says more than wall time about the work done.
  process.stdout.write(`${JSON.stringify({ ms, cpuMs: (user + system) / 1000, maxRssMiB: process.resourceUsage().maxRSS / 1024, documents, ...extra })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
