import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { PSS_CHECKS } from '@k8s-lint/core';
import { runCli } from '../helpers/cli';
import { requireSharedDir } from '../shared-data';

// The upstream Pod Security Admission fixtures (../shared/conformance/psa, see its README): every
// pass/ file must give zero PSS findings and every fail/ file at least one, at the fixture's level
// and version, through the built CLI.

interface Report {
  findings: Array<{ file: string; ruleId: string; message: string }>;
}

const CHECK_IDS = PSS_CHECKS.map((check) => check.id);

/** At restricted level these baseline checks are replaced; their fail fixtures are denied by the replacement. */
const RESTRICTED_OVERRIDES: Record<string, string> = {
  capabilities_baseline: 'capabilities_restricted',
  hostPathVolumes: 'restrictedVolumes',
  seccompProfile_baseline: 'seccompProfile_restricted',
  procMount: 'procMount_restricted',
};

/** `capabilities_baseline3.yaml` → `capabilities_baseline`; `base_linux0.yaml` → `base`. */
function checkOfFile(file: string): string {
  const prefix = file.replace(/\d*\.yaml$/, '').toLowerCase();
  if (prefix.startsWith('base')) return 'base';
  const id = CHECK_IDS.find((candidate) => candidate.toLowerCase() === prefix);
  if (!id) throw new Error(`fixture ${file} names no known check`);
  return id;
}

function subdirectories(dir: string): string[] {
  return readdirSync(dir).filter((name) => statSync(path.join(dir, name)).isDirectory()).sort();
}

interface Suite {
  level: string;
  version: string;
  dir: string;
}

const root = requireSharedDir('conformance/psa');
const suites: Suite[] = subdirectories(root).flatMap((level) =>
  subdirectories(path.join(root, level)).map((version) => ({ level, version, dir: path.join(root, level, version) })),
);

/** Runs the CLI once over a pass/ or fail/ directory and groups the PSS findings by fixture file name. */
function lintDirectory(suite: Suite, kind: 'pass' | 'fail'): { files: string[]; findings: Map<string, Report['findings']> } {
  const dir = path.join(suite.dir, kind);
  const run = runCli(['--profile', `pss-${suite.level}`, '--pss-version', suite.version, '--format', 'json', dir]);
  if (run.status !== 0 && run.status !== 1) throw new Error(`k8s-lint exited ${String(run.status)}: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as Report;
  const findings = new Map<string, Report['findings']>();
  for (const finding of report.findings) {
    if (!finding.ruleId.startsWith('pss/')) continue;
    const name = path.basename(finding.file);
    findings.set(name, [...(findings.get(name) ?? []), finding]);
  }
  return { files: readdirSync(dir).filter((name) => name.endsWith('.yaml')).sort(), findings };
}

test('the shared conformance fixtures are present', () => {
  expect(suites.map((suite) => `${suite.level}/${suite.version}`)).toEqual(expect.arrayContaining(['baseline/v1.37', 'restricted/v1.37']));
});

describe.each(suites)('PSA conformance $level/$version', (suite) => {
  const pass = lintDirectory(suite, 'pass');
  const fail = lintDirectory(suite, 'fail');
  const checks = [...new Set([...pass.files, ...fail.files].map(checkOfFile))].sort();

  test.each(checks)('%s: pass fixtures allowed, fail fixtures denied by the right check', (check) => {
    const allowedWrongly = pass.files
      .filter((file) => checkOfFile(file) === check)
      .flatMap((file) => (pass.findings.get(file) ?? []).map((finding) => `${file}: ${finding.ruleId}: ${finding.message}`));
    expect(allowedWrongly).toEqual([]);

    const expectedRule = `pss/${suite.level === 'restricted' ? (RESTRICTED_OVERRIDES[check] ?? check) : check}`;
    const failFiles = fail.files.filter((file) => checkOfFile(file) === check);
    const notDenied = failFiles.filter((file) => !(fail.findings.get(file) ?? []).some((finding) => finding.ruleId === expectedRule));
    expect({ expectedRule, notDenied }).toEqual({ expectedRule, notDenied: [] });
  });

  test('every fixture file was evaluated', () => {
    const counted = pass.files.length + fail.files.length;
    expect(counted).toBeGreaterThan(0);
    expect(fail.files.every((file) => (fail.findings.get(file) ?? []).length > 0)).toBe(true);
  });
});
