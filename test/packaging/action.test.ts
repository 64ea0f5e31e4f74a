/**
 * The GitHub Action (action.yml): its composite step runs the committed bundle with the inputs.
 * The step's own script is run here with bash the way the runner runs it
 * (`bash --noprofile --norc -eo pipefail`), and the SARIF it writes must pass the validator.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../helpers/cli';
import { describeValidation, validateSarif } from '../helpers/sarif-validator';
import { FORMAT_NAMES } from '../../packages/cli/src/formatters';

interface Input {
  description: string;
  required?: boolean;
  default?: string;
}

interface Action {
  inputs: Record<string, Input>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: { id?: string; shell?: string; env?: Record<string, string>; run?: string; uses?: string }[] };
}

// yaml is a dependency of packages/core, not of the repository root.
const { parse } = createRequire(path.join(REPO_ROOT, 'packages', 'core', 'package.json'))('yaml') as { parse: (text: string) => unknown };
const action = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as Action;
const step = onlyItem(action.runs.steps, 'action.yml steps');

function onlyItem<T>(items: T[], what: string): T {
  const [item] = items;
  if (items.length !== 1 || item === undefined) throw new Error(`${what}: expected exactly one, got ${items.length}`);
  return item;
}

/** The value GitHub substitutes for `${{ inputs.x }}`: what the workflow passed, else the default. */
function inputEnv(given: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, expression] of Object.entries(step.env ?? {})) {
    const match = /^\$\{\{ inputs\.([a-z-]+) \}\}$/.exec(expression);
    const input = match?.[1];
    if (input === undefined) throw new Error(`env ${name} is not a plain input: ${expression}`);
    env[name] = given[input] ?? action.inputs[input]?.default ?? '';
  }
  return env;
}

function runStep(workspace: string, given: Record<string, string>): { status: number | null; stdout: string; stderr: string; outputs: string } {
  const githubOutput = path.join(workspace, '..', `github-output-${Object.keys(given).join('-')}`);
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run ?? ''], {
    cwd: workspace,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, NO_COLOR: '1', GITHUB_ACTION_PATH: REPO_ROOT, GITHUB_OUTPUT: githubOutput, ...inputEnv(given) },
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, outputs: readFileSync(githubOutput, 'utf8') };
}

describe('action.yml', () => {
  let temp: string;
  let workspace: string;
  beforeAll(() => {
    temp = mkdtempSync(path.join(tmpdir(), 'k8s-lint-action-'));
    workspace = path.join(temp, 'workspace');
    mkdirSync(path.join(workspace, 'deploy', 'good'), { recursive: true });
    copyFileSync(path.join(REPO_ROOT, 'examples', 'bad', 'web-deployment.yaml'), path.join(workspace, 'deploy', 'web.yaml'));
    copyFileSync(path.join(REPO_ROOT, 'examples', 'good', 'api-deployment.yaml'), path.join(workspace, 'deploy', 'good', 'api.yaml'));
  });
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('declares the inputs and the report output, and runs the committed bundle with node', () => {
    expect(Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default]))).toEqual({
      paths: '.',
      format: 'sarif',
      output: 'k8s-lint.sarif',
      'fail-on': 'warning',
      config: '',
      args: '',
    });
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps).toHaveLength(1);
    expect(step.id).toBe('k8s-lint');
    expect(step.shell).toBe('bash');
    expect(step.run).toContain('node "$GITHUB_ACTION_PATH/bin/k8s-lint.cjs"');
    expect(action.outputs.report?.value).toBe('${{ steps.k8s-lint.outputs.report }}');
    // Every input reaches the step through the environment, none is pasted into the script.
    expect(Object.values(step.env ?? {}).sort()).toEqual(Object.keys(action.inputs).map((name) => `\${{ inputs.${name} }}`).sort());
    expect(step.run).not.toContain('${{');
  });

  it('the format input lists every format the CLI has', () => {
    const listed = /^Report format, ([a-z]+(?: \| [a-z]+)*)\.$/.exec(action.inputs.format?.description ?? '')?.[1]?.split(' | ');
    expect(listed).toEqual(FORMAT_NAMES);
  });

  it('with the defaults writes SARIF that GitHub code scanning accepts, fails on findings and sets the output', () => {
    const result = runStep(workspace, { paths: 'deploy' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(result.outputs).toBe('report=k8s-lint.sarif\n');
    const sarif = readFileSync(path.join(workspace, 'k8s-lint.sarif'), 'utf8');
    const validation = validateSarif(sarif);
    expect(describeValidation(validation)).toBe(describeValidation({ schemaErrors: [], multitoolErrors: [], multitoolWarnings: validation.multitoolWarnings }));
    const log = JSON.parse(sarif) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const uris = new Set(onlyItem(log.runs, 'runs').results.map((r) => onlyItem(r.locations, 'locations').physicalLocation.artifactLocation.uri));
    expect([...uris].sort()).toEqual(['deploy/good/api.yaml', 'deploy/web.yaml']);
  });

  it('passes paths, output, fail-on and args through', () => {
    const result = runStep(workspace, { paths: 'deploy/good  deploy/web.yaml', format: 'json', output: 'out/report.json', 'fail-on': 'none', args: '--exclude deploy/web.yaml' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.outputs).toBe('report=out/report.json\n');
    const report = JSON.parse(readFileSync(path.join(workspace, 'out', 'report.json'), 'utf8')) as { summary: { files: number; findings: number } };
    expect(report.summary.files).toBe(1);
  });

  it("config replaces the checkout's own .k8s-lint.yaml (a trusted file for pull_request_target), and is passed as one argument", () => {
    // The checkout's configuration hides every finding; the trusted one, outside the checkout, does not.
    const trusted = path.join(temp, 'base branch');
    const checkout = path.join(temp, 'pull-request');
    mkdirSync(path.join(checkout, 'deploy'), { recursive: true });
    mkdirSync(trusted, { recursive: true });
    copyFileSync(path.join(REPO_ROOT, 'examples', 'bad', 'web-deployment.yaml'), path.join(checkout, 'deploy', 'web.yaml'));
    writeFileSync(path.join(checkout, '.k8s-lint.yaml'), 'exclude: ["deploy/**"]\n');
    writeFileSync(path.join(trusted, 'k8s lint.yaml'), 'rules:\n  image-not-pinned-by-digest: off\n');
    const findings = (run: { stdout: string }): string[] => [...new Set((JSON.parse(run.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId))];

    const own = runStep(checkout, { paths: 'deploy', format: 'json', output: '' });
    expect(own.stderr).toBe('');
    expect(findings(own)).toEqual([]);

    const withTrusted = runStep(checkout, { paths: 'deploy', format: 'json', output: '', config: path.join(trusted, 'k8s lint.yaml') });
    expect(withTrusted.stderr).toBe('');
    expect(withTrusted.status).toBe(1);
    expect(findings(withTrusted)).toContain('privileged-container');
    expect(findings(withTrusted)).not.toContain('image-not-pinned-by-digest');
  });

  it('with an empty output writes the report to the log (for format github)', () => {
    const result = runStep(workspace, { paths: 'deploy/web.yaml', format: 'github', output: '', 'fail-on': 'error' });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^::error file=deploy\/web\.yaml,line=\d+/m);
    expect(result.outputs).toBe('report=\n');
  });
});
