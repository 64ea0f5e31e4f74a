import { imagePullPolicyMutableTag } from '../../../src/rules/supply-chain/image-pull-policy-mutable-tag';
import { testRule, yaml } from '../../rule-tester';

const P = 'spec.template.spec';

testRule(imagePullPolicyMutableTag, {
  valid: [
    {
      name: 'pinned by digest, Always, and latest/untagged images that default to Always',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: fine
        spec:
          containers:
            - name: pinned
              image: ghcr.io/example/app:1.4.2@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
              imagePullPolicy: IfNotPresent
            - name: always
              image: ghcr.io/example/app:1.4.2
              imagePullPolicy: Always
            - name: latest-default
              image: nginx:latest
            - name: untagged-default
              image: localhost:5000/nginx
            - name: no-image
      `,
    },
  ],
  invalid: [
    {
      name: 'explicit IfNotPresent/Never, and tags that default to IfNotPresent; invalid digests do not pin',
      code: yaml`
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
                  imagePullPolicy: IfNotPresent
              containers:
                - name: app
                  image: ghcr.io/example/app:1.4.2
                - name: latest-cached
                  imagePullPolicy: Never
                  image: nginx:latest
                - name: untagged-cached
                  image: localhost:5000/tools
                  imagePullPolicy: IfNotPresent
                - name: bad-digest
                  image: app:1@sha256:abc
                  imagePullPolicy: Always
                - name: short-digest
                  image: app:2@sha256:abc
      `,
      errors: [
        { line: 12, column: 11, object: 'Deployment shop/web', path: `${P}.initContainers[0].imagePullPolicy`, message: 'image "busybox:1.36" of init container "init" is not pinned by digest and imagePullPolicy is "IfNotPresent", not Always' },
        { line: 14, column: 11, object: 'Deployment shop/web', path: `${P}.containers[0].imagePullPolicy`, message: 'image "ghcr.io/example/app:1.4.2" of container "app" uses mutable tag "1.4.2" without imagePullPolicy, which then defaults to IfNotPresent' },
        { line: 17, column: 11, object: 'Deployment shop/web', path: `${P}.containers[1].imagePullPolicy`, message: 'imagePullPolicy is "Never"' },
        { line: 21, column: 11, object: 'Deployment shop/web', path: `${P}.containers[2].imagePullPolicy`, message: 'image "localhost:5000/tools" of container "untagged-cached"' },
        { line: 25, column: 11, object: 'Deployment shop/web', path: `${P}.containers[4].imagePullPolicy`, message: 'uses mutable tag "2"' },
      ],
    },
    {
      name: 'hostile shapes do not throw; null means absent',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: odd
        spec:
          containers:
            - name: a
              image: { repo: nginx }
            - name: b
              image: app:1
              imagePullPolicy: [Always]
            - name: c
              image: app:2
              imagePullPolicy: null
      `,
      errors: [
        { line: 11, column: 7, object: 'Pod odd', path: 'spec.containers[1].imagePullPolicy', message: 'imagePullPolicy is ["Always"]' },
        { line: 14, column: 7, object: 'Pod odd', path: 'spec.containers[2].imagePullPolicy', message: 'uses mutable tag "2" without imagePullPolicy' },
      ],
    },
  ],
});
