import { lint, type Finding } from '../../src';

// Shared by the version-boundary suites: each case states, per level and policy version, exactly
// which pss/* rules fire.

export type Level = 'baseline' | 'restricted';
/** Policy version → the pss/* rule ids expected, one per finding. */
export type Expectations = Record<string, readonly string[]>;

export interface VersionCase {
  name: string;
  code: string;
  baseline?: Expectations;
  restricted?: Expectations;
}

export async function pssFindings(code: string, level: Level, pssVersion: string): Promise<Finding[]> {
  const result = await lint({ paths: ['-'], cwd: process.cwd(), stdinText: code, profile: `pss-${level}`, pssVersion });
  const syntax = result.findings.find((finding) => finding.ruleId === 'yaml-syntax');
  if (syntax) throw new Error(`test manifest is not valid YAML: ${syntax.message}`);
  return result.findings.filter((finding) => finding.ruleId.startsWith('pss/'));
}

export async function pssRuleIds(code: string, level: Level, pssVersion: string): Promise<string[]> {
  return (await pssFindings(code, level, pssVersion)).map((finding) => finding.ruleId).sort();
}

/** The newest version, `latest` and a version newer than the newest all give `ids`. */
export function newest(ids: readonly string[]): Expectations {
  return { 'v1.37': ids, latest: ids, 'v1.99': ids };
}

export function testVersions(cases: readonly VersionCase[]): void {
  for (const testCase of cases) {
    describe(testCase.name, () => {
      for (const level of ['baseline', 'restricted'] as const) {
        const expectations = testCase[level];
        if (!expectations) continue;
        test.each(Object.entries(expectations))(`pss-${level} at %s`, async (version, ids) => {
          expect(await pssRuleIds(testCase.code, level, version)).toEqual([...ids].sort());
        });
      }
    });
  }
}
