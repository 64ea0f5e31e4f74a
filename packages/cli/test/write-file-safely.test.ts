/**
 * The writer behind --output and --write-baseline, where the end-to-end tests cannot reach: what
 * happens after the checks passed. A link put at the path later is replaced, not followed; a
 * failure while writing or renaming leaves the old file as it was and no temporary file.
 */
import { InputError } from '@k8s-lint/core';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeFileSafely, writeTarget } from '../src/write-file-safely';

function scratch(): string {
  return realpathSync(mkdtempSync(path.join(tmpdir(), 'k8s-lint-write-')));
}

describe('writeFileSafely', () => {
  test('writes the pieces, replacing the file, with the mode a new file gets', () => {
    const dir = scratch();
    writeFileSync(path.join(dir, 'report.json'), 'old');
    writeFileSafely(writeTarget('--output', 'report.json', dir), ['{', '"a": 1', '}\n']);
    expect(readFileSync(path.join(dir, 'report.json'), 'utf8')).toBe('{"a": 1}\n');
    expect(readdirSync(dir)).toEqual(['report.json']);
    const umask = process.umask();
    expect(statSync(path.join(dir, 'report.json')).mode & 0o777).toBe(0o666 & ~umask);
  });

  test('a link put at the path after the checks is replaced, and what it pointed at is untouched', () => {
    const dir = scratch();
    const victim = path.join(scratch(), 'victim.txt');
    writeFileSync(victim, 'precious');
    const target = writeTarget('--output', 'k8s-lint.sarif', dir);
    symlinkSync(victim, path.join(dir, 'k8s-lint.sarif'));
    writeFileSafely(target, ['report']);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(lstatSync(path.join(dir, 'k8s-lint.sarif')).isFile()).toBe(true);
    expect(readFileSync(path.join(dir, 'k8s-lint.sarif'), 'utf8')).toBe('report');
  });

  test('a failure while making the text leaves the old file and no temporary file', () => {
    const dir = scratch();
    writeFileSync(path.join(dir, 'report.json'), 'old');
    const target = writeTarget('--output', 'report.json', dir);
    function* failing(): Generator<string> {
      yield 'x'.repeat(200_000);
      throw new Error('formatter bug');
    }
    expect(() => writeFileSafely(target, failing())).toThrow('formatter bug');
    expect(readdirSync(dir)).toEqual(['report.json']);
    expect(readFileSync(path.join(dir, 'report.json'), 'utf8')).toBe('old');
  });

  test('a rename that fails (a directory appeared at the path) is exit 2 with a relative path, and no temporary file', () => {
    const dir = scratch();
    mkdirSync(path.join(dir, 'out'));
    const late = writeTarget('--write-baseline', 'out/b.json', dir);
    mkdirSync(path.join(dir, 'out', 'b.json'));
    writeFileSync(path.join(dir, 'out', 'b.json', 'keep'), '');
    let error: unknown;
    try {
      writeFileSafely(late, ['{}\n']);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/^--write-baseline out\/b\.json: cannot write: E(ISDIR|NOTEMPTY|EXIST)$/);
    expect(readdirSync(path.join(dir, 'out'))).toEqual(['b.json']);
  });
});
