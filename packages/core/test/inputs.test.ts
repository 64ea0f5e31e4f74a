import path from 'node:path';
import { InputError } from '../src';
import { collectInputs, createExcludeMatcher } from '../src/load/inputs';
import { makeTree } from './helpers';

const tree = {
  'apps/web/deploy.yaml': '',
  'apps/web/svc.YML': '',
  'apps/web/values.json': '',
  'apps/web/README.md': '',
  'apps/api/deploy.yml': '',
  'apps/.git/config.yaml': '',
  'node_modules/pkg/x.yaml': '',
  'vendor/chart/a.yaml': '',
  'notes.txt': '',
  'skip.bak.yaml': '',
};

async function names(args: string[], exclude: string[] = []): Promise<string[]> {
  const cwd = makeTree(tree);
  return (await collectInputs(args, cwd, [{ patterns: exclude, base: cwd }])).map((input) => input.displayPath);
}

describe('input collection', () => {
  test('directories are searched recursively for YAML and JSON, skipping .git and node_modules', async () => {
    expect(await names(['.'])).toEqual([
      'apps/api/deploy.yml',
      'apps/web/deploy.yaml',
      'apps/web/svc.YML',
      'apps/web/values.json',
      'skip.bak.yaml',
      'vendor/chart/a.yaml',
    ]);
  });

  test('explicit files are taken whatever their extension; duplicates collapse', async () => {
    expect(await names(['notes.txt', 'apps/api', 'apps/api/deploy.yml'])).toEqual(['apps/api/deploy.yml', 'notes.txt']);
  });

  test('globs, and - for standard input first', async () => {
    expect(await names(['apps/*/deploy.*', '-'])).toEqual(['<stdin>', 'apps/api/deploy.yml', 'apps/web/deploy.yaml']);
  });

  test('exclude patterns: paths, directory names at any depth, basenames', async () => {
    expect(await names(['.'], ['vendor', 'apps/web/**', '*.bak.yaml'])).toEqual(['apps/api/deploy.yml']);
    expect(await names(['.'], ['./vendor/'])).not.toContain('vendor/chart/a.yaml');
  });

  test('a missing path or a glob that matches nothing is an input error', async () => {
    await expect(names(['missing.yaml'])).rejects.toThrow(new InputError('no such file or directory: missing.yaml'));
    await expect(names(['apps/**/*.yaml', 'nothing/*.yaml'])).rejects.toThrow('no files match nothing/*.yaml');
  });

  test('paths outside the working directory are shown relative to it', async () => {
    const cwd = makeTree(tree);
    const inputs = await collectInputs([path.join(cwd, 'apps', 'api')], path.join(cwd, 'vendor'), []);
    expect(inputs.map((input) => input.displayPath)).toEqual(['../apps/api/deploy.yml']);
  });

  test('exclude patterns are relative to their base directory', async () => {
    const cwd = makeTree(tree);
    const inputs = await collectInputs(['.'], path.join(cwd, 'apps'), [{ patterns: ['apps/web', 'api/deploy.yml'], base: cwd }]);
    expect(inputs.map((input) => input.displayPath)).toEqual(['api/deploy.yml']);
  });

  test('the exclude matcher checks every directory above a file', () => {
    const excluded = createExcludeMatcher(['generated']);
    expect(excluded('a/generated/b/c.yaml')).toBe(true);
    expect(excluded('a/generated.yaml')).toBe(false);
  });
});
