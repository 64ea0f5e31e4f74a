/**
 * Property (issue 12, finding 6): a credential embedded in a URL, as user information, as the
 * value of a credential-like query parameter (`&` or `;` separated) or in the fragment, written
 * with one, two or three slashes and with or without leading white space, in a manifest field
 * that a rule quotes (Flux GitRepository, HelmRepository and Bucket URLs over http://, Argo CD
 * repoURLs with automated sync and no targetRevision), never appears in any output format of the
 * committed bundle (stylish, json, sarif, github, junit, and html with its source excerpts),
 * while the finding that quotes the URL is still there.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { REPO_ROOT } from '../helpers/cli';
import { propertySettings, Scratch, type JsonReport } from './harness';

const BUNDLE = path.join(REPO_ROOT, 'bin', 'k8s-lint.cjs');
const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'html'] as const;

const scratch = new Scratch();
afterAll(() => scratch.cleanup());

/** Every credential starts with this, which nothing else in a report holds. */
const MARK = 'Zq7';

/** A password or token: characters that user information can hold (an `@`, `:` or `/` included). */
const userinfoSecret = fc
  .tuple(fc.stringMatching(/^[A-Za-z0-9]{6,12}$/), fc.constantFrom('', '-', '.', '_', '~', '!', '$', '*', '+', ',', ';', '=', '%41', ':', '@', '/', '?', '#'), fc.stringMatching(/^[A-Za-z0-9]{2,6}$/))
  .map(([head, middle, tail]) => `${MARK}${head}${middle}${tail}`);

/** A token in a query or fragment value: base64url, base64 or hex. */
const parameterSecret = fc.stringMatching(/^[A-Za-z0-9+/=_.~-]{8,24}$/).map((body) => `${MARK}${body}`);

const CREDENTIAL_KEYS = [
  'token', 'access_token', 'id_token', 'password', 'passwd', 'secret', 'client_secret', 'apikey', 'api_key', 'key', 'auth',
  'sig', 'signature', 'X-Amz-Signature', 'X-Goog-Signature', 'jwt', 'bearer', 'session', 'sessionid', 'session_id',
  'JSESSIONID', 'ticket', 'otp', 'code', 'private_token', 'sshkey',
] as const;

const HOSTS = ['git.example.com', 'charts.internal:8080', '10.0.0.7', '[fd00::7]:443'] as const;
const PATHS = ['', '/', '/org/apps.git', '/charts/index.yaml', '/a/b//base'] as const;
const OTHER_PARAMETERS = ['ref=main', 'timeout=30s', 'depth=1', 'state=ok'] as const;

interface Place {
  /** `scheme:` and the slashes, with what may come before it. */
  start: string;
}

/** How the URL starts: leading white space (where the rule still quotes it), scheme, one to three slashes. */
function startArb(httpOnly: boolean): fc.Arbitrary<Place> {
  if (httpOnly) return fc.constantFrom('http://', 'HTTP://').map((start) => ({ start }));
  return fc
    .record({ lead: fc.constantFrom('', ' ', '\t', ' \t'), scheme: fc.constantFrom('https', 'http', 'ssh', 'git+https', 'git::https'), slashes: fc.constantFrom('//', '/', '///') })
    .map(({ lead, scheme, slashes }) => ({ start: `${lead}${scheme}:${scheme === 'ssh' || scheme === 'git+https' ? '//' : slashes}` }));
}

const parametersWith = (secret: string, key: string): fc.Arbitrary<string> =>
  fc
    .tuple(fc.subarray([...OTHER_PARAMETERS], { maxLength: 2 }), fc.nat(), fc.constantFrom('&', ';'))
    .map(([others, at, separator]) => {
      const all: string[] = [...others];
      all.splice(at % (others.length + 1), 0, `${key}=${secret}`);
      return all.join(separator);
    });

/** A URL holding the secret in one of three places, and the secret. */
function urlArb(httpOnly: boolean): fc.Arbitrary<{ url: string; secret: string }> {
  const base = fc.record({ place: startArb(httpOnly), host: fc.constantFrom(...HOSTS), path: fc.constantFrom(...PATHS) });
  const userinfo = fc
    .record({ base, secret: userinfoSecret, user: fc.constantFrom('', 'deploy:', 'x-access-token:', 'oauth2:') })
    .map(({ base: b, secret, user }) => ({ url: `${b.place.start}${user}${secret}@${b.host}${b.path}`, secret }));
  const query = fc
    .record({ base, secret: parameterSecret, key: fc.constantFrom(...CREDENTIAL_KEYS) })
    .chain(({ base: b, secret, key }) => parametersWith(secret, key).map((parameters) => ({ url: `${b.place.start}${b.host}${b.path || '/'}?${parameters}`, secret })));
  const fragment = fc
    .record({ base, secret: parameterSecret, key: fc.constantFrom(...CREDENTIAL_KEYS), route: fc.constantFrom('', '/callback?') })
    .chain(({ base: b, secret, key, route }) => parametersWith(secret, key).map((parameters) => ({ url: `${b.place.start}${b.host}${b.path}#${route}${parameters}`, secret })));
  return fc.oneof(userinfo, query, fragment);
}

type Source = { kind: 'GitRepository' | 'HelmRepository' | 'Bucket' | 'Application'; url: string; secret: string };

const sourceArb: fc.Arbitrary<Source> = fc.oneof(
  fc.tuple(fc.constantFrom('GitRepository' as const, 'HelmRepository' as const, 'Bucket' as const), urlArb(true)).map(([kind, { url, secret }]) => ({ kind, url, secret })),
  urlArb(false).map(({ url, secret }) => ({ kind: 'Application' as const, url, secret })),
);

function manifest(source: Source, index: number): string {
  const url = JSON.stringify(source.url);
  if (source.kind === 'Application') {
    return [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      `metadata: { name: app-${index}, namespace: argocd }`,
      'spec:',
      '  project: team',
      `  source: { repoURL: ${url}, path: deploy }`,
      '  destination: { server: "https://kubernetes.default.svc", namespace: team }',
      '  syncPolicy: { automated: {} }',
    ].join('\n');
  }
  return [
    'apiVersion: source.toolkit.fluxcd.io/v1',
    `kind: ${source.kind}`,
    `metadata: { name: src-${index}, namespace: flux-system }`,
    'spec:',
    '  interval: 10m',
    source.kind === 'Bucket' ? `  endpoint: ${url}` : `  url: ${url}`,
    ...(source.kind === 'Bucket' ? ['  bucketName: b'] : []),
  ].join('\n');
}

function lintWithBundle(dir: string, format: string): string {
  const result = spawnSync(process.execPath, [BUNDLE, '.', '-f', format], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, timeout: 60_000, maxBuffer: 1 << 26 });
  if (result.error) throw result.error;
  expect(result.stderr).toBe('');
  expect(result.status).toBe(1);
  return result.stdout;
}

describe('URL credentials in every output format of the bundle', () => {
  const { seed, numRuns, label } = propertySettings(12_006, 2);

  test(`no credential embedded in a quoted URL is printed (${label})`, () => {
    fc.assert(
      fc.property(fc.array(sourceArb, { minLength: 8, maxLength: 14 }), (sources) => {
        const dir = scratch.dir();
        writeFileSync(path.join(dir, 'sources.yaml'), `${sources.map(manifest).join('\n---\n')}\n`);
        const outputs = Object.fromEntries(FORMATS.map((format) => [format, lintWithBundle(dir, format)]));
        for (const [format, text] of Object.entries(outputs)) {
          for (const { secret } of sources) {
            expect({ format, secret, leaked: text.includes(secret) || text.includes(secret.slice(MARK.length)) }).toEqual({ format, secret, leaked: false });
          }
          expect({ format, mark: text.includes(MARK) }).toEqual({ format, mark: false });
        }
        // Each source is reported with its URL quoted, masked.
        const report = JSON.parse(outputs.json ?? '') as JsonReport;
        sources.forEach((source, index) => {
          const name = source.kind === 'Application' ? `app-${index}` : `src-${index}`;
          const quoting = report.findings.filter((finding) => finding.object?.name === name && ['flux-insecure-source', 'argocd-moving-target-revision'].includes(finding.ruleId));
          expect({ name, url: source.url, masked: quoting.some((finding) => finding.message.includes('***')) }).toEqual({ name, url: source.url, masked: true });
        });
      }),
      { seed, numRuns },
    );
  });
});
