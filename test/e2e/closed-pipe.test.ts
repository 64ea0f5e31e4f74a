/**
 * A reader that stops early (`k8s-lint explain image-latest-tag | head -5`) closes the pipe under
 * the CLI. The CLI must end quietly: no EPIPE stack trace, nothing on stderr, and the exit code
 * the command would have had. Through the committed bundle, with a real pipe closed either before
 * the CLI writes anything or after the first bytes of a report larger than the pipe's buffer.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { FORMAT_NAMES } from '../../packages/cli/src/formatters';
import { BUNDLE, lint, REPO_ROOT, tempDir, writeTree } from '../guarantees/helpers';

interface Ended {
  status: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

const ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1' };

/** Runs the bundle with stdout a pipe whose reading end is closed once `keepBytes` have arrived (0: at once). */
function runClosingStdout(args: readonly string[], cwd: string, keepBytes: number): Promise<Ended> {
  const child = spawn(process.execPath, [BUNDLE, ...args], { cwd, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let received = 0;
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  if (keepBytes === 0) child.stdout.destroy();
  else {
    child.stdout.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received >= keepBytes) child.stdout.destroy();
    });
  }
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stderr }));
  });
}

/** Many workloads with many findings: every format's report is far larger than a pipe's buffer (64 KB). */
function bigRepository(): string {
  const deployment = readFileSync(path.join(REPO_ROOT, 'examples', 'bad', 'web-deployment.yaml'), 'utf8');
  const files: Record<string, string> = {};
  for (let index = 0; index < 200; index += 1) files[`deploy/web-${index}.yaml`] = deployment.replace(/name: web\b/g, `name: web-${index}`);
  return writeTree(tempDir('closed-pipe'), files);
}

const COMMANDS: readonly (readonly string[])[] = [
  ['explain', 'image-latest-tag'],
  ['explain', 'pss/privileged'],
  ['rules'],
  ['rules', '--format', 'json'],
  ['--help'],
  ...FORMAT_NAMES.map((format) => ['deploy', '--format', format]),
];

describe('writing to a closed pipe ends quietly', () => {
  let repository: string;
  beforeAll(() => {
    repository = bigRepository();
  });
  afterAll(() => rmSync(repository, { recursive: true, force: true }));

  test.each(COMMANDS.map((args) => [args.join(' '), args] as const))('k8s-lint %s, pipe closed before anything is written', async (_, args) => {
    const expected = lint(args, { cwd: repository, entry: BUNDLE });
    expect(expected.stderr).toBe('');
    const ended = await runClosingStdout(args, repository, 0);
    expect(ended).toEqual({ status: expected.status, signal: null, stderr: '' });
  });

  test('a closed stderr: an error message to nobody still ends with exit 2, not a crash', async () => {
    const expected = lint(['no-such-dir'], { cwd: repository, entry: BUNDLE });
    expect({ status: expected.status, stderr: expected.stderr === '' }).toEqual({ status: 2, stderr: false });
    const child = spawn(process.execPath, [BUNDLE, 'no-such-dir'], { cwd: repository, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr.destroy();
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    const [status, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (code, sig) => resolve([code, sig])));
    expect({ status, signal, stdout }).toEqual({ status: 2, signal: null, stdout: '' });
  });

  test.each(FORMAT_NAMES)('k8s-lint deploy --format %s, pipe closed after the first bytes of a large report', async (format) => {
    const args = ['deploy', '--format', format];
    const expected = lint(args, { cwd: repository, entry: BUNDLE });
    expect(expected.status).toBe(1);
    expect(expected.stdout.length).toBeGreaterThan(1 << 18);
    const ended = await runClosingStdout(args, repository, 16);
    expect(ended).toEqual({ status: 1, signal: null, stderr: '' });
  });
});
