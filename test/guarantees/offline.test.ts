/**
 * Guarantee: k8s-lint never uses the network.
 *
 * Statically: no module of packages/* /src, and nothing in the committed bundle (which inlines
 * every third-party dependency), loads a network module or touches a network global. The
 * check reads syntax trees, so a string such as fast-uri's `scheme: "http"` or a message that
 * says "never fetched" does not count, and a computed `require(x)` does.
 *
 * Dynamically: the built CLI and the bundle, run in a new network namespace (no interface but a
 * loopback that is down), give the same exit code and the same bytes as outside, on examples/
 * and with --kustomize on a local overlay.
 */
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE, CLI, PRIVILEGED_POD, REPO_ROOT, describeIf, kubectlOnPath, networkNamespace, run, tempDir, writeTree, type Run } from './helpers';
import { bareName, scanFile, scanSource, typeScriptFiles, type ModuleLoad, type Scan } from './module-scan';

/** Modules that open sockets, resolve names or speak HTTP; `inspector` opens a debugger port. */
const NETWORK_MODULES = new Set(['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'dns/promises', 'inspector', 'inspector/promises', 'undici', 'ws', 'node-fetch', 'axios', 'got', 'request', 'superagent', 'cross-fetch']);

/**
 * Built-in modules that k8s-lint may load: none of them opens a connection. A built-in missing
 * here fails the test, so a new one is reviewed rather than allowed by default.
 */
const OFFLINE_BUILTINS = new Set([
  'assert', 'buffer', 'child_process', 'crypto', 'events', 'fs', 'fs/promises', 'module', 'os', 'path', 'perf_hooks', 'process',
  'readline', 'stream', 'string_decoder', 'timers', 'tty', 'url', 'util', 'v8', 'worker_threads', 'zlib',
]);

const BUILTINS = new Set(builtinModules.map(bareName));

function describeLoad(file: string, load: ModuleLoad): string {
  return `${file}:${load.line} ${load.how}(${load.specifier ?? '<computed>'})${load.module ? ` in ${load.module}` : ''}`;
}

/** The package a specifier names: `ajv/dist/x` → `ajv`, `@k8s-lint/core` → `@k8s-lint/core`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function dependenciesOf(packageDirectory: string): string[] {
  // The CLI declares what it bundles as devDependencies.
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, packageDirectory, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  return [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})];
}

describe('no network access in any code path: static check', () => {
  const packages = ['packages/core', 'packages/sarif', 'packages/cli'];
  const sources = packages.flatMap((directory) => typeScriptFiles(REPO_ROOT, path.join(directory, 'src')));
  const scans = new Map(sources.map((file) => [file, scanFile(REPO_ROOT, file)]));
  const scanOf = (file: string): Scan => scans.get(file) ?? { loads: [], globals: [] };

  test('the sources were found', () => {
    expect(sources).toContain('packages/core/src/render/runner.ts');
    expect(sources).toContain('packages/cli/src/main.ts');
    expect(sources).toContain('packages/sarif/src/index.ts');
  });

  test('no module under packages/*/src loads a network module, a built-in not known to be offline, or a computed module name', () => {
    const problems: string[] = [];
    for (const file of sources) {
      for (const load of scanOf(file).loads) {
        if (load.specifier === null) problems.push(`${describeLoad(file, load)}: computed module name`);
        else if (NETWORK_MODULES.has(bareName(load.specifier))) problems.push(`${describeLoad(file, load)}: network module`);
        else if (BUILTINS.has(bareName(load.specifier)) && !OFFLINE_BUILTINS.has(bareName(load.specifier))) problems.push(`${describeLoad(file, load)}: built-in not reviewed as offline`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('third-party modules the sources load are declared dependencies, so the bundle check below covers their code', () => {
    const declared = new Set(packages.flatMap(dependenciesOf));
    const undeclared: string[] = [];
    for (const file of sources) {
      for (const load of scanOf(file).loads) {
        const specifier = load.specifier;
        if (specifier === null || specifier.startsWith('.') || BUILTINS.has(bareName(specifier)) || specifier.startsWith('node:')) continue;
        if (!declared.has(packageOf(specifier))) undeclared.push(describeLoad(file, load));
      }
    }
    expect(undeclared).toEqual([]);
  });

  test('no module under packages/*/src calls fetch or uses WebSocket, XMLHttpRequest, EventSource or internal bindings', () => {
    const uses = sources.flatMap((file) => scanOf(file).globals.map((use) => `${file}:${use.line} ${use.name}`));
    expect(uses).toEqual([]);
  });

  describe('the committed bundle bin/k8s-lint.cjs (k8s-lint and every dependency inlined)', () => {
    const bundle = readFileSync(BUNDLE, 'utf8');
    const scan = scanSource('bin/k8s-lint.cjs', bundle);

    test('every require() names a module literally, and only offline built-ins are left outside the bundle', () => {
      const required = scan.loads.filter((load) => load.how === 'require');
      expect(required.length).toBeGreaterThan(10);
      const problems = required
        .filter((load) => load.specifier === null || !OFFLINE_BUILTINS.has(bareName(load.specifier)) || NETWORK_MODULES.has(bareName(load.specifier)))
        .map((load) => describeLoad('bin/k8s-lint.cjs', load));
      expect(problems).toEqual([]);
      // esbuild would have left an unbundled third-party module as a require too: there is none.
      expect(scan.loads.filter((load) => load.how !== 'require').map((load) => describeLoad('bin/k8s-lint.cjs', load))).toEqual([]);
    });

    test('no code in it calls fetch or uses WebSocket, XMLHttpRequest, EventSource, sendBeacon or internal bindings', () => {
      expect(scan.globals.map((use) => `bin/k8s-lint.cjs:${use.line} ${use.name}`)).toEqual([]);
    });

    test('words such as http in it are data, not modules: the check reads code, not text', () => {
      // fast-uri (ajv's URI parser) has scheme tables named http, https, ws and wss, and ajv
      // writes `require("ajv/dist/runtime/uri")` into a string of the code it generates. Neither
      // loads anything; the scan above sees them as what they are.
      expect(bundle).toMatch(/scheme:\s*"https"/);
      expect(bundle).toContain('require("ajv/dist/runtime/uri")');
      expect(scan.loads.some((load) => load.specifier?.startsWith('ajv/') === true)).toBe(false);
    });
  });

  test('the scanner finds what it is meant to find', () => {
    const probe = scanSource(
      'probe.ts',
      [
        "import http from 'node:http';",
        "import type { Agent } from 'https';",
        "export { connect } from 'net';",
        "const dns = require('dns');",
        'const name = "tls"; require(name);',
        "void import('undici');",
        "void fetch('https://example.com');",
        "const socket = new WebSocket('wss://example.com');",
        "globalThis['fetch']('x');",
        "process.binding('tcp_wrap');",
        "const text = 'require(\"http\") and fetch( are only words here';",
        'const client = { fetch: 1 }; client.fetch;',
      ].join('\n'),
    );
    expect(probe.loads.map((load) => `${load.how}(${load.specifier ?? '<computed>'})`)).toEqual(['import(node:http)', 'export-from(net)', 'require(dns)', 'require(<computed>)', 'dynamic-import(undici)']);
    expect(probe.globals.map((use) => use.name)).toEqual(['fetch', 'WebSocket', 'globalThis[fetch]', 'process.binding']);
  });
});

const namespace = networkNamespace();
const kubectl = kubectlOnPath();

describeIf(namespace.ok, 'no network access in any code path: the built CLI in a new network namespace', namespace.ok ? '' : namespace.reason)(() => {
  const prefix = namespace.ok ? namespace.prefix : [];
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/', NO_COLOR: '1' };

  const outside = (entry: string, args: string[], cwd: string): Run => run(process.execPath, [entry, ...args], { cwd, env });
  const inside = (entry: string, args: string[], cwd: string): Run => {
    const [command = 'unshare', ...flags] = prefix;
    return run(command, [...flags, process.execPath, entry, ...args], { cwd, env });
  };

  test('the namespace really has no network: no interface is up and connecting fails at once', () => {
    const script = [
      "const os = require('os'); const net = require('net');",
      'const names = Object.keys(os.networkInterfaces());',
      "const socket = net.connect({ host: '192.0.2.1', port: 9 });",
      "socket.on('error', (error) => { console.log(JSON.stringify({ names, error: error.code })); });",
      "socket.on('connect', () => { console.log(JSON.stringify({ names, error: null })); socket.destroy(); });",
    ].join('\n');
    const result = inside('-e', [script], REPO_ROOT);
    expect(result.stderr).toBe('');
    const probe = JSON.parse(result.stdout) as { names: string[]; error: string | null };
    expect(probe.names.filter((name) => name !== 'lo')).toEqual([]);
    expect(probe.error).toBe('ENETUNREACH');
  });

  test.each(['stylish', 'json', 'sarif', 'github', 'junit'])('examples/ with --format %s: same exit code and bytes as outside', (format) => {
    const args = ['examples/', '--format', format];
    const expected = outside(CLI, args, REPO_ROOT);
    expect(expected.status).toBe(1);
    expect(expected.stdout.length).toBeGreaterThan(1000);
    expect(inside(CLI, args, REPO_ROOT)).toEqual(expected);
  });

  test('the bundle (what pre-commit and the Action run) too', () => {
    const args = ['examples/', '--format', 'json', '--jobs', '2'];
    const expected = outside(BUNDLE, args, REPO_ROOT);
    expect(expected.status).toBe(1);
    expect(inside(BUNDLE, args, REPO_ROOT)).toEqual(expected);
  });

  (kubectl ? test : test.skip)(`--kustomize on a local overlay, rendered by kubectl in the namespace${kubectl ? '' : ' (SKIPPED: kubectl is not on the PATH)'}`, () => {
    const cwd = writeTree(tempDir('offline-kustomize'), {
      'base/kustomization.yaml': 'resources:\n  - pod.yaml\n',
      'base/pod.yaml': PRIVILEGED_POD,
      'overlay/kustomization.yaml': 'namespace: shop\nnamePrefix: prod-\nresources:\n  - ../base\n',
    });
    for (const format of ['json', 'stylish']) {
      const args = ['.', '--kustomize', '--format', format];
      const expected = outside(CLI, args, cwd);
      expect(expected.status).toBe(1);
      expect(expected.stderr).toBe('');
      // The objects are the rendered ones: namespace and prefix from the overlay.
      expect(expected.stdout).toContain('prod-p');
      expect(expected.stdout).not.toContain('render-error');
      expect(inside(CLI, args, cwd)).toEqual(expected);
    }
  });
});
