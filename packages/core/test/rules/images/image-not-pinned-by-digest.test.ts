import { imageNotPinnedByDigest } from '../../../src/rules/images/image-not-pinned-by-digest';
import { testRule, yaml } from '../../rule-tester';

testRule(imageNotPinnedByDigest, {
  valid: [
    {
      name: 'sha256 digests, with or without a tag, on init, regular and ephemeral containers',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          namespace: shop
        spec:
          initContainers:
            - name: setup
              image: busybox@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
          containers:
            - name: app
              image: ghcr.io/example/app:1.4.2@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
          ephemeralContainers:
            - name: debug
              image: busybox:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
      `,
    },
    {
      name: 'registry with a port and a sha512 digest (Deployment)',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
                - name: a
                  image: localhost:5000/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                - name: b
                  image: registry.example.com:443/team/app:2.0@sha512:fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210
      `,
    },
    {
      name: 'a missing or empty image is not this rule\'s concern',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: ds
        spec:
          template:
            spec:
              containers:
                - name: a
                - { name: b, image: "" }
      `,
    },
    {
      name: 'objects that create no pods are ignored',
      code: yaml`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: images
        data:
          image: nginx:1.27
      `,
    },
  ],
  invalid: [
    {
      name: 'tags, no tag and latest are all unpinned',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          namespace: shop
        spec:
          containers:
            - name: app
              image: nginx:1.27
            - name: cache
              image: redis
            - name: proxy
              image: "envoyproxy/envoy:latest"
      `,
      errors: [
        { line: 9, column: 7, object: 'Pod shop/web', path: 'spec.containers[0].image', message: 'image "nginx:1.27" of container "app" is not pinned by digest' },
        { line: 11, column: 7, object: 'Pod shop/web', path: 'spec.containers[1].image', message: 'image "redis" of container "cache" is not pinned by digest' },
        { line: 13, column: 7, object: 'Pod shop/web', path: 'spec.containers[2].image', message: 'image "envoyproxy/envoy:latest" of container "proxy"' },
      ],
    },
    {
      name: 'malformed digests do not pin: too short, upper case, unknown algorithm',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
          namespace: data
        spec:
          template:
            spec:
              containers:
                - name: a
                  image: postgres:16@sha256:0123456789abcdef
                - name: b
                  image: postgres@sha256:0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF
                - name: c
                  image: postgres@md5:0123456789abcdef0123456789abcdef
                - name: d
                  image: postgres@sha512:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
      `,
      errors: [
        { line: 11, column: 11, object: 'StatefulSet data/db', path: 'spec.template.spec.containers[0].image' },
        { line: 13, column: 11, object: 'StatefulSet data/db', path: 'spec.template.spec.containers[1].image' },
        { line: 15, column: 11, object: 'StatefulSet data/db', path: 'spec.template.spec.containers[2].image' },
        { line: 17, column: 11, object: 'StatefulSet data/db', path: 'spec.template.spec.containers[3].image' },
      ],
    },
    {
      name: 'init and ephemeral containers of a CronJob',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: backup
          namespace: ops
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  initContainers:
                    - name: wait
                      image: busybox:1.36
                  containers:
                    - name: backup
                      image: backup@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                  ephemeralContainers:
                    - name: debug
                      image: localhost:5000/tools
      `,
      errors: [
        { line: 15, column: 15, object: 'CronJob ops/backup', path: 'spec.jobTemplate.spec.template.spec.initContainers[0].image', message: 'image "busybox:1.36" of init container "wait" is not pinned by digest' },
        { line: 21, column: 15, object: 'CronJob ops/backup', path: 'spec.jobTemplate.spec.template.spec.ephemeralContainers[0].image', message: 'image "localhost:5000/tools" of ephemeral container "debug" is not pinned by digest' },
      ],
    },
    {
      name: 'Job and ReplicationController items of a kind: List, flow style',
      code: yaml`
        apiVersion: v1
        kind: List
        items:
          - apiVersion: batch/v1
            kind: Job
            metadata: { name: migrate, namespace: shop }
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers: [{ name: migrate, image: "app:1.0" }]
          - { apiVersion: v1, kind: ReplicationController, metadata: { name: rc }, spec: { template: { spec: { containers: [{ image: legacy, name: legacy }] } } } }
      `,
      errors: [
        { line: 11, column: 41, object: 'Job shop/migrate', path: 'spec.template.spec.containers[0].image', message: 'image "app:1.0" of container "migrate"' },
        { line: 12, column: 119, object: 'ReplicationController rc', path: 'spec.template.spec.containers[0].image', message: 'image "legacy" of container "legacy"' },
      ],
    },
    {
      name: 'several documents: only the unpinned container of each workload',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: shop
        spec:
          template:
            spec:
              containers:
                - name: api
                  image: api@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                - name: proxy
                  image: envoy:1.30
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: api
          namespace: shop
        spec:
          ports: [{ port: 80 }]
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
        spec:
          template:
            spec:
              containers:
                - image: agent:3
                  name: agent
      `,
      errors: [
        { line: 13, column: 11, object: 'Deployment shop/api', path: 'spec.template.spec.containers[1].image', message: 'image "envoy:1.30" of container "proxy"' },
        { line: 31, column: 11, object: 'DaemonSet agent', path: 'spec.template.spec.containers[0].image', message: 'image "agent:3" of container "agent"' },
      ],
    },
  ],
});
