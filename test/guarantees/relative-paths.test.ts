/**
 * Guarantee: every path in every output format is relative to the working directory, whatever
 * the working directory is and however the paths were given (relative, absolute, `..`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PRIVILEGED_POD, lint, tempDir, writeTree } from './helpers';

const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'html'] as const;
type Format = (typeof FORMATS)[number];

interface SarifLog {
  runs: Array<{
    originalUriBaseIds: Record<string, { uri?: string }>;
    results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }> }>;
  }>;
}

/** The file names a report refers to, read the way each format's consumer reads them. */
function filesIn(format: Format, output: string): string[] {
  switch (format) {
    case 'json':
      return (JSON.parse(output) as { findings: Array<{ file: string }> }).findings.map((finding) => finding.file);
    case 'sarif': {
      const run = (JSON.parse(output) as SarifLog).runs[0];
      if (!run) throw new Error('no SARIF run');
      // %SRCROOT% stays unresolved (no absolute uri): the consumer supplies the checkout.
      expect(Object.values(run.originalUriBaseIds).every((base) => base.uri === undefined)).toBe(true);
      return run.results.map((result) => {
        const location = result.locations[0]?.physicalLocation.artifactLocation;
        expect(location?.uriBaseId).toBe('%SRCROOT%');
        return decodeURIComponent(location?.uri ?? '');
      });
    }
    case 'github':
      return [...output.matchAll(/ file=([^,]*),/g)].map((match) => decodeURIComponent(match[1] ?? ''));
    case 'junit':
      return [...output.matchAll(/<testsuite name="([^"]*)"/g)].map((match) => match[1] ?? '');
    case 'html':
      // The heading of each file's group (the names here hold no character that HTML escapes).
      return [...output.matchAll(/<section class="group"[^>]*>\n<h2>([^<]*)<\/h2>/g)].map((match) => match[1] ?? '');
    case 'stylish':
      // File headers are the lines that start in column 1 before the rule summary.
      return output.split('\n').filter((line) => /^[^\s✔✖]/.test(line) && !/^\d+ /.test(line) && line.includes('.yaml'));
  }
}

describe('output paths are relative to the working directory', () => {
  const root = tempDir('relative');
  writeTree(root, {
    'repo/apps/web.yaml': PRIVILEGED_POD,
    'repo/apps/nested/db.yaml': PRIVILEGED_POD.replace('name: p', 'name: db'),
    'elsewhere/deeper/.keep': '',
  });
  const repo = path.join(root, 'repo');
  const apps = path.join(repo, 'apps');

  const cases: Array<{ name: string; cwd: string; args: string[]; files: string[] }> = [
    { name: 'relative arguments from the repository', cwd: repo, args: ['apps'], files: ['apps/nested/db.yaml', 'apps/web.yaml'] },
    { name: 'an absolute directory from the repository', cwd: repo, args: [apps], files: ['apps/nested/db.yaml', 'apps/web.yaml'] },
    { name: 'absolute files and directories from a parent', cwd: root, args: [path.join(apps, 'web.yaml'), path.join(apps, 'nested')], files: ['repo/apps/nested/db.yaml', 'repo/apps/web.yaml'] },
    { name: 'an absolute directory from a sibling tree', cwd: path.join(root, 'elsewhere', 'deeper'), args: [apps], files: ['../../repo/apps/nested/db.yaml', '../../repo/apps/web.yaml'] },
    { name: '.. from a subdirectory', cwd: path.join(apps, 'nested'), args: ['..'], files: ['../web.yaml', 'db.yaml'] },
  ];

  describe.each(cases)('$name', ({ cwd, args, files }) => {
    test.each(FORMATS)('--format %s', (format) => {
      const result = lint([...args, '--format', format], { cwd });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(1);
      // No absolute path of the temporary tree, and no file: URI, anywhere in the report.
      expect(result.stdout).not.toContain(root);
      expect(result.stdout).not.toContain('file://');
      expect([...new Set(filesIn(format, result.stdout))].sort()).toEqual(files);
    });
  });

  test('a --write-baseline file records paths relative to its own directory, never absolute ones', () => {
    const baseline = path.join(root, 'elsewhere', 'baseline.json');
    const result = lint([apps, '--write-baseline', baseline, '--format', 'json'], { cwd: path.join(root, 'elsewhere', 'deeper') });
    // The status line echoes the file name as it was given.
    expect(result.stderr.replace(/ \d+ findings /, ' N findings ')).toBe(`k8s-lint: wrote N findings to baseline ${baseline}\n`);
    const text = readFileSync(baseline, 'utf8');
    expect(text).not.toContain(root);
    const entries = (JSON.parse(text) as { entries: Array<{ file: string }> }).entries;
    expect([...new Set(entries.map((entry) => entry.file))].sort()).toEqual(['../repo/apps/nested/db.yaml', '../repo/apps/web.yaml']);
  });
});
