import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lint } from '@k8s-lint/core';
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
