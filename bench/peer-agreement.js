'use strict';
// Agreement with kube-linter, Polaris and kube-score on their own test fixtures, check by check,
// through the mapping table of packages/core/src/suppress/peer-checks.ts (build first).
//   node bench/peer-agreement.js <peers-dir> [--json <file>] [--bundle <k8s-lint.cjs>]
// <peers-dir> holds checkouts named kube-linter, polaris and kube-score. The fixtures are never
// copied into this repository; see usage() for how to get them.
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
const { parseAllDocuments } = require(require.resolve('yaml', { paths: [path.join(root, 'packages', 'core')] }));

function usage() {
  return [
    'usage: node bench/peer-agreement.js <peers-dir> [--json <file>] [--bundle <file>]',
    '<peers-dir> must hold the peers\' repositories (any recent commit):',
    '  git clone --depth 1 https://github.com/stackrox/kube-linter   <peers-dir>/kube-linter',
    '  git clone --depth 1 https://github.com/FairwindsOps/polaris   <peers-dir>/polaris',
    '  git clone --depth 1 https://github.com/zegl/kube-score        <peers-dir>/kube-score',
    'and the packages built (npx pnpm run build) for the mapping table.',
  ].join('\n');
}

function loadMapping() {
  const built = path.join(root, 'packages', 'core', 'dist', 'suppress', 'peer-checks.js');
  if (!fs.existsSync(built)) throw new Error(`${built} is missing: build first.\n${usage()}`);
  ({ peerCheckReports } = require(built));
  return require(built).PEER_CHECKS;
}

let peerCheckReports;

// ---- running k8s-lint on one fixture, alone -------------------------------------------------

/** Rules that are off by default but mapped: a user migrating from that check turns them on. */
function optInConfig(bundle, mapping) {
  const mapped = new Set(Object.values(mapping).flatMap((checks) => Object.values(checks).flatMap((m) => m.rules ?? [])));
  const rules = JSON.parse(require('node:child_process').execFileSync(process.execPath, [bundle, 'rules', '-f', 'json'], { maxBuffer: 1 << 26 }));
  const off = rules.filter((rule) => mapped.has(rule.id) && !rule.active).map((rule) => rule.id);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'peer-agreement-')), 'config.yaml');
  fs.writeFileSync(file, off.length === 0 ? '{}\n' : `rules:\n${off.map((id) => `  ${id}: warning\n`).join('')}`);
  return { file, optedIn: off };
}

function lintAlone(bundle, configFile, fixture) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peer-fixture-'));
  const copy = path.join(dir, path.basename(fixture));
  fs.copyFileSync(fixture, copy);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [bundle, 'lint', '--no-context', '-c', configFile, '-f', 'json', '--fail-on', 'none', path.basename(copy)], { cwd: dir, maxBuffer: 1 << 26 }, (error, stdout, stderr) => {
      fs.rmSync(dir, { recursive: true, force: true });
      if (error) return reject(new Error(`${fixture}: ${stderr || error.message}`));
      resolve(JSON.parse(stdout).findings.filter((finding) => !finding.suppressed));
    });
  });
}

async function lintAll(bundle, configFile, files) {
  const results = new Map();
  const queue = [...new Set(files)];
  const workers = Array.from({ length: Math.max(1, os.cpus().length) }, async () => {
    while (queue.length > 0) {
      const file = queue.shift();
      results.set(file, await lintAlone(bundle, configFile, file));
    }
  });
  await Promise.all(workers);
  return results;
}

// ---- the peers' expectations ----------------------------------------------------------------

function objectsOf(file) {
  const objects = [];
  for (const document of parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
    const value = document.toJS();
    if (value && typeof value === 'object' && typeof value.kind === 'string') {
      objects.push({ kind: value.kind, name: value.metadata?.name ?? null, roleRef: value.roleRef ?? null });
    }
  }
  return objects;
}

const NEGATIVE_NAME = /^(dont-fire|should-pass|good-|valid)/;

/**
 * kube-linter: e2etests/bats-tests.sh lints each tests/checks fixture with one check and states
 * the reports' "Kind: message" and count. A case is an object of the fixture: expected to fire
 * when its kind is among the reports and its name is not a negative one (`dont-fire…`). A role
 * that a binding of the fixture references is judged with that binding (k8s-lint reports the
 * role, kube-linter the binding).
 */
function kubeLinterCases(dir) {
  const bats = fs.readFileSync(path.join(dir, 'e2etests', 'bats-tests.sh'), 'utf8');
  const cases = [];
  for (const block of bats.split(/^@test /m).slice(1)) {
    const testName = /^"([^"]+)"/.exec(block)?.[1];
    const fixture = /tmp="([^"]+)"/.exec(block)?.[1];
    // Only the tests/checks fixtures (others lint directories or kustomizations).
    if (!testName || !fixture?.startsWith('tests/checks/')) continue;
    // A test of one check (`--include`), or of a check configured from a template (`--config`);
    // others test the command line.
    const include = /--include ([\w-]+)/.exec(block)?.[1];
    if (!include && !/--config /.test(block)) continue;
    const check = include ?? testName.replace(/^template-/, '');
    const reportedKinds = [...block.matchAll(/\[\[ "\$\{message\d+\}" (?:==|=~) "(\w+): /g)].map((m) => m[1]);
    const file = path.join(dir, fixture);
    const objects = objectsOf(file);
    const boundRoles = new Map();
    for (const object of objects) {
      if (object.roleRef?.name) boundRoles.set(`${object.roleRef.kind}/${object.roleRef.name}`, object);
    }
    const seen = new Set();
    for (const object of objects) {
      const key = `${object.kind}/${object.name}`;
      if (seen.has(key) || boundRoles.has(key)) continue;
      seen.add(key);
      const negative = NEGATIVE_NAME.test(object.name ?? '');
      const expected = reportedKinds.includes(object.kind) && !negative;
      if (!expected && !negative && !reportedKinds.includes(object.kind)) {
        // Neither a stated report nor a stated negative: only judged if k8s-lint reports it.
        cases.push({ peer: 'kube-linter', check, file, label: key, expected: false, objects: objectKeys(object), onlyIfReported: true });
        continue;
      }
      cases.push({ peer: 'kube-linter', check, file, label: key, expected, objects: objectKeys(object) });
    }
  }
  return cases;

  function objectKeys(object) {
    const keys = [`${object.kind}/${object.name}`];
    if (object.roleRef?.name) keys.push(`${object.roleRef.kind}/${object.roleRef.name}`);
    return keys;
  }
}

/** Polaris: test/checks/<check>/success*.yaml must not fire, failure*.yaml must (mutated* are fixes). */
function polarisCases(dir) {
  const base = path.join(dir, 'test', 'checks');
  const cases = [];
  for (const check of fs.readdirSync(base).sort()) {
    for (const name of fs.readdirSync(path.join(base, check)).sort()) {
      const kind = /^(success|failure)/.exec(name)?.[1];
      if (!kind) continue;
      cases.push({ peer: 'polaris', check, file: path.join(base, check, name), label: name, expected: kind === 'failure', objects: null });
    }
  }
  return cases;
}

/**
 * kube-score: score/*_test.go call testExpectedScore(t, "<file>", "<Check Name>", grade), or
 * testExpectedScoreWithConfig with one testFile and only optional tests enabled (the simple ones;
 * calls with other run settings are left out). Critical or Warning fires; AllOK and AlmostOK do
 * not; 0 (skipped) is left out. The check's id is its name in kebab case.
 */
function kubeScoreCases(dir) {
  const scoreDir = path.join(dir, 'score');
  const cases = new Map();
  const call = /testExpectedScore(WithConfig)?\(t,\s*(?:"([^"]+)"|\[\]ks\.NamedReader\{testFile\("([^"]+)"\)\},\s*nil,\s*&config\.RunConfiguration\{([^}]*)\})\s*,\s*"([^"]+)",\s*(scorecard\.Grade\w+|\d+)\)/g;
  for (const test of fs.readdirSync(scoreDir).filter((name) => name.endsWith('_test.go'))) {
    const source = fs.readFileSync(path.join(scoreDir, test), 'utf8').replace(/"cronjob-"\+v\+"/g, '"cronjob-{v}');
    for (const match of source.matchAll(call)) {
      const [, , plain, configured, runConfig = '', name, grade] = match;
      if (runConfig.replace(/EnabledOptionalTests:\s*\w+,?/, '').trim() !== '') continue;
      if (grade === '0') continue;
      const expected = grade === 'scorecard.GradeCritical' || grade === 'scorecard.GradeWarning';
      const check = name.toLowerCase().replace(/\s+/g, '-');
      for (const file of expandVersions(plain ?? configured)) {
        const full = path.join(scoreDir, 'testdata', file);
        if (!fs.existsSync(full) || !fs.statSync(full).isFile()) continue;
        cases.set(`${check} ${file}`, { peer: 'kube-score', check, file: full, label: file, expected, objects: null });
      }
    }
  }
  return [...cases.values()];

  function expandVersions(file) {
    return file.includes('{v}') ? ['batchv1', 'batchv1beta1'].map((v) => file.replace('{v}', v)) : [file];
  }
}

// ---- comparing --------------------------------------------------------------------------------

function judge(testCase, mapping, findings) {
  const entry = mapping[testCase.peer][testCase.check];
  if (!entry) return { ...testCase, verdict: 'unmapped' };
  if ('outOfScope' in entry || 'byDesign' in entry) return { ...testCase, verdict: 'excluded' };
  const rules = entry.rules ?? [];
  const onField = (finding) => peerCheckReports(testCase.peer, testCase.check, finding.ruleId, finding.path);
  const reported = findings.filter((finding) => rules.includes(finding.ruleId) && onField(finding) && (testCase.objects === null || testCase.objects.includes(`${finding.object?.kind}/${finding.object?.name}`)));
  const fired = reported.length > 0;
  if (testCase.onlyIfReported && !fired) return { ...testCase, verdict: 'unstated' };
  if (fired === testCase.expected) return { ...testCase, fired, verdict: 'agree' };
  const direction = fired ? 'extra' : 'missing';
  if (entry.deliberate?.direction === direction) return { ...testCase, fired, verdict: 'deliberate' };
  return { ...testCase, fired, verdict: 'disagree', rules, gap: entry.gap ?? null, reported: [...new Set(reported.map((f) => f.ruleId))] };
}

function percent(agree, total) {
  return total === 0 ? 'n/a' : `${((100 * agree) / total).toFixed(1)}%`;
}

async function main() {
  const args = process.argv.slice(2);
  const option = (name) => {
    const index = args.indexOf(name);
    return index >= 0 ? args.splice(index, 2)[1] : undefined;
  };
  const jsonOut = option('--json');
  const bundle = path.resolve(option('--bundle') ?? path.join(root, 'bin', 'k8s-lint.cjs'));
  const peersDir = args[0];
  const wanted = { 'kube-linter': ['tests/checks', 'e2etests/bats-tests.sh'], polaris: ['test/checks'], 'kube-score': ['score/testdata'] };
  if (!peersDir || Object.entries(wanted).some(([peer, parts]) => parts.some((part) => !fs.existsSync(path.join(peersDir, peer, part))))) {
    console.error(usage());
    process.exit(2);
  }
  const mapping = loadMapping();
  const cases = [...kubeLinterCases(path.join(peersDir, 'kube-linter')), ...polarisCases(path.join(peersDir, 'polaris')), ...kubeScoreCases(path.join(peersDir, 'kube-score'))];
  const config = optInConfig(bundle, mapping);
  const findings = await lintAll(bundle, config.file, cases.map((c) => c.file));
  const judged = cases.map((c) => judge(c, mapping, findings.get(c.file)));

  const lines = [];
  const totals = { agree: 0, counted: 0 };
  for (const peer of Object.keys(wanted)) {
    const mine = judged.filter((c) => c.peer === peer);
    const agree = mine.filter((c) => c.verdict === 'agree').length;
    const counted = agree + mine.filter((c) => c.verdict === 'disagree').length;
    totals.agree += agree;
    totals.counted += counted;
    const count = (verdict) => mine.filter((c) => c.verdict === verdict).length;
    lines.push(`${peer.padEnd(12)} ${percent(agree, counted).padStart(6)}  (${agree}/${counted}; deliberate differences ${count('deliberate')}, out-of-scope or by-design checks ${count('excluded')}, other objects ${count('unstated')}, unmapped ${count('unmapped')})`);
  }
  lines.push(`${'overall'.padEnd(12)} ${percent(totals.agree, totals.counted).padStart(6)}  (${totals.agree}/${totals.counted})`);
  if (config.optedIn.length > 0) lines.push(`(turned on for the run, off by default: ${config.optedIn.join(', ')})`);

  const disagreements = judged.filter((c) => c.verdict === 'disagree');
  const byCheck = new Map();
  for (const c of disagreements) {
    const key = `${c.peer} ${c.check}`;
    byCheck.set(key, [...(byCheck.get(key) ?? []), c]);
  }
  lines.push('', `Disagreements by check (${disagreements.length}):`);
  for (const [key, list] of [...byCheck].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))) {
    const first = list[0];
    const what = first.gap ? `not covered: ${first.gap}` : `rules ${first.rules.join(', ')}`;
    lines.push(`  ${String(list.length).padStart(3)}  ${key}  [${what}]`);
    for (const c of list) lines.push(`         ${c.expected ? 'missed  ' : 'extra   '} ${path.relative(peersDir, c.file)}${c.objects ? ` ${c.label}` : ''}${c.reported?.length ? ` (${c.reported.join(', ')})` : ''}`);
  }
  const unmapped = [...new Set(judged.filter((c) => c.verdict === 'unmapped').map((c) => `${c.peer} ${c.check}`))];
  if (unmapped.length > 0) lines.push('', `Checks with fixtures but no entry in the mapping table: ${unmapped.join(', ')}`);
  console.log(lines.join('\n'));
  if (jsonOut) fs.writeFileSync(jsonOut, `${JSON.stringify({ summary: lines.slice(0, 4), cases: judged }, null, 2)}\n`);
  fs.rmSync(path.dirname(config.file), { recursive: true, force: true });
}

main().catch((error) => {
  console.error(process.env.DEBUG ? error.stack : error.message);
  process.exit(2);
});
