import { summarizeError } from '../src/render/types';
import { MASK, maskUrlCredentials, maskUrlsIn } from '../src/text/mask-url';

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
    expect(maskUrlCredentials('http://user:pa ss@host.example')).toBe('http://***@host.example');
    expect(maskUrlCredentials('http://user:p://x@host.example')).toBe('http://***@host.example');
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
    expect(maskUrlCredentials('https://host.example\\a\\b@y.example')).toBe('https://host.example\\a\\b@y.example');
    expect(maskUrlCredentials('https://host.example?email=a@b.example')).toBe('https://host.example?email=a@b.example');
    expect(maskUrlCredentials('https://github.com/org/repo@v1/x')).toBe('https://github.com/org/repo@v1/x');
  });

  test('text without a URL is unchanged', () => {
    for (const text of ['git@github.com:org/repo.git', 'github.com/org/repo//base?ref=v1', '../base', 'minio.storage:9000', 'C:\\Users\\me@corp', 'key: token=abc', '']) {
      expect(maskUrlCredentials(text)).toBe(text);
    }
  });

  test('the mask keeps nothing of the value', () => {
    const masked = maskUrlCredentials('https://user:Zq7LongSecretValue@host.example');
    expect(masked).not.toContain('Zq7');
    expect(masked).not.toContain(String('Zq7LongSecretValue'.length));
    expect(masked).toContain(MASK);
  });

  test('masking twice gives what masking once gives', () => {
    for (const url of ['https://u:p@h/x?token=t#access_token=a', 'https:/u:p@h;jsessionid=s?x=1;sid=2', ' \thttp://u@h?next=https://v:q@i']) {
      expect(maskUrlCredentials(maskUrlCredentials(url))).toBe(maskUrlCredentials(url));
    }
  });
});

// Issue 12, finding 6: each way a credential used to escape the mask.
describe('maskUrlCredentials: credentials that used to escape', () => {
  test.each([
    ['a leading space', ' https://user:Zq7pw@host/x', ' https://***@host/x'],
    ['a leading tab', '\thttps://user:Zq7pw@host/x', '\thttps://***@host/x'],
    ['leading words', 'see http://Zq7tok@host', 'see http://***@host'],
    ['one slash', 'https:/user:Zq7pw@host/x', 'https:/***@host/x'],
    ['no slash (special scheme)', 'https:user:Zq7pw@host/x', 'https:***@host/x'],
    ['three slashes', 'https:///user:Zq7pw@host/x', 'https:///***@host/x'],
    ['backslashes (special scheme)', 'https:\\\\user:Zq7pw@host\\x', 'https:\\\\***@host\\x'],
    ['one slash, other scheme', 'ssh:/git:Zq7pw@host/x', 'ssh:/***@host/x'],
    ['upper-case scheme, one slash', 'HTTPS:/user:Zq7pw@host', 'HTTPS:/***@host'],
    ['a fragment token', 'https://host/cb#token=Zq7tok', 'https://host/cb#token=***'],
    ['a fragment access_token', 'https://host/cb#access_token=Zq7tok&token_type=bearer&expires_in=3600', 'https://host/cb#access_token=***&token_type=bearer&expires_in=3600'],
    ['a fragment route', 'https://host/#/callback?session=Zq7s', 'https://host/#/callback?session=***'],
    ['; between query parameters', 'https://host/x?ref=v1;token=Zq7tok;a=b', 'https://host/x?ref=v1;token=***;a=b'],
    ['; in a fragment', 'https://host/x#a=1;id_token=Zq7tok', 'https://host/x#a=1;id_token=***'],
    ['a ;jsessionid path parameter', 'https://host/app;jsessionid=Zq7s?x=1', 'https://host/app;jsessionid=***?x=1'],
    ['jwt', 'https://host/x?jwt=Zq7j', 'https://host/x?jwt=***'],
    ['bearer', 'https://host/x?bearer=Zq7b', 'https://host/x?bearer=***'],
    ['session', 'https://host/x?session=Zq7s', 'https://host/x?session=***'],
    ['sessionid', 'https://host/x?sessionid=Zq7s', 'https://host/x?sessionid=***'],
    ['session_id', 'https://host/x?session_id=Zq7s', 'https://host/x?session_id=***'],
    ['JSESSIONID', 'https://host/x?JSESSIONID=Zq7s', 'https://host/x?JSESSIONID=***'],
    ['PHPSESSID', 'https://host/x?PHPSESSID=Zq7s', 'https://host/x?PHPSESSID=***'],
    ['ticket', 'https://host/x?ticket=Zq7t', 'https://host/x?ticket=***'],
    ['otp', 'https://host/x?otp=Zq7o', 'https://host/x?otp=***'],
    ['a token with an unescaped #', 'https://Zq7tok#en@git.example.com/x', 'https://***@git.example.com/x'],
    ['a token with an unescaped ?', 'https://Zq7tok?en@git.example.com', 'https://***@git.example.com'],
    ['a token with an unescaped /', 'https://Zq7tok/en@git.example.com/x', 'https://***@git.example.com/x'],
    ['a nested URL', 'https://host/login?next=https://user:Zq7pw@other/x?token=Zq7t', 'https://host/login?next=https://***@other/x?token=***'],
  ])('%s: %s', (_case, url, masked) => {
    expect(maskUrlCredentials(url)).toBe(masked);
    expect(maskUrlCredentials(url)).not.toContain('Zq7');
  });

  test('parameters that are not credentials are kept', () => {
    const url = 'https://host/x;v=1?ref=main;path=a/b&expires=3600&state=xyz&id=7#section-2';
    expect(maskUrlCredentials(url)).toBe(url);
  });

  test('punctuation that closes a quoted URL stays after the mask', () => {
    expect(maskUrlsIn('url "https://host/x?token=Zq7t" of GitRepository "a"')).toBe('url "https://host/x?token=***" of GitRepository "a"');
    expect(maskUrlsIn('(see https://host/x#token=Zq7t)')).toBe('(see https://host/x#token=***)');
  });
});

describe('maskUrlsIn', () => {
  test('masks every URL of a free text and leaves the rest', () => {
    expect(maskUrlsIn('Error: accumulating resources: git clone "https://bot:s3cr3t@git.example.com/infra.git?ref=v1" failed; see https://kubectl.docs.kubernetes.io/x')).toBe(
      'Error: accumulating resources: git clone "https://***@git.example.com/infra.git?ref=v1" failed; see https://kubectl.docs.kubernetes.io/x',
    );
    expect(maskUrlsIn('no url here: user:pass@host')).toBe('no url here: user:pass@host');
    expect(maskUrlsIn('a\thttps:/u:Zq7p@h\nb https://h?otp=Zq7o;x=1')).toBe('a\thttps:/***@h\nb https://h?otp=***;x=1');
  });

  test('takes time linear in the length of the text, whatever it holds', () => {
    const texts = ['a'.repeat(200_000), 'a:'.repeat(100_000), 'http://'.repeat(30_000), `http://${'@'.repeat(200_000)}`, `https://h/?${'t=1&'.repeat(50_000)}`, `https://h/?token=${'"'.repeat(100_000)}x`];
    const started = Date.now();
    for (const text of texts) maskUrlsIn(text);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('summarizeError (render-error messages)', () => {
  test('quotes at most three lines of the output, bounded and with URL credentials masked', () => {
    expect(summarizeError('line one https://u:p@h.example/x\n\n  two\nthree\nfour\n', null)).toBe('line one https://***@h.example/x two three');
    expect(summarizeError('x'.repeat(5000), 'exit 1')).toBe(`exit 1: ${'x'.repeat(1000)}`);
    expect(summarizeError('', null)).toBe('no error output');
  });
});
