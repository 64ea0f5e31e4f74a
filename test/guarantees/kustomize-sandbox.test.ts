/**
 * Guarantee: --kustomize never makes kubectl (or kustomize) fetch anything, and never lets it
 * read outside the repository.
 *
 * A local HTTP server in this process records every request. A repository (it has a `.git`)
 * holds one kustomization root per field that can name a file or a URL, each pointing at the
 * server (and at git-style and `.invalid` URLs), plus `..` paths, absolute paths, symbolic
 * links that lead outside, a FIFO and a chain of more kustomizations than the bound, and one
 * clean root. The committed bundle lints it with --kustomize and the real kubectl: the server
 * must receive no request, each bad root is a render-error at the exact entry and is never
 * handed to kubectl, and the clean root is still rendered and linted. kubectl run directly on
 * the same roots does fetch (the traps work); handed to the renderer's runner directly, as if
 * the static check had let them through, it does not (the second layer works on its own).
 *
 * A second part checks that layer through the bundle with a fake kubectl that prints its
 * environment and tries to reach the server: proxies point at a closed port, git has no
 * configuration, credentials or transport, and, where the platform allows a network namespace,
 * the program runs in one and cannot connect at all.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { execRunner, RENDER_TIMEOUT_MS } from '../../packages/core/src/render/runner';
import {
  BUNDLE,
  PRIVILEGED_POD,
  describeIf,
  jsonFindings,
  kubectlOnPath,
  networkNamespace,
  pathWith,
  readSpawns,
  spawnRecorder,
  tempDir,
  writeTree,
  type JsonFinding,
  type Run,
} from './helpers';

interface RequestLog {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** An HTTP server on a random loopback port that records every request and answers with a ConfigMap. */
async function startServer(): Promise<RequestLog> {
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    requests.push(`${request.method ?? '?'} ${request.url ?? ''}`);
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fetched\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Runs a program without blocking this process, so that the server above can answer while it
 * runs (a spawnSync would hold every request until the program gave up).
 */
function runAsync(program: string, args: readonly string[], options: { cwd: string; env: Record<string, string> }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, [...args], { cwd: options.cwd, env: { NO_COLOR: '1', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

const NOT_FETCHED = 'is not fetched (k8s-lint works offline): vendor it into the repository to lint this kustomization';
const remote = (noun: string, value: string, where = ''): string => `remote kustomize ${noun} "${value}"${where} ${NOT_FETCHED}`;
const ABSOLUTE = 'is an absolute path: only relative paths inside the repository are followed, so this kustomization is not rendered';
const OUTSIDE = 'is outside the repository: only paths inside it are followed, so this kustomization is not rendered';
const LINK_OUTSIDE = 'leads outside the repository through a symbolic link: only paths inside it are followed, so this kustomization is not rendered';
const HELM = "is not rendered: kustomize's Helm chart inflation runs helm and can download charts (k8s-lint never lets it); render the chart with --helm instead";

interface Case {
  /** The root's directory under the repository, and the name of its test. */
  name: string;
  /** Files under that directory; `{URL}` is the server's address. */
  files: Record<string, string>;
  /** Every render-error under that directory: `file:line:column message`, file relative to the repository. */
  expected: (url: string) => string[];
  /** The request kubectl makes on its own for this root (the trap works), when it makes one. */
  fetches?: string;
  /** kubectl fetches it by running git, which must then be on the PATH. */
  viaGit?: boolean;
}

const cm = (entries: string): string => `configMapGenerator:\n  - name: x\n${entries}`;
const secret = (entries: string): string => `secretGenerator:\n  - name: x\n${entries}`;
const BUILTIN = (kind: string, rest: string): string => `apiVersion: builtin\nkind: ${kind}\nmetadata:\n  name: p\n${rest}`;

/** One root per field kustomize reads a path or URL from (kustomize v5, api/types/kustomization.go), and the ways around them. */
const CASES: Case[] = [
  {
    name: 'resources',
    files: { 'kustomization.yaml': 'resources:\n  - pod.yaml\n  - {URL}/resources.yaml\n', 'pod.yaml': PRIVILEGED_POD },
    expected: (url) => [`resources/kustomization.yaml:3:5 ${remote('resource', `${url}/resources.yaml`)}`],
    fetches: '/resources.yaml',
  },
  {
    name: 'bases',
    files: { 'kustomization.yaml': 'bases:\n  - {URL}/bases.yaml\n' },
    expected: (url) => [`bases/kustomization.yaml:2:5 ${remote('resource', `${url}/bases.yaml`)}`],
    fetches: '/bases.yaml',
  },
  {
    name: 'components',
    files: { 'kustomization.yaml': 'resources: []\ncomponents:\n  - {URL}/org/component.git\n' },
    expected: (url) => [`components/kustomization.yaml:3:5 ${remote('component', `${url}/org/component.git`)}`],
    fetches: '/org/component.git/info/refs?service=git-upload-pack',
    viaGit: true,
  },
  {
    name: 'crds',
    files: { 'kustomization.yaml': 'crds:\n  - {URL}/crds.yaml\n' },
    expected: (url) => [`crds/kustomization.yaml:2:5 ${remote('CRD file', `${url}/crds.yaml`)}`],
    fetches: '/crds.yaml',
  },
  {
    name: 'configurations',
    files: { 'kustomization.yaml': 'configurations:\n  - {URL}/configurations.yaml\n' },
    expected: (url) => [`configurations/kustomization.yaml:2:5 ${remote('configuration file', `${url}/configurations.yaml`)}`],
    fetches: '/configurations.yaml',
  },
  {
    name: 'generators',
    files: { 'kustomization.yaml': 'generators:\n  - {URL}/generators.yaml\n' },
    expected: (url) => [`generators/kustomization.yaml:2:5 ${remote('generator', `${url}/generators.yaml`)}`],
    fetches: '/generators.yaml',
  },
  {
    name: 'transformers',
    files: { 'kustomization.yaml': 'transformers:\n  - {URL}/transformers.yaml\n  - https://k8s-lint-test.invalid/t.yaml\n' },
    expected: (url) => [
      `transformers/kustomization.yaml:2:5 ${remote('transformer', `${url}/transformers.yaml`)}`,
      `transformers/kustomization.yaml:3:5 ${remote('transformer', 'https://k8s-lint-test.invalid/t.yaml')}`,
    ],
    fetches: '/transformers.yaml',
  },
  {
    name: 'validators',
    files: { 'kustomization.yaml': 'validators:\n  - {URL}/validators.yaml\n' },
    expected: (url) => [`validators/kustomization.yaml:2:5 ${remote('validator', `${url}/validators.yaml`)}`],
    fetches: '/validators.yaml',
  },
  {
    name: 'configmap-files',
    files: { 'kustomization.yaml': cm('    files:\n      - {URL}/cm-files\n      - creds={URL}/cm-key\n') },
    expected: (url) => [
      `configmap-files/kustomization.yaml:4:9 ${remote('configMapGenerator file', `${url}/cm-files`)}`,
      `configmap-files/kustomization.yaml:5:9 ${remote('configMapGenerator file', `${url}/cm-key`)}`,
    ],
    fetches: '/cm-files',
  },
  {
    name: 'configmap-envs',
    files: { 'kustomization.yaml': cm('    envs:\n      - {URL}/cm-envs\n') },
    expected: (url) => [`configmap-envs/kustomization.yaml:4:9 ${remote('configMapGenerator env file', `${url}/cm-envs`)}`],
    fetches: '/cm-envs',
  },
  {
    name: 'configmap-env',
    files: { 'kustomization.yaml': cm('    env: {URL}/cm-env\n') },
    expected: (url) => [`configmap-env/kustomization.yaml:3:5 ${remote('configMapGenerator env file', `${url}/cm-env`)}`],
    fetches: '/cm-env',
  },
  {
    name: 'secret-files',
    files: { 'kustomization.yaml': secret('    files:\n      - token={URL}/secret-files\n') },
    expected: (url) => [`secret-files/kustomization.yaml:4:9 ${remote('secretGenerator file', `${url}/secret-files`)}`],
    fetches: '/secret-files',
  },
  {
    name: 'secret-envs',
    files: { 'kustomization.yaml': secret('    envs:\n      - {URL}/secret-envs\n') },
    expected: (url) => [`secret-envs/kustomization.yaml:4:9 ${remote('secretGenerator env file', `${url}/secret-envs`)}`],
    fetches: '/secret-envs',
  },
  {
    name: 'secret-env',
    files: { 'kustomization.yaml': secret('    env: {URL}/secret-env\n') },
    expected: (url) => [`secret-env/kustomization.yaml:3:5 ${remote('secretGenerator env file', `${url}/secret-env`)}`],
    fetches: '/secret-env',
  },
  {
    name: 'helm-charts',
    files: { 'kustomization.yaml': 'resources: []\nhelmCharts:\n  - name: chart\n    repo: {URL}/charts\n    version: 1.0.0\n' },
    expected: () => [`helm-charts/kustomization.yaml:2:1 helmCharts ${HELM}`],
  },
  {
    name: 'helm-globals',
    files: { 'kustomization.yaml': 'helmGlobals:\n  chartHome: charts\n' },
    expected: () => [`helm-globals/kustomization.yaml:1:1 helmGlobals ${HELM}`],
  },
  {
    name: 'helm-inflation-generator',
    files: { 'kustomization.yaml': 'helmChartInflationGenerator:\n  - chartName: chart\n    chartRepoUrl: {URL}/charts\n' },
    expected: () => [`helm-inflation-generator/kustomization.yaml:1:1 helmChartInflationGenerator ${HELM}`],
  },
  {
    name: 'openapi',
    files: { 'kustomization.yaml': 'resources: []\nopenapi:\n  path: {URL}/openapi.json\n' },
    expected: (url) => [`openapi/kustomization.yaml:3:3 ${remote('OpenAPI schema file', `${url}/openapi.json`)}`],
    fetches: '/openapi.json',
  },
  {
    name: 'patches',
    files: { 'kustomization.yaml': 'resources: []\npatches:\n  - path: {URL}/patches.yaml\n' },
    expected: (url) => [`patches/kustomization.yaml:3:5 ${remote('patch file', `${url}/patches.yaml`)}`],
    fetches: '/patches.yaml',
  },
  {
    name: 'patches-json6902',
    files: { 'kustomization.yaml': 'patchesJson6902:\n  - target:\n      kind: Pod\n      name: p\n    path: {URL}/json6902.yaml\n' },
    expected: (url) => [`patches-json6902/kustomization.yaml:5:5 ${remote('patch file', `${url}/json6902.yaml`)}`],
    fetches: '/json6902.yaml',
  },
  {
    name: 'patches-strategic-merge',
    files: { 'kustomization.yaml': 'patchesStrategicMerge:\n  - {URL}/strategic.yaml\n' },
    expected: (url) => [`patches-strategic-merge/kustomization.yaml:2:5 ${remote('patch', `${url}/strategic.yaml`)}`],
    fetches: '/strategic.yaml',
  },
  {
    name: 'replacements',
    files: { 'kustomization.yaml': 'replacements:\n  - path: {URL}/replacements.yaml\n' },
    expected: (url) => [`replacements/kustomization.yaml:2:5 ${remote('replacement file', `${url}/replacements.yaml`)}`],
    fetches: '/replacements.yaml',
  },
  {
    name: 'inline-transformer',
    files: { 'kustomization.yaml': `transformers:\n  - |\n${BUILTIN('PatchTransformer', 'path: {URL}/inline.yaml\n').replace(/^/gm, '    ')}\n` },
    expected: (url) => [`inline-transformer/kustomization.yaml:2:5 ${remote('PatchTransformer file', `${url}/inline.yaml`, ' in an inline transformer configuration')}`],
    fetches: '/inline.yaml',
  },
  {
    name: 'inline-helm-generator',
    files: { 'kustomization.yaml': `generators:\n  - |\n${BUILTIN('HelmChartInflationGenerator', 'chartName: chart\nchartRepoUrl: {URL}/charts\n').replace(/^/gm, '    ')}\n` },
    expected: () => [`inline-helm-generator/kustomization.yaml:2:5 HelmChartInflationGenerator ${HELM}`],
  },
  {
    name: 'transformer-file',
    // Two configurations in one file: the URL is in the second, at its own line.
    files: {
      'kustomization.yaml': 'resources:\n  - pod.yaml\ntransformers:\n  - transformers.yaml\n',
      'pod.yaml': PRIVILEGED_POD,
      'transformers.yaml': `${BUILTIN('LabelTransformer', 'labels:\n  a: b\nfieldSpecs:\n  - path: metadata/labels\n    create: true\n')}---\n${BUILTIN('ReplacementTransformer', 'replacements:\n  - path: {URL}/replacement-config.yaml\n')}`,
    },
    expected: (url) => [`transformer-file/transformers.yaml:16:5 ${remote('ReplacementTransformer replacement file', `${url}/replacement-config.yaml`)}`],
    fetches: '/replacement-config.yaml',
  },
  {
    name: 'generator-directory',
    // The issue's case: a generator directory whose kustomization has a remote resource.
    files: { 'kustomization.yaml': 'generators:\n  - gen\n', 'gen/kustomization.yaml': 'resources:\n  - {URL}/generator-resource.yaml\n' },
    expected: (url) => [`generator-directory/gen/kustomization.yaml:2:5 ${remote('resource', `${url}/generator-resource.yaml`)}`],
    fetches: '/generator-resource.yaml',
  },
  {
    name: 'generator-directory-config',
    // A builtin generator configuration listed by a generator directory reads its files through the outer kustomization.
    files: {
      'kustomization.yaml': 'generators:\n  - gen\n',
      'gen/kustomization.yaml': 'resources:\n  - generator.yaml\n',
      'gen/generator.yaml': BUILTIN('SecretGenerator', 'envs:\n  - {URL}/generator-config\n'),
    },
    expected: (url) => [`generator-directory-config/gen/generator.yaml:6:5 ${remote('SecretGenerator env file', `${url}/generator-config`)}`],
    fetches: '/generator-config',
  },
  {
    name: 'generator-directory-patched',
    // A patch in a generator directory could write a URL into a configuration after it was read: refused.
    files: {
      'kustomization.yaml': 'generators:\n  - gen\n',
      'gen/kustomization.yaml': 'resources:\n  - generator.yaml\npatches:\n  - patch: |\n      - op: add\n        path: /files/-\n        value: {URL}/patched\n    target:\n      kind: ConfigMapGenerator\n',
      // Relative to the outer kustomization, like every path of a plugin configuration.
      'gen/generator.yaml': BUILTIN('ConfigMapGenerator', 'files:\n  - kustomization.yaml\n'),
    },
    expected: () => [
      'generator-directory-patched/gen/kustomization.yaml:3:1 patches is not allowed in a kustomization used as generator configuration: it could change the configuration after k8s-lint checked it, so it is not rendered (only resources may be listed there)',
    ],
    fetches: '/patched',
  },
  {
    name: 'nested-base',
    files: {
      'kustomization.yaml': 'resources:\n  - base\n',
      'base/kustomization.yaml': 'resources:\n  - deeper\n',
      'base/deeper/kustomization.yaml': cm('    files:\n      - {URL}/nested\n'),
    },
    expected: (url) => [`nested-base/base/deeper/kustomization.yaml:4:9 ${remote('configMapGenerator file', `${url}/nested`)}`],
    fetches: '/nested',
  },
  {
    name: 'folded-keys',
    // kustomize reads field names without regard to case.
    files: { 'kustomization.yaml': 'Resources:\n  - HTTP://{HOSTPORT}/folded.yaml\nconfigMapGenerator:\n  - name: x\n    FILES:\n      - {URL}/folded-files\n' },
    expected: (url) => [
      `folded-keys/kustomization.yaml:2:5 ${remote('resource', `HTTP://${url.slice('http://'.length)}/folded.yaml`)}`,
      `folded-keys/kustomization.yaml:6:9 ${remote('configMapGenerator file', `${url}/folded-files`)}`,
    ],
    fetches: '/folded.yaml',
  },
  {
    name: 'git-forms',
    files: {
      'kustomization.yaml': [
        'resources:',
        '  - git::{URL}/org/repo.git//base',
        '  - ssh://git@{HOSTPORT}/org/repo.git',
        '  - git@github.com:org/repo.git//base?ref=v1',
        '  - github.com/org/repo//base',
        '  - file:///srv/repo.git',
        '  - https://user:secret@k8s-lint-test.invalid/org/repo.git?ref=v1',
        '',
      ].join('\n'),
    },
    expected: (url) => [
      `git-forms/kustomization.yaml:2:5 ${remote('resource', `git::${url}/org/repo.git//base`)}`,
      `git-forms/kustomization.yaml:3:5 ${remote('resource', `ssh://***@${url.slice('http://'.length)}/org/repo.git`)}`,
      `git-forms/kustomization.yaml:4:5 ${remote('resource', 'git@github.com:org/repo.git//base?ref=v1')}`,
      `git-forms/kustomization.yaml:5:5 ${remote('resource', 'github.com/org/repo//base')}`,
      `git-forms/kustomization.yaml:6:5 ${remote('resource', 'file:///srv/repo.git')}`,
      `git-forms/kustomization.yaml:7:5 ${remote('resource', 'https://***@k8s-lint-test.invalid/org/repo.git?ref=v1')}`,
    ],
    fetches: '/org/repo.git/info/refs?service=git-upload-pack',
    viaGit: true,
  },
  {
    name: 'dot-dot',
    files: { 'kustomization.yaml': cm('    files:\n      - ../../outside/secret.txt\n') + 'resources:\n  - ../../outside/base\n' },
    expected: () => [
      `dot-dot/kustomization.yaml:4:9 kustomize configMapGenerator file "../../outside/secret.txt" ${OUTSIDE}`,
      `dot-dot/kustomization.yaml:6:5 kustomize resource "../../outside/base" ${OUTSIDE}`,
    ],
  },
  {
    name: 'absolute',
    // Inside the repository or not, an absolute path is refused.
    files: { 'kustomization.yaml': cm('    files:\n      - /etc/hostname\n') + 'resources:\n  - {REPO}/resources/pod.yaml\n' },
    expected: () => [
      `absolute/kustomization.yaml:4:9 kustomize configMapGenerator file "/etc/hostname" ${ABSOLUTE}`,
      `absolute/kustomization.yaml:6:5 kustomize resource "{REPO}/resources/pod.yaml" ${ABSOLUTE}`,
    ],
  },
  {
    name: 'symlinks',
    // link -> ../../outside (a directory), env-link -> ../../outside/secret.txt, linked-base/kustomization.yaml -> ../../../outside/base/kustomization.yaml
    files: { 'kustomization.yaml': cm('    files:\n      - link/secret.txt\n    envs:\n      - env-link\n') + 'resources:\n  - linked-base\n' },
    expected: () => [
      `symlinks/kustomization.yaml:4:9 kustomize configMapGenerator file "link/secret.txt" ${LINK_OUTSIDE}`,
      `symlinks/kustomization.yaml:6:9 kustomize configMapGenerator env file "env-link" ${LINK_OUTSIDE}`,
      'symlinks/linked-base/kustomization.yaml:1:1 kustomization file leads outside the repository through a symbolic link: not rendered',
    ],
  },
  {
    name: 'fifo',
    // fifo is a named pipe: kustomize would block on it until the render timed out.
    files: { 'kustomization.yaml': cm('    files:\n      - fifo\n') },
    expected: () => ['fifo/kustomization.yaml:4:9 kustomize configMapGenerator file "fifo" is not a regular file or directory (a FIFO, socket or device): it is never read, so this kustomization is not rendered'],
  },
];

/** More kustomizations in one chain than the bound of 1,000: the root is refused without reading them all. */
const CHAIN_LENGTH = 1001;

const kubectl = kubectlOnPath();
const namespace = networkNamespace();
const gitOnPath = spawnSync('git', ['--version']).status === 0;

describeIf(kubectl !== null, 'kustomize sandbox: nothing is fetched, nothing outside the repository is read (the bundle, the real kubectl)', 'kubectl is not on the PATH')(() => {
  let server: RequestLog;
  let root: string;
  let repo: string;
  let run: Run;
  let requestsDuringLint: string[];
  let kubectlCalls: string[][];

  const fill = (text: string): string => text.replaceAll('{URL}', server.url).replaceAll('{HOSTPORT}', server.url.slice('http://'.length)).replaceAll('{REPO}', repo);

  beforeAll(async () => {
    server = await startServer();
    root = tempDir('kustomize-sandbox');
    repo = path.join(root, 'repo');
    writeTree(root, {
      'home/.keep': '',
      'outside/secret.txt': 'password=outside\n',
      'outside/base/kustomization.yaml': 'resources:\n  - pod.yaml\n',
      'outside/base/pod.yaml': PRIVILEGED_POD,
    });
    writeTree(repo, {
      '.git/HEAD': 'ref: refs/heads/main\n',
      'clean/kustomization.yaml': 'namespace: shop\nresources:\n  - pod.yaml\n',
      'clean/pod.yaml': PRIVILEGED_POD,
    });
    for (const testCase of CASES) writeTree(path.join(repo, testCase.name), Object.fromEntries(Object.entries(testCase.files).map(([file, text]) => [file, fill(text)])));
    symlinkSync('../../outside', path.join(repo, 'symlinks', 'link'));
    symlinkSync('../../outside/secret.txt', path.join(repo, 'symlinks', 'env-link'));
    mkdirSync(path.join(repo, 'symlinks', 'linked-base'));
    symlinkSync('../../../outside/base/kustomization.yaml', path.join(repo, 'symlinks', 'linked-base', 'kustomization.yaml'));
    const mkfifo = spawnSync('mkfifo', [path.join(repo, 'fifo', 'fifo')]);
    if (mkfifo.status !== 0) throw new Error(`mkfifo failed: ${mkfifo.stderr.toString()}`);
    // chain/ -> chain/k1 -> chain/k2 -> ... (siblings, so that no path gets long): only chain/ is a root.
    writeTree(repo, { 'chain/kustomization.yaml': 'resources:\n  - k1\n' });
    for (let i = 1; i < CHAIN_LENGTH; i++) {
      writeTree(repo, { [`chain/k${i}/kustomization.yaml`]: i + 1 < CHAIN_LENGTH ? `resources:\n  - ../k${i + 1}\n` : 'resources: []\n' });
    }
    const recorder = spawnRecorder(path.join(root, 'recorder'));
    run = await runAsync(process.execPath, [BUNDLE, '.', '--kustomize', '--format', 'json'], { cwd: repo, env: { PATH: process.env.PATH ?? '', HOME: root, NODE_OPTIONS: recorder.nodeOptions } });
    requestsDuringLint = [...server.requests];
    kubectlCalls = readSpawns(recorder.log)
      .map((spawned) => [spawned.file, ...spawned.args])
      .filter((call) => call.includes('kustomize'));
  });

  afterAll(async () => {
    await server?.close();
  });

  const renderErrorsUnder = (directory: string): string[] =>
    jsonFindings(run.stdout)
      .filter((finding: JsonFinding) => finding.ruleId === 'render-error' && finding.file.startsWith(`${directory}/`))
      .map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.message}`);

  test('the local server received no request at all', () => {
    expect(run.stderr).toBe('');
    expect(requestsDuringLint).toEqual([]);
  });

  test('exit code 1; the clean sibling root is rendered (namespace from its kustomization) and linted', () => {
    expect(run.status).toBe(1);
    const privileged = jsonFindings(run.stdout).filter((finding) => finding.ruleId === 'privileged-container' && finding.file.startsWith('clean/'));
    expect(privileged.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.object?.kind} ${finding.object?.namespace}/${finding.object?.name}`)).toEqual([
      'clean/pod.yaml:10:9 Pod shop/p',
    ]);
    expect(renderErrorsUnder('clean')).toEqual([]);
  });

  test('kubectl ran once, for the clean root: no refused root was handed to it', () => {
    expect(kubectlCalls.map((call) => call.slice(call.indexOf('kustomize')))).toEqual([['kustomize', path.join(repo, 'clean')]]);
  });

  test.each(CASES.map((testCase) => [testCase.name, testCase] as const))('%s: render-error at the exact entry, root not rendered', (_name, testCase) => {
    expect(renderErrorsUnder(testCase.name)).toEqual(testCase.expected(server.url).map(fill));
  });

  test(`a chain of ${CHAIN_LENGTH} kustomizations: one render-error at the root, not rendered`, () => {
    expect(renderErrorsUnder('chain')).toEqual([
      'chain/kustomization.yaml:1:1 more than 1000 kustomization and plugin configuration files are reachable from chain/kustomization.yaml: not rendered (each is checked before rendering)',
    ]);
  });

  describe('the traps work: kubectl run directly on the same roots fetches from the server', () => {
    const fetching = CASES.filter((testCase) => testCase.fetches !== undefined);
    const trapWorks = async (testCase: Case): Promise<void> => {
      server.requests.length = 0;
      await runAsync(kubectl ?? 'kubectl', ['kustomize', path.join(repo, testCase.name)], { cwd: repo, env: { PATH: process.env.PATH ?? '', HOME: path.join(root, 'home') } });
      expect(server.requests).toContain(`GET ${testCase.fetches ?? ''}`);
    };
    test.each(fetching.filter((testCase) => !testCase.viaGit).map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => trapWorks(testCase));
    (gitOnPath ? test.each : test.skip.each)(fetching.filter((testCase) => testCase.viaGit).map((testCase) => [testCase.name, testCase] as const))(
      `%s (through git${gitOnPath ? '' : '; SKIPPED: git is not on the PATH'})`,
      (_name, testCase) => trapWorks(testCase),
    );
  });

  // The same roots handed straight to the renderer's runner, as if the static check had let them
  // through: the closed proxies, git without transport and the network namespace stop every fetch.
  describeIf(namespace.ok, 'the second layer alone: the runner keeps kubectl from fetching on the same roots', namespace.ok ? '' : namespace.reason)(() => {
    test.each(CASES.filter((testCase) => testCase.fetches !== undefined).map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
      server.requests.length = 0;
      const directory = path.join(repo, testCase.name);
      const result = await execRunner(kubectl ?? 'kubectl', ['kustomize', directory], { cwd: directory, timeoutMs: RENDER_TIMEOUT_MS });
      expect(result.exitCode).not.toBe(0);
      expect(server.requests).toEqual([]);
    });
  });
});

/**
 * The second layer, proven with a fake kubectl (a Node script) that writes its environment and
 * the outcome of a request to the test server to a log: the static check passes a clean
 * kustomization, so only the environment and the namespace stand between it and the server.
 */
describe('kustomize sandbox, second layer: the renderer runs with closed proxies, no git configuration and, where possible, no network', () => {
  let server: RequestLog;
  let outcome: { env: Record<string, string>; request: string };
  let spawned: string[][];
  let repo: string;

  beforeAll(async () => {
    server = await startServer();
    const root = tempDir('kustomize-layer');
    repo = writeTree(path.join(root, 'repo'), { 'k/kustomization.yaml': 'resources:\n  - pod.yaml\n', 'k/pod.yaml': PRIVILEGED_POD });
    const fakeBin = path.join(root, 'bin');
    const log = path.join(root, 'kubectl.json');
    mkdirSync(fakeBin);
    writeFileSync(
      path.join(fakeBin, 'kubectl'),
      [
        `#!${process.execPath}`,
        "const fs = require('fs'); const http = require('http');",
        `const done = (request) => { fs.writeFileSync(${JSON.stringify(log)}, JSON.stringify({ env: process.env, request })); process.stdout.write(${JSON.stringify(PRIVILEGED_POD)}); };`,
        `const request = http.get(${JSON.stringify(`${server.url}/from-renderer`)}, (response) => { response.resume(); done('answered ' + response.statusCode); });`,
        "request.on('error', (error) => done('failed ' + error.code));",
        "request.setTimeout(10000, () => request.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));",
        '',
      ].join('\n'),
      { mode: 0o755 },
    );
    const recorder = spawnRecorder(path.join(root, 'recorder'));
    const result = await runAsync(process.execPath, [BUNDLE, '.', '--kustomize', '--format', 'json'], { cwd: repo, env: { PATH: pathWith(fakeBin), HOME: root, NODE_OPTIONS: recorder.nodeOptions } });
    if (result.stderr !== '') throw new Error(result.stderr);
    outcome = JSON.parse(readFileSync(log, 'utf8')) as typeof outcome;
    spawned = readSpawns(recorder.log).map((call) => [call.file, ...call.args]);
  });

  afterAll(async () => {
    await server?.close();
  });

  test('proxies point at a closed local port with no exception; git has no system or global configuration, no prompt, no ssh, no transport', () => {
    expect(outcome.env).toMatchObject({
      HTTP_PROXY: 'http://127.0.0.1:9',
      HTTPS_PROXY: 'http://127.0.0.1:9',
      ALL_PROXY: 'http://127.0.0.1:9',
      http_proxy: 'http://127.0.0.1:9',
      https_proxy: 'http://127.0.0.1:9',
      all_proxy: 'http://127.0.0.1:9',
      NO_PROXY: '',
      no_proxy: '',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_TERMINAL_PROMPT: '0',
      GIT_SSH_COMMAND: 'false',
      GIT_ALLOW_PROTOCOL: 'none',
    });
    for (const name of ['GIT_ASKPASS', 'SSH_ASKPASS', 'SSH_AUTH_SOCK', 'GIT_CONFIG', 'XDG_CONFIG_HOME', 'NODE_OPTIONS']) expect(outcome.env[name]).toBeUndefined();
  });

  describeIf(namespace.ok, 'in a new network namespace', namespace.ok ? '' : namespace.reason)(() => {
    test('kubectl is started through unshare (after one probe), and its request to the server on loopback fails: the server received nothing', () => {
      const options = [...(namespace.ok ? namespace.prefix.slice(1) : []), '--'];
      expect(spawned.map((call) => [path.basename(call[0] ?? ''), ...call.slice(1)])).toEqual([
        ['unshare', ...options, process.execPath, '-e', ''],
        ['unshare', ...options, path.join(path.dirname(repo), 'bin', 'kubectl'), 'kustomize', path.join(repo, 'k')],
      ]);
      expect(outcome.request).toMatch(/^failed /);
      expect(server.requests).toEqual([]);
    });
  });
});
