/**
 * `--jobs`: files are read and parsed in worker threads, and the report is the same, byte for
 * byte, whatever the number of threads, for the built CLI and for the committed bundle (whose
 * workers run the bundle itself).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT, runCli } from '../helpers/cli';

const BUNDLE = path.join(REPO_ROOT, 'bin', 'k8s-lint.cjs');

function pod(name: string, index: number): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    `metadata: { name: ${name}, namespace: team-${index % 7} }`,
    'spec:',
    '  containers:',
    '    - name: app',
    `      image: registry.example.com/app:${index}`,
    '      securityContext:',
    index % 3 === 0 ? '        # k8s-lint-disable-next-line privileged-container -- reviewed' : '        # no suppression',
    `        privileged: ${index % 2 === 0}`,
    '',
  ].join('\n');
}

/** A repository mixing what each thread must report the same way: findings, suppressions, broken files. */
function repository(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'k8s-lint-jobs-'));
  for (let i = 0; i < 60; i++) {
    const dir = path.join(root, `app-${i % 5}`);
    mkdirSync(dir, { recursive: true });
    // The same object names in many files, and a CRLF file now and then.
    const text = `${pod('web', i)}---\n${pod(`api-${i}`, i + 1)}`;
    writeFileSync(path.join(dir, `manifest-${i}.yaml`), i % 10 === 0 ? text.replace(/\n/g, '\r\n') : text);
  }
  writeFileSync(path.join(root, 'broken.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: { name: [unclosed\n');
  writeFileSync(path.join(root, 'deep.yaml'), `apiVersion: v1\nkind: ConfigMap\ndata: ${'['.repeat(400)}${']'.repeat(400)}\n`);
  writeFileSync(path.join(root, 'utf16.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(pod('wide', 4), 'utf16le')]));
  writeFileSync(path.join(root, 'binary.yaml'), Buffer.from([0x00, 0x01, 0x02]));
  return root;
}

function runBundle(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BUNDLE, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000, maxBuffer: 1 << 26 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('--jobs', () => {
  const cwd = repository();

  test.each(['json', 'sarif', 'stylish'])('the %s report is identical with 1, 2 and 3 threads and with auto', (format) => {
    const single = runCli(['.', '-f', format, '--jobs', '1'], { cwd });
    expect(single.status).toBe(1);
    expect(single.stdout).toContain(format === 'stylish' ? 'broken.yaml' : 'nested more than 256 levels');
    for (const jobs of ['2', '3', 'auto']) {
      const parallel = runCli(['.', '-f', format, '--jobs', jobs], { cwd });
      expect(parallel).toEqual(single);
    }
  });

  test('the bundle reports the same with worker threads (they run the bundle itself)', () => {
    const reference = runCli(['.', '-f', 'json', '--jobs', '1'], { cwd });
    const bundled = runBundle(['.', '-f', 'json', '--jobs', '2'], cwd);
    expect(bundled).toEqual(reference);
  });

  test.each(['0', '-1', 'two', '1.5'])('--jobs %s is a usage error', (jobs) => {
    const run = runCli(['.', '--jobs', jobs], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`k8s-lint: invalid --jobs "${jobs}": must be a number from 1 to 999, or auto\n`);
  });
});
