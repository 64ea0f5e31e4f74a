/**
 * Baseline files written before the single finding key (core's `findingKey`, issue 13) keep
 * working: the committed bundle reads a baseline that the bundle of commit ed479a4 wrote and
 * accepts exactly what that one accepted, writes the same file byte for byte, and gives the same
 * SARIF fingerprints. The fixture (fixtures/baseline-v1, see its README) holds an unnamed Pod next
 * to one named "" (one entry of count 2 in that baseline), identical twins, annotation paths with
 * dots and a file that does not parse.
 */
import { cpSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE, lint, tempDir } from '../guarantees/helpers';
import type { JsonReport } from '../helpers/json-report';
import { strictConfigFile } from '../helpers/strict-config';

const FIXTURE = path.join(__dirname, 'fixtures', 'baseline-v1');
const fixture = (name: string): string => readFileSync(path.join(FIXTURE, name), 'utf8');

interface SarifLog {
  runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[]; partialFingerprints: Record<string, string> }[] }[];
}

/**
 * Findings rules have gained since the fixture was made (issue 15: missing-probes covers bare
 * Pods): left out before comparing, so that the test keeps checking keys and fingerprints only.
 */
const isNewCoverage = (finding: { ruleId: string; object?: { kind: string } | null }): boolean => finding.ruleId === 'missing-probes' && finding.object?.kind === 'Pod';

// That release ran every rule as written: the strict preset does today.
const STRICT = ['--config', strictConfigFile()];

describe('a baseline file written by the previous release', () => {
  const cwd = tempDir('baseline-v1');
  cpSync(path.join(FIXTURE, 'before'), cwd, { recursive: true });

  test('is what the bundle writes today for the same tree, byte for byte (leaving out findings rules gained since)', () => {
    const write = lint(['.', '--write-baseline', 'written.json', ...STRICT], { cwd, entry: BUNDLE });
    expect(write.status).toBe(0);
    const written = JSON.parse(readFileSync(path.join(cwd, 'written.json'), 'utf8')) as { entries: Array<{ ruleId: string; object: { kind: string } | null; count: number }> };
    const old = { ...written, entries: written.entries.filter((entry) => !isNewCoverage(entry)) };
    expect(write.stderr).toBe(`k8s-lint: wrote ${73 + written.entries.filter(isNewCoverage).reduce((sum, entry) => sum + entry.count, 0)} findings to baseline written.json\n`);
    expect(`${JSON.stringify(old, null, 2)}\n`).toBe(fixture('baseline.json'));
    rmSync(path.join(cwd, 'written.json'));
  });

  test('accepts, after lines moved and a Pod was added, exactly what it accepted then, with the same fingerprints', () => {
    cpSync(path.join(FIXTURE, 'baseline.json'), path.join(cwd, 'baseline.json'));
    cpSync(path.join(FIXTURE, 'after'), cwd, { recursive: true });

    const json = lint(['.', '--baseline', 'baseline.json', '-f', 'json', ...STRICT], { cwd, entry: BUNDLE });
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout) as JsonReport;
    const gained = report.findings.filter(isNewCoverage);
    // Bare-Pod probe findings are notes, never suppressed (the old baseline could not know them).
    expect(gained.every((finding) => finding.severity === 'note' && !finding.suppressed)).toBe(true);
    const condensed = {
      summary: { ...report.summary, findings: report.summary.findings - gained.length, notes: report.summary.notes - gained.length },
      findings: report.findings.filter((finding) => !isNewCoverage(finding)).map(({ ruleId, file, line, column, suppression }) => ({ ruleId, file, line, column, suppression })),
    };
    expect(condensed).toEqual(JSON.parse(fixture('expected-report.json')));
    // The new findings are the added Pod's (below line 45 of app/deploy.yaml), nothing else.
    expect(condensed.summary).toMatchObject({ findings: 13, suppressed: 1, baselined: 73 });

    const sarif = lint(['.', '--baseline', 'baseline.json', '-f', 'sarif', ...STRICT], { cwd, entry: BUNDLE });
    const isGained = (result: SarifLog['runs'][number]['results'][number]): boolean =>
      result.ruleId === 'missing-probes' && gained.some((finding) => finding.line === result.locations[0]?.physicalLocation.region.startLine);
    const results = ((JSON.parse(sarif.stdout) as SarifLog).runs[0]?.results ?? []).filter((result) => !isGained(result));
    const fingerprints = results.map((result) => ({
      ruleId: result.ruleId,
      line: result.locations[0]?.physicalLocation.region.startLine,
      fingerprint: result.partialFingerprints['k8sLintFindingHash/v1'],
    }));
    expect(fingerprints).toEqual(JSON.parse(fixture('expected-fingerprints.json')));
  });
});
