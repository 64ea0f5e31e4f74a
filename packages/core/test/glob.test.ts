import { compileGlob, globProblem, MAX_GLOB_LENGTH } from '../src/load/glob';
import { InputError, lint, parseConfig } from '../src';

describe('globs of exclude and overrides', () => {
  test.each([
    ['*.yaml', 'a.yaml', true],
    ['*.yaml', '.hidden.yaml', true],
    ['*.yaml', 'dir/a.yaml', false],
    ['charts/**', 'charts/web/templates/a.yaml', true],
    ['charts/**', 'charts', true],
    ['charts/**/*.yaml', 'charts/a.yaml', true],
    ['charts/**/*.yaml', 'charts/x/y/a.yaml', true],
    ['charts/**/*.yaml', 'other/a.yaml', false],
    ['**/test/*', 'a/b/test/x.yaml', true],
    ['a?c.yaml', 'abc.yaml', true],
    ['a?c.yaml', 'a/c.yaml', false],
    ['[ab]*.yaml', 'b1.yaml', true],
    ['[!ab]*.yaml', 'b1.yaml', false],
    ['v[0-9].yaml', 'v7.yaml', true],
    ['v[0-9].yaml', 'vx.yaml', false],
    ['{dev,prod}/*.yaml', 'prod/a.yaml', true],
    ['{dev,prod}/*.yaml', 'test/a.yaml', false],
    ['app.{yaml,y{a,}ml}', 'app.yml', true],
    ['\\*.yaml', '*.yaml', true],
    ['\\*.yaml', 'a.yaml', false],
    ['a*b*c', 'axxbyyc', true],
    ['a*b*c', 'axxbyy', false],
  ])('%s against %s: %s', (pattern, path, expected) => {
    expect(compileGlob(pattern)(path)).toBe(expected);
  });

  test('patterns that would backtrack against long names answer at once', () => {
    // With one lazy regular-expression wildcard per star this is about 10^17 steps.
    const matches = compileGlob(`${'*a'.repeat(12)}b`);
    expect(matches('a'.repeat(250))).toBe(false);
    expect(compileGlob('**/**/**/**/**/**/x')(`${'d/'.repeat(500)}y`)).toBe(false);
  });

  test.each([
    ['x'.repeat(MAX_GLOB_LENGTH + 1), `pattern is longer than ${MAX_GLOB_LENGTH} characters`],
    ['!secret.yaml', 'negated patterns ("!...") are not supported: list what to exclude'],
    ['+(a|b).yaml', 'extended globs such as "@(a|b)" or "+(x)" are not supported: use {a,b}'],
    ['{a,b', 'unbalanced "{" in pattern'],
    ['[ab', 'unclosed "[" in pattern'],
    ['[z-a]', 'invalid range "z-a" in pattern'],
    ['{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}{o,p}{q,r}', 'pattern expands to more than 256 alternatives'],
  ])('%s is rejected', (pattern, message) => {
    expect(globProblem(pattern)).toBe(message);
  });

  test('a bad --exclude is a usage error', async () => {
    await expect(lint({ paths: ['-'], cwd: '/repo', stdinText: '', exclude: ['[ab'] })).rejects.toThrow(new InputError('invalid glob "[ab": unclosed "[" in pattern'));
  });

  test('a hostile glob in the configuration is a configuration error naming the key', () => {
    // The pattern itself is not quoted (any text can be written there): its key and position are.
    expect(() => parseConfig('exclude: ["ok/**", "{a,b"]\n', 'k.yaml')).toThrow('k.yaml: exclude[1]: invalid glob at line 1, column 20: unbalanced "{" in pattern');
    expect(() => parseConfig('overrides:\n  - files: ["!x"]\n    rules: { run-as-root: off }\n', 'k.yaml')).toThrow(
      'k.yaml: overrides[0].files[0]: invalid glob at line 2, column 13: negated patterns ("!...") are not supported: list what to exclude',
    );
  });
});
