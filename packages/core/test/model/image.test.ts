import { hasValidDigest, parseImage, type ImageReference } from '../../src/model/image';

const SHA256 = `sha256:${'0123456789abcdef'.repeat(4)}`;
const SHA512 = `sha512:${'fedcba9876543210'.repeat(8)}`;

describe('parseImage', () => {
  test.each<[string, ImageReference]>([
    ['nginx', { repository: 'nginx', tag: undefined, digest: undefined }],
    ['nginx:1.27', { repository: 'nginx', tag: '1.27', digest: undefined }],
    ['nginx:latest', { repository: 'nginx', tag: 'latest', digest: undefined }],
    ['docker.io/library/nginx:1.27-alpine', { repository: 'docker.io/library/nginx', tag: '1.27-alpine', digest: undefined }],
    ['ghcr.io/org/team/app', { repository: 'ghcr.io/org/team/app', tag: undefined, digest: undefined }],
    ['localhost:5000/app', { repository: 'localhost:5000/app', tag: undefined, digest: undefined }],
    ['localhost:5000/app:v1', { repository: 'localhost:5000/app', tag: 'v1', digest: undefined }],
    ['registry.example.com:443/team/app:latest', { repository: 'registry.example.com:443/team/app', tag: 'latest', digest: undefined }],
    [`nginx@${SHA256}`, { repository: 'nginx', tag: undefined, digest: SHA256 }],
    [`nginx:1.27@${SHA256}`, { repository: 'nginx', tag: '1.27', digest: SHA256 }],
    [`localhost:5000/app@${SHA256}`, { repository: 'localhost:5000/app', tag: undefined, digest: SHA256 }],
    [`localhost:5000/app:latest@${SHA512}`, { repository: 'localhost:5000/app', tag: 'latest', digest: SHA512 }],
    ['app@sha256:abc', { repository: 'app', tag: undefined, digest: 'sha256:abc' }],
    ['app:', { repository: 'app', tag: '', digest: undefined }],
  ])('%s', (image, expected) => {
    expect(parseImage(image)).toEqual(expected);
  });
});

describe('hasValidDigest', () => {
  const withDigest = (digest: string | undefined): ImageReference => ({ repository: 'app', tag: undefined, digest });

  test('sha256 with 64 and sha512 with 128 lower-case hex digits are valid', () => {
    expect(hasValidDigest(withDigest(SHA256))).toBe(true);
    expect(hasValidDigest(withDigest(SHA512))).toBe(true);
    expect(hasValidDigest(parseImage(`ghcr.io/org/app:1.0@${SHA256}`))).toBe(true);
  });

  test.each([
    ['no digest', undefined],
    ['an empty digest', ''],
    ['a short sha256', 'sha256:0123456789abcdef'],
    ['a sha256 with 63 digits', SHA256.slice(0, -1)],
    ['a sha256 with 65 digits', `${SHA256}0`],
    ['upper-case hex', SHA256.toUpperCase()],
    ['upper-case hex digits only', `sha256:${'0123456789ABCDEF'.repeat(4)}`],
    ['a non-hex digit', `sha256:${'g'.repeat(64)}`],
    ['sha512 with only 64 digits', `sha512:${'0123456789abcdef'.repeat(4)}`],
    ['an unknown algorithm', `md5:${'0123456789abcdef'.repeat(2)}`],
    ['no algorithm', '0123456789abcdef'.repeat(4)],
    ['surrounding text', `${SHA256} `],
  ])('%s is not a valid digest', (_name, digest) => {
    expect(hasValidDigest(withDigest(digest))).toBe(false);
  });

  test('images without digest, or with a malformed one, are not pinned', () => {
    expect(hasValidDigest(parseImage('nginx:1.27'))).toBe(false);
    expect(hasValidDigest(parseImage('nginx@sha256:1234'))).toBe(false);
    expect(hasValidDigest(parseImage('localhost:5000/app'))).toBe(false);
  });
});
