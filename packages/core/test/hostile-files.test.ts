/**
 * Files a hostile (or just odd) repository can hold: links out of the tree or in a loop, FIFOs,
 * huge files, unreadable files. None may crash, hang or read outside the given paths; each is a
 * finding at 1:1 of its path and everything else is still linted.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { lint, parseConfig, type LintResult } from '../src';
import { makeTree } from './helpers';

const POD = ['apiVersion: v1', 'kind: Pod', 'metadata: { name: web, namespace: shop }', 'spec:', '  containers:', '    - name: app', '      image: nginx:1.27', '      securityContext: { privileged: true }', ''].join('\n');

function loaderFindings(result: LintResult): string[] {
  return result.findings
    .filter((finding) => ['file-unreadable', 'symlink-not-followed'].includes(finding.ruleId))
    .map((finding) => `${finding.file} ${finding.line}:${finding.column} ${finding.severity} ${finding.ruleId} ${finding.message}`);
}

function privilegedFiles(result: LintResult): string[] {
  return result.findings.filter((finding) => finding.ruleId === 'privileged-container').map((finding) => finding.file);
}

describe('symbolic links inside linted directories', () => {
  test('are reported and not followed: into the tree, out of it, into a loop, or nowhere', async () => {
    const root = makeTree({ 'repo/apps/pod.yaml': POD, 'outside/secret.yaml': POD, 'outside/dir/x.yaml': POD });
    const repo = path.join(root, 'repo');
    symlinkSync(path.join(repo, 'apps', 'pod.yaml'), path.join(repo, 'apps', 'copy.yaml'));
    symlinkSync(path.join(root, 'outside', 'secret.yaml'), path.join(repo, 'escape.yaml'));
    symlinkSync(path.join(root, 'outside', 'dir'), path.join(repo, 'escape-dir'));
    symlinkSync('..', path.join(repo, 'apps', 'loop'));
    symlinkSync(path.join(root, 'nothing.yaml'), path.join(repo, 'dangling.yaml'));
    // A link to something that is not a manifest is not worth a word.
    symlinkSync(path.join(root, 'outside', 'secret.yaml'), path.join(repo, 'notes.txt'));

    const result = await lint({ paths: ['.'], cwd: repo });
    expect(loaderFindings(result)).toEqual([
      'apps/copy.yaml 1:1 note symlink-not-followed symbolic link to a file: not followed (lint the target itself to check it)',
      'apps/loop 1:1 note symlink-not-followed symbolic link to a directory: not followed (lint the target itself to check it)',
      'dangling.yaml 1:1 note symlink-not-followed symbolic link to nothing (dangling): not followed',
      'escape-dir 1:1 note symlink-not-followed symbolic link to a directory: not followed (lint the target itself to check it)',
      'escape.yaml 1:1 note symlink-not-followed symbolic link to a file: not followed (lint the target itself to check it)',
    ]);
    expect(privilegedFiles(result)).toEqual(['apps/pod.yaml']);
    expect(result.files).toEqual(['apps/pod.yaml']);
  });

  test('a link named on the command line is followed', async () => {
    const root = makeTree({ 'outside/pod.yaml': POD });
    symlinkSync(path.join(root, 'outside', 'pod.yaml'), path.join(root, 'named.yaml'));
    const result = await lint({ paths: ['named.yaml'], cwd: root });
    expect(privilegedFiles(result)).toEqual(['named.yaml']);
    expect(loaderFindings(result)).toEqual([]);
  });

  test('the rule can be turned off like any other', async () => {
    const root = makeTree({ 'pod.yaml': POD });
    symlinkSync(path.join(root, 'pod.yaml'), path.join(root, 'copy.yaml'));
    const config = parseConfig('rules: { symlink-not-followed: off }\n', path.join(root, '.k8s-lint.yaml'));
    expect(loaderFindings(await lint({ paths: ['.'], cwd: root, config }))).toEqual([]);
  });
});

describe('files larger than maxFileSize', () => {
  test('are reported without being read; the rest is linted', async () => {
    const root = makeTree({ 'small.yaml': POD, 'huge.yaml': `${POD}# ${'x'.repeat(2000)}\n` });
    const config = parseConfig('maxFileSize: 1000\n', path.join(root, '.k8s-lint.yaml'));
    const result = await lint({ paths: ['.'], cwd: root, config });
    const size = POD.length + 2 + 2000 + 1;
    expect(loaderFindings(result)).toEqual([`huge.yaml 1:1 error file-unreadable file is ${size} bytes, more than maxFileSize (1000): not read`]);
    expect(privilegedFiles(result)).toEqual(['small.yaml']);
  });

  test('the default is 10 MB, and the lint option overrides the configuration', async () => {
    const root = makeTree({ 'pod.yaml': POD });
    expect(loaderFindings(await lint({ paths: ['.'], cwd: root }))).toEqual([]);
    const config = parseConfig('maxFileSize: 100000\n', path.join(root, '.k8s-lint.yaml'));
    expect(loaderFindings(await lint({ paths: ['.'], cwd: root, config, maxFileSize: 10 }))).toEqual([
      `pod.yaml 1:1 error file-unreadable file is ${POD.length} bytes, more than maxFileSize (10): not read`,
    ]);
  });

  test('a non-positive or fractional maxFileSize is a configuration error', () => {
    expect(() => parseConfig('maxFileSize: 0\n', 'k.yaml')).toThrow('k.yaml: maxFileSize: must be >= 1');
    expect(() => parseConfig('maxFileSize: 1.5\n', 'k.yaml')).toThrow('k.yaml: maxFileSize: must be integer');
  });
});

const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;
(hasMkfifo ? describe : describe.skip)(hasMkfifo ? 'a FIFO with a manifest name' : 'a FIFO with a manifest name (SKIPPED: mkfifo is not installed)', () => {
  test('is reported and never opened for a blocking read', async () => {
    const root = makeTree({ 'pod.yaml': POD });
    mkdirSync(path.join(root, 'pipes'));
    expect(spawnSync('mkfifo', [path.join(root, 'pipes', 'stream.yaml')]).status).toBe(0);
    const result = await lint({ paths: ['.'], cwd: root });
    expect(loaderFindings(result)).toEqual(['pipes/stream.yaml 1:1 error file-unreadable not a regular file (a FIFO, socket or device): not read']);
    expect(privilegedFiles(result)).toEqual(['pod.yaml']);
  });
});

// A kernel file that says it is empty and fails when read: unreadable even for root.
const KERNEL_FILE = '/proc/self/clear_refs';
const hasKernelFile = existsSync(KERNEL_FILE);
(hasKernelFile ? describe : describe.skip)(hasKernelFile ? 'a file whose read fails' : `a file whose read fails (SKIPPED: no ${KERNEL_FILE} on this system)`, () => {
  test('is reported at its path; the other files are linted', async () => {
    const root = makeTree({ 'pod.yaml': POD });
    const result = await lint({ paths: [path.join(root, 'pod.yaml'), KERNEL_FILE], cwd: '/' });
    expect(loaderFindings(result)).toEqual(['proc/self/clear_refs 1:1 error file-unreadable file cannot be read (EINVAL): not linted']);
    expect(privilegedFiles(result)).toEqual([path.relative('/', path.join(root, 'pod.yaml'))]);
  });

  test('files that are longer than they say are read to the end, still bounded', async () => {
    // /proc/self/status says it is 0 bytes long and is not.
    const result = await lint({ paths: ['/proc/self/status'], cwd: '/', maxFileSize: 10 });
    expect(loaderFindings(result)).toEqual(['proc/self/status 1:1 error file-unreadable file is longer than maxFileSize (10 bytes): not read']);
  });
});

// Permissions do not stop root, so these cases can only be made by another user.
const isRoot = process.getuid?.() === 0;
(isRoot ? describe.skip : describe)(isRoot ? 'unreadable files and directories (SKIPPED: running as root, which reads everything)' : 'unreadable files and directories', () => {
  test('are reported; the rest is linted', async () => {
    const root = makeTree({ 'pod.yaml': POD, 'locked.yaml': POD, 'closed/inside.yaml': POD });
    chmodSync(path.join(root, 'locked.yaml'), 0o000);
    chmodSync(path.join(root, 'closed'), 0o000);
    try {
      const result = await lint({ paths: ['.'], cwd: root });
      expect(loaderFindings(result)).toEqual([
        'closed 1:1 error file-unreadable directory cannot be read (EACCES): its files were not linted',
        'locked.yaml 1:1 error file-unreadable file cannot be read (EACCES): not linted',
      ]);
      expect(privilegedFiles(result)).toEqual(['pod.yaml']);
    } finally {
      chmodSync(path.join(root, 'closed'), 0o755);
    }
  });
});
