import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { lint } from '../src';
import { decodeFile } from '../src/load/decode';
import { makeTree } from './helpers';

const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostPID: true\n';

describe('file encodings', () => {
  test('UTF-8, with or without a byte order mark, is read as it is', () => {
    expect(decodeFile(Buffer.from(pod))).toEqual({ text: pod, problem: null });
    expect(decodeFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(pod)])).problem).toBeNull();
  });

  test('UTF-16 in both byte orders is decoded, and reported', () => {
    const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(pod, 'utf16le')]);
    const big = Buffer.from(little).swap16();
    expect(decodeFile(little)).toEqual({ text: pod, problem: 'file is UTF-16 (little-endian); Kubernetes expects UTF-8' });
    expect(decodeFile(big)).toEqual({ text: pod, problem: 'file is UTF-16 (big-endian); Kubernetes expects UTF-8' });
  });

  test('UTF-16 with an odd number of bytes is decoded up to its last whole code unit, and reported', () => {
    const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(pod, 'utf16le'), Buffer.from([0x0a])]);
    const big = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(pod, 'utf16le').swap16(), Buffer.from([0x00])]);
    // A big-endian file of odd length used to end the run in an internal error (Buffer#swap16 threw).
    expect(decodeFile(big)).toEqual({ text: pod, problem: 'file is UTF-16 (big-endian) with an odd number of bytes (the last one was not read); Kubernetes expects UTF-8' });
    expect(decodeFile(little)).toEqual({ text: pod, problem: 'file is UTF-16 (little-endian) with an odd number of bytes (the last one was not read); Kubernetes expects UTF-8' });
    expect(decodeFile(Buffer.from([0xfe, 0xff, 0x00]))).toEqual({ text: '', problem: 'file is UTF-16 (big-endian) with an odd number of bytes (the last one was not read); Kubernetes expects UTF-8' });
  });

  test('binary files are not linted; invalid UTF-8 is linted with replacement characters', () => {
    expect(decodeFile(Buffer.from([0x61, 0x00, 0x62]))).toEqual({ text: '', problem: 'binary file (it contains NUL bytes): not linted' });
    const invalid = decodeFile(Buffer.from([0x61, 0x3a, 0x20, 0xff, 0x0a]));
    expect(invalid).toEqual({ text: 'a: \uFFFD\n', problem: 'file is not valid UTF-8: invalid bytes were read as U+FFFD' });
  });

  test('each problem is a located yaml-syntax finding and the rest is still linted', async () => {
    const cwd = makeTree({ 'a.yaml': pod });
    writeFileSync(path.join(cwd, 'utf16.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(pod, 'utf16le')]));
    writeFileSync(path.join(cwd, 'image.json'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));
    const result = await lint({ paths: ['.'], cwd });
    const brief = result.findings
      .filter((f) => f.ruleId === 'yaml-syntax' || f.ruleId === 'host-namespaces')
      .map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`);
    expect(brief).toEqual(['a.yaml:6:3 host-namespaces', 'image.json:1:1 yaml-syntax', 'utf16.yaml:1:1 yaml-syntax', 'utf16.yaml:6:3 host-namespaces']);
  });
});
