/**
 * Guarantee (issue 12, finding 4): nothing from the linted files, the configuration or the
 * command line drives the terminal or the CI log. Object names, namespaces, labels, images, URLs,
 * file names and config values holding ESC/OSC sequences, CR, bidi overrides, line separators,
 * NEL or a line feed followed by `::add-mask::` / `::error ...` are shown escaped (`\x1b`,
 * `\u202e`) in the stylish, github, junit and html reports, by `explain` and `rules`, and on standard
 * error; no line they write becomes a GitHub Actions workflow command. JSON and SARIF carry the
 * exact values as JSON escapes. Everything runs through the committed bundle.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE, jsonFindings, lint, tempDir, writeTree, type Run } from './helpers';

/** Terminal and log attacks: clear screen, OSC 52 (clipboard) and OSC 8 (link), CR, bidi, separators, C1, workflow commands. */
const PAYLOAD = [
  '\u001b[2J',
  '\u001b]52;c;WnE3Y2xpcGJvYXJk\u0007',
  '\u001b]8;;https://evil.example/\u001b\\link\u001b]8;;\u001b\\',
  'x\rFAKE',
  '\u202e\u2066\u200f',
  '\u2028\u2029\u0085\u009b31m\u007f\t',
  '\n::add-mask::x',
  '\n::error title=pwn::x',
  ' ##[stop-commands]zq7',
].join('');

/** The same attacks in a file name (no `/`). */
const FILE_PAYLOAD = '\u001b[2J\u001b]52;c;WnE3\u0007\rFAKE\u202e\u2028\u0085\n::add-mask::x\n::error title=pwn::x';

/** What must never be written raw: C0 but LF, DEL, C1, bidi controls, line and paragraph separators. */
// eslint-disable-next-line no-control-regex
const RAW_UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

/** The colour codes of the stylish report (severity colours, dim, bold, underline, reset). */
// eslint-disable-next-line no-control-regex
const OUR_SGR = /\u001b\[(?:0|1|2|4|31|32|33|34)m/g;

/** A YAML double-quoted scalar that the parser turns into exactly `text` (every non-ASCII character as `\uXXXX`). */
function yamlString(text: string): string {
  const body = [...text]
    .map((character) => {
      const code = character.charCodeAt(0);
      if (character === '"' || character === '\\') return `\\${character}`;
      return code < 0x20 || code > 0x7e ? `\\u${code.toString(16).padStart(4, '0')}` : character;
    })
    .join('');
  return `"${body}"`;
}

function describeRaw(text: string): string | null {
  const match = RAW_UNSAFE.exec(text);
  if (!match) return null;
  const hex = (match[0].codePointAt(0) ?? 0).toString(16).padStart(4, '0');
  return `U+${hex} at ${match.index}: ${JSON.stringify(text.slice(Math.max(0, match.index - 40), match.index + 40))}`;
}

/**
 * No raw unsafe character (but our own line feeds), no `##[` anywhere, and no line that the
 * Actions runner reads as a workflow command: it trims leading white space, then looks for `::`.
 */
function expectSafe(text: string, label: string, options: { colour?: boolean } = {}): void {
  const plain = options.colour ? text.replace(OUR_SGR, '') : text;
  expect({ label, raw: describeRaw(plain) }).toEqual({ label, raw: null });
  expect({ label, legacyCommand: plain.includes('##[') }).toEqual({ label, legacyCommand: false });
  const commandLines = plain.split('\n').filter((line) => line.trimStart().startsWith('::'));
  expect({ label, commandLines }).toEqual({ label, commandLines: [] });
}

function expectSafeRun(run: Run, label: string, options: { colour?: boolean } = {}): void {
  expectSafe(run.stdout, `${label} stdout`, options);
  expectSafe(run.stderr, `${label} stderr`);
}

const MANIFESTS = {
  'pods.yaml': [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${yamlString(`web${PAYLOAD}`)}`,
    `  namespace: ${yamlString(`shop${PAYLOAD}`)}`,
    `  labels: { app: ${yamlString(PAYLOAD)} }`,
    'spec:',
    '  containers:',
    `    - name: ${yamlString(`c${PAYLOAD}`)}`,
    `      image: ${yamlString(`registry.example/app${PAYLOAD}:1`)}`,
    '      securityContext: { privileged: true }',
    '---',
    'apiVersion: source.toolkit.fluxcd.io/v1',
    'kind: GitRepository',
    'metadata:',
    `  name: ${yamlString(`repo${PAYLOAD}`)}`,
    '  namespace: flux-system',
    'spec:',
    `  url: ${yamlString(`http://git.example/org/apps${PAYLOAD}`)}`,
    '',
  ].join('\n'),
  [`${FILE_PAYLOAD}.yaml`]: ['apiVersion: v1', 'kind: Pod', 'metadata: { name: p }', 'spec:', '  containers: [{ name: a, image: "nginx:1" }]', ''].join('\n'),
  '  ::error title=pwn::named.yaml': ['apiVersion: v1', 'kind: Pod', 'metadata: { name: q }', 'spec:', '  containers: [{ name: a, image: "nginx:1" }]', ''].join('\n'),
  // An empty configuration: the defaults, and no search above the temporary directory.
  '.k8s-lint.yaml': '',
};

describe('terminal and log safety (bundle)', () => {
  const repo = writeTree(tempDir('terminal'), MANIFESTS);
  const run = (args: readonly string[], env: Record<string, string> = {}): Run => lint(args, { cwd: repo, entry: BUNDLE, env });

  test('the fixtures hold the raw characters (the test would prove nothing otherwise)', () => {
    const json = run(['.', '-f', 'json']);
    expect(json.status).toBe(1);
    const findings = jsonFindings(json.stdout);
    expect(findings.some((finding) => finding.object?.name === `web${PAYLOAD}`)).toBe(true);
    expect(findings.some((finding) => finding.file === `${FILE_PAYLOAD}.yaml`)).toBe(true);
    expect(readdirSync(repo)).toContain(`${FILE_PAYLOAD}.yaml`);
  });

  test('stylish: every input value is escaped, visibly', () => {
    // Wrapped to 80 or 40 columns, no break starts a line with a workflow command.
    expectSafeRun(run(['.']), 'stylish 80 columns');
    expectSafeRun(run(['.'], { COLUMNS: '40' }), 'stylish 40 columns');
    // Unwrapped, so that each escaped value below is found whole.
    const result = run(['.'], { COLUMNS: '99999' });
    expect(result.status).toBe(1);
    expectSafeRun(result, 'stylish');
    for (const shown of ['\\x1b[2J', '\\x1b]52;c;WnE3Y2xpcGJvYXJk\\x07', '\\x1b]8;;https://evil.example/\\x1b\\link', 'x\\x0dFAKE', '\\u202e\\u2066\\u200f', '\\u2028\\u2029\\x85\\x9b31m\\x7f\\x09', '\\x0a::add-mask::x', '\\x0a::error title=pwn::x', '##\\x5bstop-commands]zq7']) {
      expect(result.stdout).toContain(shown);
    }
    // The file names, as headers of their groups: escaped, and not a workflow command.
    expect(result.stdout).toContain('\\x1b[2J\\x1b]52;c;WnE3\\x07\\x0dFAKE\\u202e\\u2028\\x85\\x0a::add-mask::x\\x0a::error title=pwn::x.yaml\n');
    expect(result.stdout).toContain('\n  \\x3a:error title=pwn::named.yaml\n');
    // The flux rule's message and the object names in the where line.
    expect(result.stdout).toContain('url "http://git.example/org/apps\\x1b[2J');
    expect(result.stdout).toContain('Pod shop\\x1b[2J');
  });

  test('stylish with FORCE_COLOR: the only escape sequences are the report\'s own colour codes', () => {
    const result = run(['.'], { FORCE_COLOR: '1' });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(OUR_SGR);
    expectSafeRun(result, 'stylish FORCE_COLOR', { colour: true });
    expect(result.stdout).toContain('\\x1b[2J');
  });

  test('github: one annotation line per finding, and no other line', () => {
    const result = run(['.', '-f', 'github']);
    expect(result.status).toBe(1);
    expect(describeRaw(result.stdout)).toBeNull();
    expect(result.stdout).not.toContain('##[');
    expectSafe(result.stderr, 'github stderr');
    const lines = result.stdout.trimEnd().split('\n');
    const unsuppressed = jsonFindings(run(['.', '-f', 'json']).stdout).filter((finding) => !finding.suppressed);
    expect(lines).toHaveLength(unsuppressed.length);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=[^:]*,line=\d+,endLine=\d+(,col=\d+,endColumn=\d+)?,title=k8s-lint%3A [a-z/_A-Z-]+::/);
    expect(result.stdout).toContain('\\x1b[2J');
    expect(result.stdout).toContain('\\x0a::add-mask::x');
    expect(result.stdout).toContain('\\u202e');
  });

  test('json and sarif: the exact values, as JSON escapes', () => {
    for (const format of ['json', 'sarif']) {
      const result = run(['.', '-f', format]);
      expect(result.status).toBe(1);
      // eslint-disable-next-line no-control-regex
      expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
      expect(result.stdout).toContain('\\u001b[2J');
      expect(result.stdout).toContain('\\n::add-mask::x');
      expectSafe(result.stderr, `${format} stderr`);
    }
    const findings = jsonFindings(run(['.', '-f', 'json']).stdout);
    expect(findings.find((finding) => finding.object?.name === `web${PAYLOAD}`)?.object?.namespace).toBe(`shop${PAYLOAD}`);
    expect(findings.filter((finding) => finding.file === `${FILE_PAYLOAD}.yaml`).length).toBeGreaterThan(0);
    const sarif = JSON.parse(run(['.', '-f', 'sarif']).stdout) as { runs: Array<{ results: Array<{ message: { text: string } }> }> };
    expect(sarif.runs[0]?.results.some((result) => result.message.text.includes(`http://git.example/org/apps${PAYLOAD}`))).toBe(true);
  });

  test('junit: no character that XML 1.0 forbids, and the same visible escapes', () => {
    const result = run(['.', '-f', 'junit']);
    expect(result.status).toBe(1);
    // eslint-disable-next-line no-control-regex
    expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    expectSafeRun(result, 'junit');
    expect(result.stdout).toContain('name="\\x1b[2J\\x1b]52;c;WnE3\\x07\\x0dFAKE\\u202e\\u2028\\x85\\x0a::add-mask::x\\x0a::error title=pwn::x.yaml"');
  });

  test('html: the same visible escapes, then HTML escapes; every line starts with the page\'s own text', () => {
    const result = run(['.', '-f', 'html']);
    expect(result.status).toBe(1);
    expectSafeRun(result, 'html');
    expect(result.stdout).toContain('<h2>\\x1b[2J\\x1b]52;c;WnE3\\x07\\x0dFAKE\\u202e\\u2028\\x85\\x0a::add-mask::x\\x0a::error title=pwn::x.yaml</h2>');
    expect(result.stdout).toContain('<h2>  \\x3a:error title=pwn::named.yaml</h2>');
    expect(result.stdout).toContain('url &quot;http://git.example/org/apps\\x1b[2J');
  });

  test('--write-baseline: the "wrote" line shows the file name escaped', () => {
    const name = `b${FILE_PAYLOAD}.json`;
    const result = run(['.', '--write-baseline', name]);
    expect([0, 1]).toContain(result.status);
    expectSafeRun(result, 'write-baseline');
    expect(result.stderr).toMatch(/^k8s-lint: wrote \d+ findings to baseline b\\x1b\[2J\\x1b\]52;c;WnE3\\x07\\x0dFAKE\\u202e\\u2028\\x85\\x0a::add-mask::x\\x0a::error title=pwn::x\.json\n$/);
    expect(existsSync(path.join(repo, name))).toBe(true);
  });
});

describe('standard error (bundle): messages that quote the command line or the configuration', () => {
  const repo = writeTree(tempDir('terminal-stderr'), { 'pod.yaml': MANIFESTS[`${FILE_PAYLOAD}.yaml`] ?? '', '.k8s-lint.yaml': '' });
  const run = (args: readonly string[], cwd = repo): Run => lint(args, { cwd, entry: BUNDLE });

  test.each([
    ['explain of an unknown rule', ['explain', `run-as-root${PAYLOAD}`], 'unknown rule "run-as-root\\x1b[2J'],
    ['a path that does not exist', [`missing${FILE_PAYLOAD}.yaml`], 'missing\\x1b[2J'],
    ['an invalid --pss-version', ['.', '--pss-version', `v1${PAYLOAD}`], 'invalid Pod Security Standards version "v1\\x1b[2J'],
    ['an invalid --jobs', ['.', '--jobs', `2${PAYLOAD}`], 'invalid --jobs "2\\x1b[2J'],
    ['an invalid --profile (a usage error of the argument parser)', ['.', '--profile', PAYLOAD], "argument '\\x1b[2J"],
    ['an unknown option', [`--x${PAYLOAD}`], "unknown option '--x\\x1b[2J"],
    ['a --config file that does not exist', ['.', '--config', `c${FILE_PAYLOAD}.yaml`], 'c\\x1b[2J'],
  ])('%s', (_case, args, shown) => {
    const result = run(args);
    expect(result.status).toBe(2);
    expectSafeRun(result, args.join(' '));
    expect(result.stderr).toContain(shown);
    expect(result.stderr).toContain('\\x0a::add-mask::x');
    // One message, on one line (the argument parser may add its own "(Did you mean ...?)" line).
    expect(result.stderr.trimEnd().split('\n').filter((line) => !line.startsWith('(Did you mean'))).toHaveLength(1);
  });

  test.each([
    ['an invalid profile value', `profile: ${yamlString(PAYLOAD)}\n`],
    ['an unknown key', `${yamlString(`key${PAYLOAD}`)}: 1\n`],
    ['an invalid exclude glob', `exclude: [${yamlString(`[${PAYLOAD}`)}]\n`],
    ['an invalid pssVersion', `pssVersion: ${yamlString(`v1${PAYLOAD}`)}\n`],
    ['a rule id that does not exist', `rules:\n  ${yamlString(`run-as-rot${PAYLOAD}`)}: error\n`],
  ])('configuration with %s', (_case, config) => {
    const dir = path.join(repo, `config-${_case.replace(/\W+/g, '-')}`);
    mkdirSync(dir);
    writeTree(dir, { '.k8s-lint.yaml': config, 'pod.yaml': MANIFESTS[`${FILE_PAYLOAD}.yaml`] ?? '' });
    const result = run(['.'], dir);
    expect(result.status).toBe(2);
    expectSafeRun(result, _case);
    expect(result.stderr).toMatch(/^k8s-lint: [^\n]*\n$/);
  });

  test('rules and explain print only safe text', () => {
    for (const args of [['rules'], ['explain', 'run-as-root'], ['explain', 'flux-insecure-source']]) {
      const result = run(args);
      expect(result.status).toBe(0);
      expectSafeRun(result, args.join(' '));
    }
  });
});
