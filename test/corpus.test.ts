import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EMPTY_CONFIG, findingKey, lint, recommendedChangeOf, type Finding } from '@k8s-lint/core';
import { requireSharedDir } from './shared-data';

// Real-world manifests nobody here wrote (../shared/corpus, see its README): they must all be
// read without an exception, and every finding must point inside its file.
describe('the shared real-world corpus', () => {
  test('is linted completely, with every finding located inside its file', async () => {
    const corpus = requireSharedDir('corpus');
    const result = await lint({ paths: [corpus], cwd: process.cwd() });
    expect(result.summary.files).toBeGreaterThan(1000);
    expect(result.summary.objects).toBeGreaterThan(1500);

    const lineCounts = new Map<string, number>();
    const outside: string[] = [];
    for (const finding of result.findings) {
      let lines = lineCounts.get(finding.file);
      if (lines === undefined) {
        lines = readFileSync(path.resolve(finding.file), 'utf8').split(/\r\n|\r|\n/).length;
        lineCounts.set(finding.file, lines);
      }
      const inside = finding.line >= 1 && finding.column >= 1 && finding.endLine >= finding.line && finding.endLine <= lines;
      if (!inside) outside.push(`${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}`);
    }
    expect(outside).toEqual([]);

    // The corpus README promises a few files with duplicate keys: each is one located finding.
    const syntax = result.findings.filter((finding) => finding.ruleId === 'yaml-syntax');
    expect(syntax.length).toBeGreaterThan(0);
    for (const finding of syntax) expect(finding.object).toBeNull();
  });
});

// Issue 16's target for the default preset: at most one finding per object on real repositories,
// and `strict` adds notes and hardening, never an error.
describe('presets on the shared corpus', () => {
  test('recommended gives at most 1.0 finding per object and every error strict gives', async () => {
    const corpus = requireSharedDir('corpus');
    const recommended = await lint({ paths: [corpus], cwd: process.cwd() });
    const strict = await lint({ paths: [corpus], cwd: process.cwd(), config: { ...EMPTY_CONFIG, extends: ['strict'] } });
    expect(recommended.summary.objects).toBe(strict.summary.objects);
    expect(recommended.summary.findings / recommended.summary.objects).toBeLessThanOrEqual(1.0);
    expect(strict.summary.findings).toBeGreaterThan(recommended.summary.findings);

    const errors = (findings: readonly Finding[]): string[] =>
      findings.filter((finding) => finding.severity === 'error').map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}`);
    expect(errors(recommended.findings)).toEqual(errors(strict.findings));
    // What recommended drops is exactly what config/presets.ts says it leaves to strict.
    const kept = new Set(recommended.findings.map((finding) => findingKey(finding)));
    const dropped = new Set(strict.findings.filter((finding) => !kept.has(findingKey(finding))).map((finding) => finding.ruleId));
    expect([...dropped].filter((id) => recommendedChangeOf(id) === undefined)).toEqual([]);
  });
});
