import { ConfigError, EMPTY_CONFIG, lint } from '../../../src';
import { qualifiedRepository } from '../../../src/model/image-registry';
import { untrustedRegistry } from '../../../src/rules/supply-chain/untrusted-registry';
import { testRule, yaml } from '../../rule-tester';

const P = 'spec.template.spec';

const images = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
    namespace: shop
  spec:
    template:
      spec:
        initContainers:
          - name: init
            image: busybox:1.36
        containers:
          - name: app
            image: ghcr.io/my-org/web:1.2.3
          - name: proxy
            image: ghcr.io/my-org-evil/proxy:1.0
          - name: cache
            image: bitnami/redis:7.2
          - name: hub
            image: index.docker.io/library/nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
          - name: local
            image: localhost:5000/tools/debug:dev
          - name: upper
            image: Registry.Example.com/team/app:2
          - name: noimage
        ephemeralContainers:
          - name: debug
            image: "  "
          - name: shell
            image: localhost/shell
`;

testRule(untrustedRegistry, {
  valid: [
    { name: 'the default empty trustedRegistries list reports nothing', code: images },
    {
      name: 'every image under a trusted host or path, resolved as the runtime does',
      code: images,
      options: { trustedRegistries: ['ghcr.io', 'docker.io', 'localhost:5000', 'registry.example.com', 'localhost'] },
    },
  ],
  invalid: [
    {
      name: 'host/path prefixes match whole segments; Docker Hub names resolve to docker.io(/library)',
      code: images,
      options: { trustedRegistries: ['ghcr.io/my-org', 'docker.io/library', 'localhost:5000', 'registry.example.com/'] },
      errors: [
        { line: 16, column: 11, object: 'Deployment shop/web', path: `${P}.containers[1].image`, message: 'image "ghcr.io/my-org-evil/proxy:1.0" of container "proxy" comes from registry "ghcr.io" (ghcr.io/my-org-evil/proxy), which is not in trustedRegistries' },
        { line: 18, column: 11, object: 'Deployment shop/web', path: `${P}.containers[2].image`, message: 'comes from registry "docker.io" (docker.io/bitnami/redis)' },
        { line: 30, column: 11, object: 'Deployment shop/web', path: `${P}.ephemeralContainers[1].image`, message: 'ephemeral container "shell" comes from registry "localhost" (localhost/shell)' },
      ],
    },
    {
      name: 'only Docker Hub trusted, written in upper case',
      code: images,
      options: { trustedRegistries: ['DOCKER.IO'] },
      errors: [
        { line: 14, column: 11, object: 'Deployment shop/web', path: `${P}.containers[0].image`, message: '(ghcr.io/my-org/web)' },
        { line: 16, column: 11, object: 'Deployment shop/web', path: `${P}.containers[1].image` },
        { line: 22, column: 11, object: 'Deployment shop/web', path: `${P}.containers[4].image`, message: 'registry "localhost:5000" (localhost:5000/tools/debug)' },
        { line: 24, column: 11, object: 'Deployment shop/web', path: `${P}.containers[5].image`, message: 'registry "registry.example.com" (registry.example.com/team/app)' },
        { line: 30, column: 11, object: 'Deployment shop/web', path: `${P}.ephemeralContainers[1].image` },
      ],
    },
    {
      name: 'hostile image values do not throw',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: odd
        spec:
          containers:
            - name: a
              image: 42
            - name: b
              image: [ghcr.io/x]
            - name: c
              image: ":tag"
            - name: d
              image: ghcr.io/
            - name: e
              image: "@sha256:abc"
            - oops
      `,
      options: { trustedRegistries: ['ghcr.io'] },
      errors: [
        { line: 12, column: 7, object: 'Pod odd', path: 'spec.containers[2].image', message: '(docker.io/library/)' },
        { line: 16, column: 7, object: 'Pod odd', path: 'spec.containers[4].image' },
      ],
    },
  ],
});

describe('qualifiedRepository', () => {
  test.each([
    ['nginx', 'docker.io/library/nginx'],
    ['nginx:1.27', 'docker.io/library/nginx'],
    ['bitnami/redis:7', 'docker.io/bitnami/redis'],
    ['docker.io/nginx', 'docker.io/library/nginx'],
    ['index.docker.io/bitnami/redis', 'docker.io/bitnami/redis'],
    ['ghcr.io/org/team/app@sha256:abc', 'ghcr.io/org/team/app'],
    ['localhost/app', 'localhost/app'],
    ['localhost:5000/app:v1', 'localhost:5000/app'],
    ['myregistry:5000/app', 'myregistry:5000/app'],
    ['Quay.IO/org/app', 'quay.io/org/app'],
  ])('%s → %s', (image, expected) => {
    expect(qualifiedRepository(image)).toBe(expected);
  });
});

test('untrusted-registry refuses entries with a scheme or a tag', async () => {
  for (const entry of ['https://ghcr.io', 'ghcr.io/org/app:1.0', '']) {
    const config = { ...EMPTY_CONFIG, rules: { 'untrusted-registry': { severity: 'error' as const, options: { trustedRegistries: [entry] } } } };
    await expect(lint({ paths: ['-'], cwd: process.cwd(), stdinText: images, config, rules: [untrustedRegistry] })).rejects.toThrow(ConfigError);
  }
});
