import { summarizeError } from '../../../src/render/types';
import { MASK, maskUrlCredentials, maskUrlsIn } from '../../../src/rules/workload/mask';

describe('maskUrlCredentials', () => {
  test.each([
    ['http://deploy:s3cr3t@git.example.com/org/apps.git', 'http://***@git.example.com/org/apps.git'],
    ['https://ghp_abcdef0123456789@github.com/org/repo', 'https://***@github.com/org/repo'],
    ['https://x-access-token:tok@github.com:443/org/repo.git', 'https://***@github.com:443/org/repo.git'],
    ['HTTP://user:pw@charts.internal:8080', 'HTTP://***@charts.internal:8080'],
    ['git::https://oauth2:glpat-xyz@gitlab.com/org/repo//base?ref=v1', 'git::https://***@gitlab.com/org/repo//base?ref=v1'],
    ['ssh://git@github.com/org/apps.git', 'ssh://***@github.com/org/apps.git'],
    ['http://user:p@ss@host/x', 'http://***@host/x'],
    ['http://[fe80::1]:8080/x', 'http://[fe80::1]:8080/x'],
    ['http://user:pw@[fe80::1]:8080/x', 'http://***@[fe80::1]:8080/x'],
  ])('%s → %s', (url, masked) => {
    expect(maskUrlCredentials(url)).toBe(masked);
  });

  test('a password with an unescaped /, ? or # is masked whole', () => {
    expect(maskUrlCredentials('http://user:pa/ss@host.example/x')).toBe('http://***@host.example/x');
    expect(maskUrlCredentials('http://user:pa?ss@host.example/x')).toBe('http://***@host.example/x');
    expect(maskUrlCredentials('http://user:pa#ss@host.example')).toBe('http://***@host.example');
  });

  test('query parameters named like credentials are masked, the others kept', () => {
    expect(maskUrlCredentials('https://charts.example.com/index.yaml?ref=v1&token=abc&X-Amz-Signature=def&timeout=30s')).toBe(
      'https://charts.example.com/index.yaml?ref=v1&token=***&X-Amz-Signature=***&timeout=30s',
    );
    expect(maskUrlCredentials('s3::https://s3.amazonaws.com/bucket/x?aws_access_key_id=AKIA&aws_access_key_secret=shh')).toBe(
      's3::https://s3.amazonaws.com/bucket/x?aws_access_key_id=***&aws_access_key_secret=***',
    );
    expect(maskUrlCredentials('git::ssh://git@example.com/repo?sshkey=LS0tLS1&ref=main#frag')).toBe('git::ssh://***@example.com/repo?sshkey=***&ref=main#frag');
    expect(maskUrlCredentials('https://host/x?api%5Fkey=zz&flag&empty=')).toBe('https://host/x?api%5Fkey=***&flag&empty=');
  });

  test('an @ after the host (a digest, a path, a query) is not user information', () => {
    expect(maskUrlCredentials('oci://ghcr.io/org/manifests@sha256:0123abcd')).toBe('oci://ghcr.io/org/manifests@sha256:0123abcd');
    expect(maskUrlCredentials('https://registry.example.com/@scope/pkg')).toBe('https://registry.example.com/@scope/pkg');
    expect(maskUrlCredentials('https://host.example/x?email=a@b.example')).toBe('https://host.example/x?email=a@b.example');
  });

  test('text without scheme:// is unchanged', () => {
    for (const text of ['git@github.com:org/repo.git', 'github.com/org/repo//base?ref=v1', '../base', 'minio.storage:9000', '']) {
      expect(maskUrlCredentials(text)).toBe(text);
    }
  });

  test('the mask keeps nothing of the value', () => {
    const masked = maskUrlCredentials('https://user:Zq7LongSecretValue@host.example');
    expect(masked).not.toContain('Zq7');
    expect(masked).not.toContain(String('Zq7LongSecretValue'.length));
    expect(masked).toContain(MASK);
  });
});

describe('maskUrlsIn', () => {
  test('masks every URL of a free text and leaves the rest', () => {
    expect(maskUrlsIn('Error: accumulating resources: git clone "https://bot:s3cr3t@git.example.com/infra.git?ref=v1" failed; see https://kubectl.docs.kubernetes.io/x')).toBe(
      'Error: accumulating resources: git clone "https://***@git.example.com/infra.git?ref=v1" failed; see https://kubectl.docs.kubernetes.io/x',
    );
    expect(maskUrlsIn('no url here: user:pass@host')).toBe('no url here: user:pass@host');
  });
});

describe('summarizeError (render-error messages)', () => {
  test('quotes at most three lines of the output, bounded and with URL credentials masked', () => {
    expect(summarizeError('line one https://u:p@h.example/x\n\n  two\nthree\nfour\n', null)).toBe('line one https://***@h.example/x two three');
    expect(summarizeError('x'.repeat(5000), 'exit 1')).toBe(`exit 1: ${'x'.repeat(1000)}`);
    expect(summarizeError('', null)).toBe('no error output');
  });
});
