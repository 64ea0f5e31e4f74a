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

const FIXTURE = path.join(__dirname, 'fixtures', 'baseline-v1');
const fixture = (name: string): string => readFileSync(path.join(FIXTURE, name), 'utf8');

interface SarifLog {
  runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[]; partialFingerprints: Record<string, string> }[] }[];
}

describe('a baseline file written by the previous release', () => {
  const cwd = tempDir('baseline-v1');
  cpSync(path.join(FIXTURE, 'before'), cwd, { recursive: true });

  test('is what the bundle writes today for the same tree, byte for byte', () => {
    const write = lint(['.', '--write-baseline', 'written.json'], { cwd, entry: BUNDLE });
    expect(write).toMatchObject({ status: 0, stderr: 'k8s-lint: wrote 73 findings to baseline written.json\n' });
    expect(readFileSync(path.join(cwd, 'written.json'), 'utf8')).toBe(fixture('baseline.json'));
    rmSync(path.join(cwd, 'written.json'));
  });

  test('accepts, after lines moved and a Pod was added, exactly what it accepted then, with the same fingerprints', () => {
    cpSync(path.join(FIXTURE, 'baseline.json'), path.join(cwd, 'baseline.json'));
    cpSync(path.join(FIXTURE, 'after'), cwd, { recursive: true });

    const json = lint(['.', '--baseline', 'baseline.json', '-f', 'json'], { cwd, entry: BUNDLE });
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout) as JsonReport;
    const condensed = {
      summary: report.summary,
      findings: report.findings.map(({ ruleId, file, line, column, suppression }) => ({ ruleId, file, line, column, suppression })),
    };
    expect(condensed).toEqual(JSON.parse(fixture('expected-report.json')));
    // The new findings are the added Pod's (below line 45 of app/deploy.yaml), nothing else.
    expect(report.summary).toMatchObject({ findings: 13, suppressed: 1, baselined: 73 });

    const sarif = lint(['.', '--baseline', 'baseline.json', '-f', 'sarif'], { cwd, entry: BUNDLE });
    const results = (JSON.parse(sarif.stdout) as SarifLog).runs[0]?.results ?? [];
    const fingerprints = results.map((result) => ({
      ruleId: result.ruleId,
      line: result.locations[0]?.physicalLocation.region.startLine,
      fingerprint: result.partialFingerprints['k8sLintFindingHash/v1'],
    }));
    expect(fingerprints).toEqual(JSON.parse(fixture('expected-fingerprints.json')));
  });
});
