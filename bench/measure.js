'use strict';
// One measurement in a fresh process, so that timings and peak memory do not mix:
//   node bench/measure.js <floor|js-yaml|lint|lint-parallel> <dir>
// Prints {"ms": <wall time>, "maxRssMiB": <peak resident memory>, "documents": <count>}.
const { readFileSync } = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const requireFrom = (pkg) => require(require.resolve(pkg, { paths: [path.join(root, 'packages', 'core'), root] }));

async function main() {
  const [mode, dir] = process.argv.slice(2);
  const start = process.hrtime.bigint();
  let documents = 0;
  if (mode === 'lint' || mode === 'lint-parallel') {
    const { lint } = require(path.join(root, 'packages', 'core', 'dist'));
    const result = await lint({ paths: [dir], cwd: root, jobs: mode === 'lint' ? 1 : 'auto' });
    documents = result.summary.objects + result.summary.skipped;
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
  process.stdout.write(`${JSON.stringify({ ms, maxRssMiB: process.resourceUsage().maxRSS / 1024, documents })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
