/**
 * Guarantee: no code from the linted repository is executed, and helm and kubectl (or
 * kustomize) run only when asked with --helm / --kustomize, with arguments passed without a
 * shell.
 *
 * The hostile repository below holds a kustomization with an exec KRM function, a legacy
 * generator plugin with its executable, a kustomization that inflates a Helm chart, and a chart
 * with scripts and a post-renderer. Every script writes a marker file when it runs. Fake
 * kubectl, kustomize, helm, sh, bash, git and docker earlier on the PATH record each call, and a
 * preload records every child_process call the CLI makes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { extractHelm } from '../../packages/core/test/render/programs';
import {
  BUNDLE,
  PRIVILEGED_POD,
  REPO_ROOT,
  describeIf,
  fakePrograms,
  findNamed,
  jsonFindings,
  kubectlOnPath,
  lint,
  networkNamespace,
  pathWith,
  readCalls,
  readSpawns,
  snapshot,
  spawnRecorder,
  tempDir,
  writeTree,
  type ProgramCall,
  type SpawnRecord,
} from './helpers';
import { bareName, scanFile, scanSource, typeScriptFiles } from './module-scan';

const namespace = networkNamespace();

const FAKE_PROGRAMS = ['kubectl', 'kustomize', 'helm', 'sh', 'bash', 'git', 'docker', 'podman', 'sops'];

/** A script that creates `marker` when anything runs it. */
function markerScript(marker: string): string {
  return `#!/bin/sh\necho ran >> '${marker}'\n`;
}

interface Hostile {
  root: string;
  /** The linted repository. */
  repo: string;
  markers: string;
  /** Fake programs and their call log; the spawn recorder's directory. */
  fakeBin: string;
  calls: string;
  recorder: { nodeOptions: string; log: string };
}

/** A fresh hostile repository with its traps armed (see the file comment). */
function hostileRepository(): Hostile {
  const root = tempDir('no-exec');
  const markers = path.join(root, 'markers');
  const repo = path.join(root, 'repo');
  const marker = (name: string): string => path.join(markers, name);
  writeTree(root, { 'markers/.keep': '' });
  writeTree(
    repo,
    {
      'plain/pod.yaml': PRIVILEGED_POD,
      // An exec KRM function as a transformer and a legacy exec plugin as a generator.
      'functions/kustomization.yaml': 'resources:\n  - pod.yaml\ntransformers:\n  - fn.yaml\n',
      'functions/pod.yaml': PRIVILEGED_POD,
      'functions/fn.yaml': [
        'apiVersion: example.com/v1',
        'kind: Marker',
        'metadata:',
        '  name: fn',
        '  annotations:',
        '    config.kubernetes.io/function: |',
        '      exec:',
        '        path: ./fn.sh',
        '',
      ].join('\n'),
      'functions/fn.sh': markerScript(marker('exec-function')),
      'generators/kustomization.yaml': 'resources:\n  - pod.yaml\ngenerators:\n  - inflator.yaml\n',
      'generators/pod.yaml': PRIVILEGED_POD,
      'generators/inflator.yaml': 'apiVersion: someteam.example.com/v1\nkind: Inflator\nmetadata:\n  name: gen\n',
      'generators/plugin/someteam.example.com/v1/inflator/Inflator': markerScript(marker('generator-plugin')),
      // kustomize's Helm inflator would run `helm`.
      'inflate/kustomization.yaml': 'helmCharts:\n  - name: chart\n    repo: https://charts.example.com\n    version: 1.0.0\n',
      // A chart with a hook that names a script, and a post-renderer next to it.
      'chart/Chart.yaml': 'apiVersion: v2\nname: chart\nversion: 1.0.0\n',
      'chart/values.yaml': 'image: nginx:1\n',
      'chart/templates/job.yaml': [
        'apiVersion: batch/v1',
        'kind: Job',
        'metadata:',
        '  name: {{ .Release.Name }}-hook',
        '  annotations:',
        '    "helm.sh/hook": pre-install',
        'spec:',
        '  template:',
        '    spec:',
        '      restartPolicy: Never',
        '      containers:',
        '        - name: hook',
        '          image: {{ .Values.image }}',
        '          command: ["/bin/sh", "scripts/hook.sh"]',
        '',
      ].join('\n'),
      'chart/scripts/hook.sh': markerScript(marker('chart-hook')),
      'chart/post-render.sh': markerScript(marker('post-renderer')),
    },
    ['functions/fn.sh', 'generators/plugin/someteam.example.com/v1/inflator/Inflator', 'chart/scripts/hook.sh', 'chart/post-render.sh'],
  );
  const fakeBin = path.join(root, 'fake-bin');
  const calls = path.join(root, 'calls.jsonl');
  fakePrograms(fakeBin, calls, FAKE_PROGRAMS);
  return { root, repo, markers, fakeBin, calls, recorder: spawnRecorder(path.join(root, 'recorder')) };
}

function markersOf(hostile: Hostile): string[] {
  return readdirSync(hostile.markers).filter((name) => name !== '.keep');
}

/** Runs the CLI in the hostile repository with the fake programs first on the PATH and the spawn recorder loaded. */
function lintHostile(hostile: Hostile, args: string[], options: { path?: string; entry?: string } = {}): ReturnType<typeof lint> {
  return lint(args, {
    cwd: hostile.repo,
    entry: options.entry,
    env: { PATH: options.path ?? pathWith(hostile.fakeBin), HOME: hostile.root, NODE_OPTIONS: hostile.recorder.nodeOptions, KUSTOMIZE_PLUGIN_HOME: path.join(hostile.repo, 'generators', 'plugin') },
  });
}

describe('the traps of the hostile repository work', () => {
  test('running a script creates its marker; a fake program records its call; the recorder records spawns', () => {
    const hostile = hostileRepository();
    const script = spawnSync(path.join(hostile.repo, 'functions', 'fn.sh'), [], { input: '' });
    expect(script.status).toBe(0);
    expect(markersOf(hostile)).toEqual(['exec-function']);
    expect(spawnSync(path.join(hostile.fakeBin, 'kubectl'), ['kustomize', '.'], { cwd: hostile.repo }).status).toBe(0);
    expect(readCalls(hostile.calls).map((call) => [call.program, ...call.args])).toEqual([['kubectl', 'kustomize', '.']]);
    const child = `require('child_process').execFileSync(${JSON.stringify(process.execPath)}, ['-e', ''])`;
    const recorded = spawnSync(process.execPath, ['-e', child], { env: { ...process.env, NODE_OPTIONS: hostile.recorder.nodeOptions } });
    expect(recorded.status).toBe(0);
    // The child node loads the preload too, and starts nothing.
    expect(readSpawns(hostile.recorder.log)).toEqual([{ method: 'execFileSync', file: process.execPath, args: ['-e', ''], shell: undefined }]);
  });

  describeIf(kubectlOnPath() !== null, 'with the real kubectl', 'kubectl is not on the PATH')(() => {
    test('kubectl runs the generator plugin when plugins are enabled: the flag and the plugin home k8s-lint never passes', () => {
      const hostile = hostileRepository();
      const enabled = spawnSync('kubectl', ['kustomize', '--enable-alpha-plugins', path.join(hostile.repo, 'generators')], {
        env: { PATH: process.env.PATH ?? '', HOME: hostile.root, KUSTOMIZE_PLUGIN_HOME: path.join(hostile.repo, 'generators', 'plugin') },
        encoding: 'utf8',
      });
      expect(enabled.stderr).toBe('');
      expect(markersOf(hostile)).toEqual(['generator-plugin']);
    });
  });
});

describe('without --kustomize and --helm, no program runs at all', () => {
  test.each([
    ['the built CLI', undefined],
    ['the bundle', BUNDLE],
  ])('%s lints the hostile repository as plain files: no process started, no marker, no fake program called', (_name, entry) => {
    const hostile = hostileRepository();
    const before = snapshot(hostile.repo);
    for (const format of ['json', 'stylish', 'sarif']) {
      const result = lintHostile(hostile, ['.', '--format', format, '--jobs', '2'], { entry });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(1);
    }
    const findings = jsonFindings(lintHostile(hostile, ['.', '--format', 'json'], { entry }).stdout);
    expect(findings.some((finding) => finding.file === 'functions/pod.yaml' && finding.ruleId === 'privileged-container')).toBe(true);
    // Without --helm a chart's templates are not read: the chart is one note at its Chart.yaml.
    expect(findings.some((finding) => finding.file === 'chart/Chart.yaml' && finding.ruleId === 'helm-chart-not-rendered')).toBe(true);
    expect(readSpawns(hostile.recorder.log)).toEqual([]);
    expect(readCalls(hostile.calls)).toEqual([]);
    expect(markersOf(hostile)).toEqual([]);
    expect(snapshot(hostile.repo)).toEqual(before);
  });
});

/** Flags that would let kustomize run plugins, functions or Helm, reach the network or mount files. */
const UNSAFE_KUSTOMIZE_FLAGS = /^--(enable-alpha-plugins|enable-exec|enable-star|enable-helm|helm-command|network|network-name|mount|as-current-user|load-restrictor|env)/;

describe('with --kustomize: kubectl only, as `kubectl kustomize <dir>`, without a shell', () => {
  test('each kustomization root is one execFile of kubectl with exactly [kustomize, <dir>] and no shell; helm is not run', () => {
    const hostile = hostileRepository();
    const result = lintHostile(hostile, ['.', '--kustomize', '--format', 'json']);
    expect(result.stderr).toBe('');
    // The Helm inflator (inflate/) is refused before anything runs: see the test with the real kubectl.
    const roots = ['functions', 'generators'].map((name) => path.join(hostile.repo, name));
    const calls = readCalls(hostile.calls);
    expect(calls.map((call) => [call.program, ...call.args])).toEqual(roots.map((root) => ['kubectl', 'kustomize', root]));
    for (const call of calls) {
      expect(call.args.filter((arg) => UNSAFE_KUSTOMIZE_FLAGS.test(arg))).toEqual([]);
      expect(call.cwd).toBe(call.args[1]);
      expectReducedEnvironment(call);
    }
    const spawns = readSpawns(hostile.recorder.log);
    expect(programSpawns(spawns)).toEqual(roots.map((root) => ['execFile', path.join(hostile.fakeBin, 'kubectl'), 'kustomize', root]));
    expect(spawns.every((spawn) => spawn.shell === undefined || spawn.shell === false)).toBe(true);
    expect(markersOf(hostile)).toEqual([]);
  });

  describeIf(kubectlOnPath() !== null, 'with the real kubectl', 'kubectl is not on the PATH')(() => {
    test('the exec function, the generator plugin and the Helm inflator are refused: render-error findings, no marker, no helm', () => {
      const hostile = hostileRepository();
      // The fake helm (and sh, git, ...) stay first on the PATH to catch kustomize's Helm inflator; kubectl is the real one.
      const withoutFakeKubectl = tempDir('no-exec-bin');
      fakePrograms(withoutFakeKubectl, hostile.calls, FAKE_PROGRAMS.filter((name) => name !== 'kubectl' && name !== 'kustomize'));
      const before = snapshot(hostile.repo);
      const result = lintHostile(hostile, ['.', '--kustomize', '--format', 'json'], { path: pathWith(withoutFakeKubectl) });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(1);
      const renderErrors = jsonFindings(result.stdout).filter((finding) => finding.ruleId === 'render-error');
      expect(renderErrors.map((finding) => finding.file).sort()).toEqual(['functions/kustomization.yaml', 'generators/kustomization.yaml', 'inflate/kustomization.yaml']);
      // kubectl refuses the exec function and the generator plugin; k8s-lint refuses the Helm inflator before running anything.
      for (const finding of renderErrors.filter((error) => error.file !== 'inflate/kustomization.yaml')) expect(finding.message).toMatch(/^kustomize could not render /);
      expect(renderErrors.filter((error) => error.file === 'inflate/kustomization.yaml').map((error) => `${error.line}:${error.column} ${error.message}`)).toEqual([
        "1:1 helmCharts is not rendered: kustomize's Helm chart inflation runs helm and can download charts (k8s-lint never lets it); render the chart with --helm instead",
      ]);
      expect(readCalls(hostile.calls)).toEqual([]);
      expect(markersOf(hostile)).toEqual([]);
      expect(snapshot(hostile.repo)).toEqual(before);
    });
  });
});

describe('with --helm: helm only, as `helm template release-name <dir>`, without a shell', () => {
  test('one execFile of helm with exactly [template, release-name, <chart>] (and --values files); kubectl is not run', () => {
    const hostile = hostileRepository();
    writeTree(hostile.repo, { 'prod-values.yaml': 'image: nginx:2\n' });
    const result = lintHostile(hostile, ['.', '--helm', '--values', 'prod-values.yaml', '--format', 'json']);
    expect(result.stderr).toBe('');
    const chart = path.join(hostile.repo, 'chart');
    const calls = readCalls(hostile.calls);
    expect(calls.map((call) => [call.program, ...call.args])).toEqual([['helm', 'template', 'release-name', chart, '--values', path.join(hostile.repo, 'prod-values.yaml')]]);
    for (const call of calls) expectReducedEnvironment(call);
    const spawns = readSpawns(hostile.recorder.log);
    expect(programSpawns(spawns).map((spawn) => spawn.slice(0, 2))).toEqual([['execFile', path.join(hostile.fakeBin, 'helm')]]);
    expect(spawns.every((spawn) => spawn.shell === undefined || spawn.shell === false)).toBe(true);
    expect(markersOf(hostile)).toEqual([]);
  });

  test('the real helm renders the chart: no post-renderer, no hook, no marker', () => {
    const hostile = hostileRepository();
    const helmDirectory = path.dirname(extractHelm());
    const result = lintHostile(hostile, ['chart', '--helm', '--format', 'json'], { path: pathWith(helmDirectory, hostile.fakeBin) });
    expect(result.stderr).toBe('');
    const findings = jsonFindings(result.stdout);
    expect(findings.some((finding) => finding.ruleId === 'render-error')).toBe(false);
    expect(findings.some((finding) => finding.file === 'chart/templates/job.yaml')).toBe(true);
    expect(readCalls(hostile.calls)).toEqual([]);
    expect(markersOf(hostile)).toEqual([]);
  });
});

/**
 * The renderer's environment: PATH, a temporary HOME that is also TMPDIR, LANG, a KUBECONFIG that
 * does not exist, proxies at a closed port and git without configuration, prompt, ssh or
 * transport (test/guarantees/kustomize-sandbox.test.ts shows that these keep kubectl from fetching).
 */
function expectReducedEnvironment(call: ProgramCall): void {
  const proxies = ['ALL_PROXY', 'HTTPS_PROXY', 'HTTP_PROXY', 'all_proxy', 'http_proxy', 'https_proxy'];
  const git = ['GIT_ALLOW_PROTOCOL', 'GIT_CONFIG_GLOBAL', 'GIT_CONFIG_NOSYSTEM', 'GIT_SSH_COMMAND', 'GIT_TERMINAL_PROMPT'];
  expect(Object.keys(call.env).sort()).toEqual([...git, 'HOME', 'KUBECONFIG', 'LANG', 'NO_PROXY', 'PATH', 'TMPDIR', ...proxies, 'no_proxy'].sort());
  for (const name of proxies) expect(call.env[name]).toBe('http://127.0.0.1:9');
  expect([call.env.NO_PROXY, call.env.no_proxy]).toEqual(['', '']);
  expect(call.env.TMPDIR).toBe(call.env.HOME);
  expect(call.env.KUBECONFIG).toBe(path.join(call.env.HOME ?? '', 'no-kubeconfig'));
  // Removed when the program ended.
  expect(existsSync(call.env.HOME ?? '')).toBe(false);
}

/**
 * The programs the renderer started, as [method, file, ...args]: where a network namespace can
 * be made here, the renderer first probes `unshare` once (starting node in a namespace) and then
 * starts every program through `unshare <options> --`; both are checked and taken off.
 */
function programSpawns(spawns: readonly SpawnRecord[]): string[][] {
  const calls = spawns.map((spawn) => [spawn.method, spawn.file, ...spawn.args]);
  const isProbe = (call: string[]): boolean => call.slice(-3).join(' ') === `${process.execPath} -e ` && path.basename(call[1] ?? '') === 'unshare';
  const programs = calls.filter((call) => !isProbe(call));
  if (!namespace.ok) return programs;
  const options = [...namespace.prefix.slice(1), '--'];
  expect(calls.filter(isProbe).map((call) => call.slice(2, -3))).toEqual([options]);
  for (const call of programs) expect([path.basename(call[1] ?? ''), ...call.slice(2, 2 + options.length)]).toEqual(['unshare', ...options]);
  return programs.map((call) => [call[0] ?? '', ...call.slice(2 + options.length)]);
}

describe('names with shell metacharacters are passed literally', () => {
  const WEIRD = 'a $(touch dollar-MARK) b; touch semi-MARK; `touch tick-MARK` & c | d > gt-MARK \'q\' "dq" (x) [y] {z} *';
  const WEIRD_CHART = 'chart $(touch chart-MARK); `touch chart-tick-MARK` && echo MARK';

  function weirdRepository(): { root: string; repo: string; fakeBin: string; calls: string } {
    const root = tempDir('metachar');
    const repo = path.join(root, 'repo');
    writeTree(repo, {
      [`${WEIRD}/kustomization.yaml`]: 'resources:\n  - pod.yaml\n',
      [`${WEIRD}/pod.yaml`]: PRIVILEGED_POD,
      [`${WEIRD_CHART}/Chart.yaml`]: 'apiVersion: v2\nname: weird\nversion: 1.0.0\n',
      [`${WEIRD_CHART}/templates/pod.yaml`]: PRIVILEGED_POD,
    });
    const fakeBin = path.join(root, 'fake-bin');
    const calls = path.join(root, 'calls.jsonl');
    fakePrograms(fakeBin, calls, FAKE_PROGRAMS);
    return { root, repo, fakeBin, calls };
  }

  test('the fake programs receive each directory as one argument, byte for byte; nothing is created', () => {
    const { root, repo, fakeBin, calls } = weirdRepository();
    const before = snapshot(repo);
    for (const args of [['.'], [WEIRD, WEIRD_CHART]]) {
      const result = lint([...args, '--kustomize', '--helm', '--format', 'json'], { cwd: repo, env: { PATH: pathWith(fakeBin), HOME: root } });
      expect(result.stderr).toBe('');
    }
    const expected = [
      ['kubectl', 'kustomize', path.join(repo, WEIRD)],
      ['helm', 'template', 'release-name', path.join(repo, WEIRD_CHART)],
    ];
    expect(readCalls(calls).map((call) => [call.program, ...call.args])).toEqual([...expected, ...expected]);
    expect(snapshot(repo)).toEqual(before);
    expect(findNamed(root, 'MARK').filter((name) => !name.startsWith('repo/'))).toEqual([]);
  });

  test('the real helm renders the chart; the findings name the files literally; no marker anywhere', () => {
    const { root, repo, fakeBin, calls } = weirdRepository();
    const before = snapshot(repo);
    const result = lint(['.', '--helm', '--format', 'json'], { cwd: repo, env: { PATH: pathWith(path.dirname(extractHelm()), fakeBin), HOME: root } });
    expect(result.stderr).toBe('');
    const findings = jsonFindings(result.stdout);
    expect(findings.filter((finding) => finding.ruleId === 'render-error')).toEqual([]);
    expect(findings.some((finding) => finding.ruleId === 'privileged-container' && finding.file === `${WEIRD_CHART}/templates/pod.yaml`)).toBe(true);
    expect(readCalls(calls)).toEqual([]);
    expect(snapshot(repo)).toEqual(before);
    expect(findNamed(root, 'MARK').filter((name) => !name.startsWith('repo/'))).toEqual([]);
  });

  describeIf(kubectlOnPath() !== null, 'with the real kubectl', 'kubectl is not on the PATH')(() => {
    test('kubectl renders the kustomization; the findings name the files literally; no marker anywhere', () => {
      const { root, repo, calls } = weirdRepository();
      const onlyHelpers = tempDir('metachar-bin');
      fakePrograms(onlyHelpers, calls, FAKE_PROGRAMS.filter((name) => name !== 'kubectl' && name !== 'kustomize'));
      const before = snapshot(repo);
      const result = lint([WEIRD, '--kustomize', '--format', 'json'], { cwd: repo, env: { PATH: pathWith(onlyHelpers), HOME: root } });
      expect(result.stderr).toBe('');
      const findings = jsonFindings(result.stdout);
      expect(findings.filter((finding) => finding.ruleId === 'render-error')).toEqual([]);
      expect(findings.some((finding) => finding.ruleId === 'privileged-container' && finding.file === `${WEIRD}/pod.yaml`)).toBe(true);
      expect(readCalls(calls)).toEqual([]);
      expect(snapshot(repo)).toEqual(before);
      expect(findNamed(root, 'MARK').filter((name) => !name.startsWith('repo/'))).toEqual([]);
    });
  });
});

describe('static: processes are started in one place, without a shell', () => {
  const CHILD_PROCESS = 'child_process';

  test('among the sources, only packages/core/src/render/runner.ts loads child_process, and it only uses execFile without a shell option', () => {
    const sources = ['packages/core', 'packages/sarif', 'packages/cli'].flatMap((directory) => typeScriptFiles(REPO_ROOT, path.join(directory, 'src')));
    const loaders = sources.filter((file) => scanFile(REPO_ROOT, file).loads.some((load) => load.specifier !== null && bareName(load.specifier) === CHILD_PROCESS));
    expect(loaders).toEqual(['packages/core/src/render/runner.ts']);
    const runner = ts.createSourceFile('runner.ts', readFileSync(path.join(REPO_ROOT, 'packages/core/src/render/runner.ts'), 'utf8'), ts.ScriptTarget.ES2022, true);
    const imported: string[] = [];
    const propertyNames: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && bareName(node.moduleSpecifier.text) === CHILD_PROCESS) {
        const bindings = node.importClause?.namedBindings;
        if (bindings && ts.isNamedImports(bindings)) imported.push(...bindings.elements.map((element) => (element.propertyName ?? element.name).text));
        else imported.push('<namespace or default import>');
      }
      if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) && ts.isIdentifier(node.name)) propertyNames.push(node.name.text);
      ts.forEachChild(node, visit);
    };
    visit(runner);
    expect(imported).toEqual(['execFile']);
    expect(propertyNames).not.toContain('shell');
  });

  test('in the bundle, child_process is loaded only by the runner and by commander, whose executable subcommands k8s-lint never declares', () => {
    const scan = scanSource('bin/k8s-lint.cjs', readFileSync(BUNDLE, 'utf8'));
    const loaders = scan.loads.filter((load) => load.specifier !== null && bareName(load.specifier) === CHILD_PROCESS).map((load) => load.module);
    expect(loaders.sort()).toEqual(['node_modules/.pnpm/commander@14.0.3/node_modules/commander/lib/command.js', 'packages/core/src/render/runner.ts']);
    // Commander spawns a program only for `.command(name, description)` (a string second
    // argument) or `.executableDir()`: every `.command()` of the CLI takes at most an options object.
    const main = ts.createSourceFile('main.ts', readFileSync(path.join(REPO_ROOT, 'packages/cli/src/main.ts'), 'utf8'), ts.ScriptTarget.ES2022, true);
    const commands: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ['command', 'executableDir', 'addCommand'].includes(node.expression.name.text)) {
        commands.push(`${node.expression.name.text}(${node.arguments.map((arg) => (ts.isStringLiteral(arg) ? 'string' : ts.isObjectLiteralExpression(arg) ? 'object' : 'other')).join(', ')})`);
      }
      ts.forEachChild(node, visit);
    };
    visit(main);
    expect(commands.length).toBeGreaterThan(0);
    expect(commands.filter((call) => call !== 'command(string)' && call !== 'command(string, object)')).toEqual([]);
  });
});
