/**
 * The documentation installs only what exists: k8s-lint has no release tags and no npm registry
 * package, so README, CONTRIBUTING, action.yml, examples/ and docs/ must not name a tag of it
 * (`rev: v0.1.0`, `k8s-lint/k8s-lint@v0.1.0`) nor install it from the registry. pre-commit and
 * the Action are pinned to a commit SHA, or to the `<commit-sha>` placeholder the README explains.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../helpers/cli';

/** Third-party actions whose version tags do exist upstream. */
const THIRD_PARTY_ACTIONS = ['actions/checkout', 'actions/setup-node', 'github/codeql-action/upload-sarif'];
const TAG_REFERENCE = /@v\d|rev:\s*['"]?v\d/;
const PINNED = /^(?:[0-9a-f]{40}|<commit-sha>)$/;
/** An install from the registry: a package name, not a path (`./`, `/`) or a tarball. */
const REGISTRY_INSTALL = /\b(?:npm (?:i|install|add)(?: -g| --global)?|npx(?: --yes)?|pnpm (?:add|dlx)(?: -g)?) (?:@k8s-lint\/[a-z-]+|k8s-lint)(?=[\s@]|$)/;

function textFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : textFiles(full);
    return /\.(?:md|ya?ml|json)$/.test(entry.name) ? [full] : [];
  });
}

const FILES = ['README.md', 'CONTRIBUTING.md', 'action.yml', ...textFiles(path.join(REPO_ROOT, 'examples')), ...textFiles(path.join(REPO_ROOT, 'docs'))].map(
  (file) => path.relative(REPO_ROOT, path.resolve(REPO_ROOT, file)),
);

interface Line {
  where: string;
  text: string;
  inCode: boolean;
}

function lines(file: string): Line[] {
  let inCode = !file.endsWith('.md');
  return readFileSync(path.join(REPO_ROOT, file), 'utf8')
    .split('\n')
    .map((text, index) => {
      if (file.endsWith('.md') && /^\s*```/.test(text)) inCode = !inCode;
      return { where: `${file}:${index + 1}`, text, inCode };
    });
}

const ALL_LINES = FILES.flatMap(lines);

describe('install references in the documentation', () => {
  it('scans README, examples and docs', () => {
    expect(FILES).toEqual(expect.arrayContaining(['README.md', path.join('examples', 'pre-commit-config.yaml'), path.join('examples', 'github-workflow.yaml')]));
    expect(FILES.some((file) => file.startsWith(`docs${path.sep}`))).toBe(true);
  });

  it('name no version tag, except of third-party actions that publish them', () => {
    const thirdParty = new RegExp(`uses:\\s*(?:${THIRD_PARTY_ACTIONS.join('|')})@v\\d+\\b`, 'g');
    const offending = ALL_LINES.filter((line) => TAG_REFERENCE.test(line.text.replace(thirdParty, ''))).map((line) => `${line.where}: ${line.text.trim()}`);
    expect(offending).toEqual([]);
  });

  it('pin the Action and pre-commit to a commit SHA', () => {
    const refs = ALL_LINES.flatMap((line) => [...line.text.matchAll(/k8s-lint\/k8s-lint@([^\s`'"]+)/g)].map((match) => ({ ...line, ref: match[1] ?? '' })));
    const revs = ALL_LINES.flatMap((line) => {
      const match = /^\s*rev:\s*(\S+)/.exec(line.text);
      return match === null ? [] : [{ ...line, ref: match[1] ?? '' }];
    });
    // Both forms are shown in README, the Install section and the examples.
    expect(refs.length).toBeGreaterThanOrEqual(4);
    expect(revs.length).toBeGreaterThanOrEqual(3);
    expect([...refs, ...revs].filter((line) => !PINNED.test(line.ref)).map((line) => `${line.where}: ${line.text.trim()}`)).toEqual([]);
  });

  it('install nothing from the npm registry in commands', () => {
    const offending = ALL_LINES.filter((line) => line.inCode && REGISTRY_INSTALL.test(line.text)).map((line) => `${line.where}: ${line.text.trim()}`);
    expect(offending).toEqual([]);
  });

  it('the patterns catch what they are for', () => {
    expect(TAG_REFERENCE.test('    rev: v0.1.0')).toBe(true);
    expect(TAG_REFERENCE.test('        uses: k8s-lint/k8s-lint@v0.1.0')).toBe(true);
    expect(REGISTRY_INSTALL.test('npm i -g k8s-lint')).toBe(true);
    expect(REGISTRY_INSTALL.test('npx --yes @k8s-lint/cli lint .')).toBe(true);
    expect(REGISTRY_INSTALL.test('npm i -g ./k8s-lint-0.1.0.tgz')).toBe(false);
    expect(PINNED.test('v0.1.0')).toBe(false);
  });
});
