import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE, lint as runLint, tempDir, writeTree, type JsonFinding } from '../guarantees/helpers';

/** The committed bundle, run in `cwd`. */
function cli(args: readonly string[], cwd: string): ReturnType<typeof runLint> {
  return runLint(args, { cwd, entry: BUNDLE });
}

interface Report {
  config: string | null;
  summary: { files: number; findings: number; errors: number; warnings: number; notes: number };
  findings: JsonFinding[];
}

function report(args: readonly string[], cwd: string): { status: number | null; report: Report; stderr: string } {
  const run = cli([...args, '--format', 'json'], cwd);
  return { status: run.status, report: JSON.parse(run.stdout) as Report, stderr: run.stderr };
}

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.25
`;

/** Rule, severity, line and column of every finding. */
function found(findings: readonly JsonFinding[]): string[] {
  return findings.map((finding) => `${finding.ruleId} ${finding.severity} ${finding.line}:${finding.column}`);
}

/** The option terms (`-f, --format <format>`) of a help section, from its heading to the next blank line. */
function optionTerms(help: string, heading: string): string[] {
  const start = help.indexOf(`${heading}\n`);
  if (start === -1) throw new Error(`no "${heading}" in:\n${help}`);
  const section = help.slice(start + heading.length + 1).split('\n\n')[0] ?? '';
  return section.split('\n').flatMap((line) => /^ {2}(-\S.*?)(?: {2,}|$)/.exec(line)?.[1] ?? []);
}

describe('k8s-lint --help lists the lint options (committed bundle)', () => {
  test('every option of `lint --help` but --help is under "Lint options" of the top-level --help', () => {
    const cwd = tempDir('help');
    const top = cli(['--help'], cwd);
    const lint = cli(['lint', '--help'], cwd);
    expect([top.status, lint.status]).toEqual([0, 0]);
    const lintOptions = optionTerms(lint.stdout, 'Options:').filter((term) => term !== '-h, --help');
    expect(optionTerms(top.stdout, 'Lint options (k8s-lint [paths...] [options], the default command):')).toEqual(lintOptions);
    expect(lintOptions).toEqual(expect.arrayContaining(['-f, --format <format>', '--rule <id=level>', '-q, --quiet', '--print-config <path>', '--fail-on <severity>']));
    expect(top.stdout.startsWith('Usage: k8s-lint [paths...] [options]   (or: k8s-lint <command>)\n')).toBe(true);
    expect(top.stdout).toContain(
      [
        '  --rule <id=level>           set a rule to off, error, warning or note for this',
        '                              run, over the configuration (repeatable)',
        '  -q, --quiet                 report errors only: warnings and notes neither',
        '                              show nor count for --fail-on',
        '  --print-config <path>       print the configuration and the rules (level, why)',
        '                              that apply to this file, as YAML (JSON with',
        '                              --format json)',
      ].join('\n'),
    );
    expect(top.stdout).toContain('  init                       write a commented .k8s-lint.yaml here (never over\n                             an existing one)\n');
  });
});

describe('--rule <id>=<level> (committed bundle)', () => {
  const files = {
    'app/.k8s-lint.yaml': 'extends: [strict]\nrules:\n  run-as-root: error\n  missing-probes: off\noverrides:\n  - files: ["pod.yaml"]\n    rules:\n      run-as-root: note\n',
    'app/pod.yaml': POD,
  };

  test('a flag sets the level over rules: and over overrides: of the configuration', () => {
    const cwd = writeTree(tempDir('rule'), files);
    const before = report(['app', '--no-context'], cwd);
    expect(found(before.report.findings).filter((line) => /^(run-as-root|missing-probes|writable-root-filesystem) /.test(line))).toEqual(['run-as-root note 7:7', 'writable-root-filesystem warning 7:7']);
    const after = report(['app', '--no-context', '--rule', 'run-as-root=error', '--rule', 'missing-probes=warning', '--rule', 'writable-root-filesystem=off'], cwd);
    expect(after.stderr).toBe('');
    expect(found(after.report.findings).filter((line) => /^(run-as-root|missing-probes|writable-root-filesystem) /.test(line))).toEqual(['missing-probes warning 7:7', 'run-as-root error 7:7']);
    // A later flag for the same rule wins.
    const twice = report(['app', '--no-context', '--rule', 'run-as-root=error', '--rule', 'run-as-root=off'], cwd);
    expect(twice.report.findings.some((finding) => finding.ruleId === 'run-as-root')).toBe(false);
  });

  test('an unknown rule id or a bad level is a usage error (exit 2), with the near miss', () => {
    const cwd = writeTree(tempDir('rule-bad'), files);
    expect(cli(['app', '--rule', 'run-as-rot=off'], cwd)).toEqual({ status: 2, stdout: '', stderr: 'k8s-lint: --rule run-as-rot: unknown rule "run-as-rot" (did you mean "run-as-root"?)\n' });
    expect(cli(['app', '--rule', 'run-as-root=high'], cwd)).toEqual({ status: 2, stdout: '', stderr: 'k8s-lint: invalid --rule "run-as-root=high": expected <rule-id>=<off|error|warning|note>\n' });
    expect(cli(['app', '--rule', 'run-as-root'], cwd)).toEqual({ status: 2, stdout: '', stderr: 'k8s-lint: invalid --rule "run-as-root": expected <rule-id>=<off|error|warning|note>\n' });
  });
});

describe('--quiet: errors only, as in ESLint (committed bundle)', () => {
  // Under the strict preset run-as-root reports the unset runAsNonRoot of POD.
  const files = { 'pod.yaml': POD, '.k8s-lint.yaml': 'extends: [strict]\n' };
  const onlyRunAsRoot = ['--no-context', '--rule', 'missing-default-deny=off', '--rule', 'missing-network-policy=off'];

  test('warnings and notes are neither shown nor counted; errors are', () => {
    const cwd = writeTree(tempDir('quiet'), files);
    const run = cli(['pod.yaml', ...onlyRunAsRoot, '--rule', 'run-as-root=error', '--quiet'], cwd);
    expect(run).toEqual({
      status: 1,
      stderr: '',
      stdout: [
        'pod.yaml',
        '  7:7  error    run-as-root',
        '       container "app" may run as root: neither it nor its pod sets',
        '       runAsNonRoot: true or a non-zero runAsUser',
        '       Pod web › spec.containers[0].securityContext.runAsNonRoot',
        '',
        '  count  severity  rule',
        '      1  error     run-as-root',
        '',
        '✖ 1 problem (1 error, 0 warnings, 0 notes) in 1 file, 1 object;',
        '  config: .k8s-lint.yaml',
        '',
      ].join('\n'),
    });
  });

  test('only warnings: "No problems" and exit 0 even with --fail-on warning (without --quiet, exit 1)', () => {
    const cwd = writeTree(tempDir('quiet-warnings'), files);
    const warningsOnly = ['pod.yaml', ...onlyRunAsRoot, '--rule', 'run-as-root=warning', '--fail-on', 'warning'];
    expect(cli([...warningsOnly, '--quiet'], cwd)).toEqual({ status: 0, stderr: '', stdout: '✔ No problems (1 file, 1 object; config: .k8s-lint.yaml)\n' });
    expect(cli(warningsOnly, cwd).status).toBe(1);
    const json = report([...warningsOnly, '--quiet'], cwd);
    expect(json.report.summary).toMatchObject({ findings: 0, errors: 0, warnings: 0, notes: 0 });
    expect(json.report.findings).toEqual([]);
  });
});

describe('the configuration is found from the linted paths (committed bundle)', () => {
  test('`k8s-lint sup` from above uses sup/.k8s-lint.yaml, names it, and does not lint it', () => {
    const cwd = writeTree(tempDir('found'), { 'sup/.k8s-lint.yaml': 'rules:\n  run-as-root: off\n', 'sup/pod.yaml': POD });
    const json = report(['sup'], cwd);
    expect(json.report.config).toBe('sup/.k8s-lint.yaml');
    expect(json.report.summary.files).toBe(1);
    expect(json.report.findings.some((finding) => finding.ruleId === 'run-as-root')).toBe(false);
    expect(new Set(json.report.findings.map((finding) => finding.file))).toEqual(new Set(['sup/pod.yaml']));
    const stylish = cli(['sup'], cwd);
    expect(stylish.stdout).toMatch(/\n✖ \d+ problems \(0 errors, \d+ warnings, \d+ notes\) in 1 file, 1 object;\s+config:\s+sup\/\.k8s-lint\.yaml\n$/);
    // From a file of the directory, and from a glob in it, the same configuration.
    expect(report(['sup/pod.yaml'], cwd).report.config).toBe('sup/.k8s-lint.yaml');
    expect(report(['sup/*.yaml'], cwd).report.config).toBe('sup/.k8s-lint.yaml');
    // Named among the files (pre-commit names every staged file), it is still not linted.
    const named = report(['sup/.k8s-lint.yaml', 'sup/pod.yaml'], cwd).report;
    expect([named.config, named.summary.files]).toEqual(['sup/.k8s-lint.yaml', 1]);
  });

  test('none found: config is null in JSON, and stylish names none', () => {
    const cwd = writeTree(tempDir('none'), { 'pod.yaml': POD });
    expect(report(['pod.yaml'], cwd).report.config).toBeNull();
    expect(cli(['pod.yaml'], cwd).stdout).not.toContain('config:');
  });

  test('a configuration named with --config is not linted either', () => {
    const cwd = writeTree(tempDir('explicit'), { 'lint-settings.yaml': 'rules:\n  run-as-root: off\n', 'pod.yaml': POD });
    const json = report(['.', '--config', 'lint-settings.yaml'], cwd);
    expect(json.report.config).toBe('lint-settings.yaml');
    expect(json.report.summary.files).toBe(1);
  });

  test('paths that find different configurations: exit 2, naming them (one run, one configuration)', () => {
    const cwd = writeTree(tempDir('differ'), { 'a/.k8s-lint.yaml': 'rules: {}\n', 'a/pod.yaml': POD, 'b/pod.yaml': POD });
    expect(cli(['a', 'b'], cwd)).toEqual({
      status: 2,
      stdout: '',
      stderr: 'k8s-lint: the linted paths have different configurations (a uses a/.k8s-lint.yaml, b uses none): one run uses one configuration; lint them in separate runs, or name one with --config\n',
    });
    expect(report(['a', 'b', '--config', 'a/.k8s-lint.yaml'], cwd).report.summary.files).toBe(2);
  });
});

describe('--print-config <path> (committed bundle)', () => {
  const files = {
    'pc/.k8s-lint.yaml': 'profile: pss-baseline\nrules:\n  pss/privileged: warning\noverrides:\n  - files: ["dev/**"]\n    rules:\n      pss/hostPorts: note\n',
  };

  test('YAML: the file used, the settings, and each rule that runs for the file with its level and why', () => {
    const cwd = writeTree(tempDir('print-config'), files);
    const run = cli(['--print-config', 'pc/dev/pod.yaml', '--rule', 'pss/sysctls=off', '--rule', 'pss/hostNamespaces=warning'], cwd);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const rule = (id: string, severity: string, why: string): string => `  ${id}:\n    severity: ${severity}\n    why: ${why}\n`;
    const errorByDefault = (id: string): string => rule(id, 'error', 'default');
    expect(run.stdout).toBe(
      [
        'file: pc/dev/pod.yaml\nconfig: pc/.k8s-lint.yaml\nextends: recommended\nsettings:\n  profile: pss-baseline\n  pssVersion: latest\n  kubernetesVersion: "1.36"\n',
        '  maxFileSize: 10000000\n  charts: []\n  honorPeerAnnotations: []\n  workloads: []\n  customRules: []\nexclude: []\nrules:\n',
        ...['pss/allowPrivilegeEscalation', 'pss/appArmorProfile', 'pss/capabilities_baseline', 'pss/capabilities_restricted'].map(errorByDefault),
        rule('pss/hostNamespaces', 'warning', 'flag'),
        errorByDefault('pss/hostPathVolumes'),
        rule('pss/hostPorts', 'note', 'override'),
        errorByDefault('pss/hostProbesAndHostLifecycle'),
        rule('pss/privileged', 'warning', 'config'),
        ...['pss/procMount', 'pss/procMount_restricted', 'pss/restrictedVolumes', 'pss/runAsNonRoot', 'pss/runAsUser', 'pss/seLinuxOptions'].map(errorByDefault),
        ...['pss/seccompProfile_baseline', 'pss/seccompProfile_restricted', 'pss/windowsHostProcess', 'yaml-syntax'].map(errorByDefault),
      ].join(''),
    );
  });

  test('JSON with --format json; outside the override, the configured level', () => {
    const cwd = writeTree(tempDir('print-config-json'), files);
    const run = cli(['--print-config', 'pc/prod/pod.yaml', '--format', 'json'], cwd);
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout) as { file: string; config: string; rules: Record<string, { severity: string; why: string }> };
    expect(printed.file).toBe('pc/prod/pod.yaml');
    expect(printed.config).toBe('pc/.k8s-lint.yaml');
    expect(printed.rules['pss/hostPorts']).toEqual({ severity: 'error', why: 'default' });
    expect(printed.rules['pss/privileged']).toEqual({ severity: 'warning', why: 'config' });
    expect(printed.rules['run-as-root']).toBeUndefined();
  });

  test('a rule with options shows them', () => {
    const cwd = writeTree(tempDir('print-config-options'), { '.k8s-lint.yaml': 'rules:\n  untrusted-registry:\n    options:\n      trustedRegistries: ["registry.example.com/"]\n' });
    const printed = JSON.parse(cli(['--print-config', 'pod.yaml', '-f', 'json'], cwd).stdout) as { rules: Record<string, unknown> };
    expect(printed.rules['untrusted-registry']).toEqual({ severity: 'error', why: 'default', options: { trustedRegistries: ['registry.example.com/'] } });
  });

  test('bidi and C1 controls from the configuration are printed escaped, in YAML and JSON', () => {
    const cwd = writeTree(tempDir('print-config-safe'), { '.k8s-lint.yaml': 'rules:\n  argocd-moving-target-revision:\n    options:\n      movingRevisions: ["a\\u202eb\\u009bc"]\n' });
    const yaml = cli(['--print-config', 'pod.yaml'], cwd);
    expect(yaml.stdout).toContain('  argocd-moving-target-revision:\n    severity: warning\n    why: default\n    options:\n      movingRevisions:\n        - "a\\u202eb\\u009bc"\n');
    const json = cli(['--print-config', 'pod.yaml', '-f', 'json'], cwd);
    expect(json.stdout).not.toMatch(/[\u009b\u202e]/);
    expect((JSON.parse(json.stdout) as { rules: Record<string, { options: unknown }> }).rules['argocd-moving-target-revision']?.options).toEqual({ movingRevisions: ['a\u202eb\u009bc'] });
  });
});

describe('k8s-lint init (committed bundle)', () => {
  test('writes a commented .k8s-lint.yaml pointing at the schema, which loads and changes nothing', () => {
    const cwd = writeTree(tempDir('init'), { 'pod.yaml': POD });
    const before = report(['.'], cwd);
    const run = cli(['init'], cwd);
    expect(run).toEqual({ status: 0, stderr: '', stdout: 'k8s-lint: wrote .k8s-lint.yaml: every key is commented out, so it changes nothing until you uncomment one\n' });
    const schemaId = (JSON.parse(readFileSync(path.join(path.dirname(BUNDLE), 'config.schema.json'), 'utf8')) as { $id: string }).$id;
    const text = readFileSync(path.join(cwd, '.k8s-lint.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${schemaId}`);
    // Every line a comment or blank: nothing is set.
    expect(text.split('\n').filter((line) => line !== '' && !line.startsWith('#'))).toEqual([]);
    const after = report(['.'], cwd);
    expect(after.stderr).toBe('');
    expect(after.report.config).toBe('.k8s-lint.yaml');
    expect({ ...after.report, config: null }).toEqual(before.report);
    // Uncommented, the examples it gives are valid configuration.
    const uncommented = text.replace(/^# ([A-Za-z]+:.*| {2}.*)$/gm, '$1');
    expect(uncommented.split('\n').filter((line) => line !== '' && !line.startsWith('#'))).toHaveLength(16);
    writeFileSync(path.join(cwd, '.k8s-lint.yaml'), uncommented);
    const run2 = report(['.'], cwd);
    expect(run2.stderr).toBe('');
    // extends: [strict] and missing-probes: note, as the uncommented lines say.
    expect(run2.report.findings.filter((finding) => ['image-not-pinned-by-digest', 'missing-probes'].includes(finding.ruleId)).map((finding) => `${finding.ruleId} ${finding.severity}`)).toEqual([
      'missing-probes note',
      'image-not-pinned-by-digest note',
    ]);
  });

  test('never over an existing .k8s-lint.yaml: exit 2, file unchanged', () => {
    const cwd = writeTree(tempDir('init-exists'), { '.k8s-lint.yaml': 'rules: {}\n' });
    expect(cli(['init'], cwd)).toEqual({ status: 2, stdout: '', stderr: 'k8s-lint: .k8s-lint.yaml already exists here: not overwritten\n' });
    expect(readFileSync(path.join(cwd, '.k8s-lint.yaml'), 'utf8')).toBe('rules: {}\n');
    expect(existsSync(path.join(cwd, 'init'))).toBe(false);
  });
});
