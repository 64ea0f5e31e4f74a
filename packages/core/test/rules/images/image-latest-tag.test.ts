import { imageLatestTag } from '../../../src/rules/images/image-latest-tag';
import { testRule, yaml } from '../../rule-tester';

testRule(imageLatestTag, {
  valid: [
    {
      name: 'version tags on init, regular and ephemeral containers',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          namespace: shop
        spec:
          initContainers:
            - name: setup
              image: busybox:1.36
          containers:
            - name: app
              image: docker.io/library/nginx:1.27.0
            - name: sidecar
              image: ghcr.io/example/proxy:v2-latest
          ephemeralContainers:
            - name: debug
              image: busybox:latest-musl
      `,
    },
    {
      name: 'registry with a port and a tag; a repository named latest',
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
                  image: localhost:5000/app:1.0
                - name: b
                  image: registry.example.com:443/team/app:2024.06
                - name: c
                  image: example.com/latest:3.1
      `,
    },
    {
      name: 'digest-pinned images pass even with no tag or the latest tag',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
          namespace: data
        spec:
          template:
            spec:
              initContainers:
                - name: init
                  image: busybox@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
              containers:
                - name: postgres
                  image: postgres:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                - name: exporter
                  image: localhost:5000/exporter@sha512:fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210
      `,
    },
    {
      name: 'a missing or empty image is not this rule\'s concern',
      code: yaml`
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: j
        spec:
          template:
            spec:
              containers:
                - name: a
                - name: b
                  image: ""
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
          image: nginx:latest
      `,
    },
  ],
  invalid: [
    {
      name: 'no tag and the latest tag in a Pod',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          namespace: shop
        spec:
          containers:
            - name: app
              image: nginx
            - name: cache
              image: "redis:latest"
      `,
      errors: [
        { line: 9, column: 7, object: 'Pod shop/web', path: 'spec.containers[0].image', message: 'image "nginx" of container "app" has no tag' },
        { line: 11, column: 7, object: 'Pod shop/web', path: 'spec.containers[1].image', message: 'image "redis:latest" of container "cache" uses the latest tag' },
      ],
    },
    {
      name: 'a registry port is not a tag',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            spec:
              containers:
                - name: a
                  image: localhost:5000/app
                - name: b
                  image: registry.example.com:5000/team/app:latest
      `,
      errors: [
        { line: 11, column: 11, object: 'Deployment shop/web', path: 'spec.template.spec.containers[0].image', message: 'image "localhost:5000/app" of container "a" has no tag' },
        { line: 13, column: 11, object: 'Deployment shop/web', path: 'spec.template.spec.containers[1].image', message: 'uses the latest tag' },
      ],
    },
    {
      name: 'an invalid digest does not pin the image',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
            - name: a
              image: nginx:latest@sha256:1234
            - name: b
              image: nginx@sha256:0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF
      `,
      errors: [
        { line: 8, column: 7, object: 'Pod p', path: 'spec.containers[0].image', message: 'uses the latest tag' },
        { line: 10, column: 7, object: 'Pod p', path: 'spec.containers[1].image', message: 'has no tag' },
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
                      image: busybox
                  containers:
                    - name: backup
                      image: backup:2.1
                  ephemeralContainers:
                    - name: debug
                      image: busybox:latest
      `,
      errors: [
        { line: 15, column: 15, object: 'CronJob ops/backup', path: 'spec.jobTemplate.spec.template.spec.initContainers[0].image', message: 'image "busybox" of init container "wait" has no tag' },
        { line: 21, column: 15, object: 'CronJob ops/backup', path: 'spec.jobTemplate.spec.template.spec.ephemeralContainers[0].image', message: 'image "busybox:latest" of ephemeral container "debug" uses the latest tag' },
      ],
    },
    {
      name: 'DaemonSet and Job items of a kind: List, flow style',
      code: yaml`
        apiVersion: v1
        kind: List
        items:
          - apiVersion: apps/v1
            kind: DaemonSet
            metadata: { name: agent, namespace: monitoring }
            spec:
              template:
                spec:
                  containers: [{ name: agent, image: "prom/node-exporter" }]
          - { apiVersion: batch/v1, kind: Job, metadata: { name: once }, spec: { template: { spec: { containers: [{ image: "alpine:latest", name: sh }] } } } }
      `,
      errors: [
        { line: 10, column: 39, object: 'DaemonSet monitoring/agent', path: 'spec.template.spec.containers[0].image', message: 'has no tag' },
        { line: 11, column: 109, object: 'Job once', path: 'spec.template.spec.containers[0].image', message: 'uses the latest tag' },
      ],
    },
    {
      name: 'several documents: a StatefulSet between a Service and a ReplicaSet',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: db
        spec:
          ports: [{ port: 5432 }]
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          template:
            spec:
              containers:
                - name: postgres
                  image: postgres
        ---
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: rs
          namespace: shop
        spec:
          template:
            spec:
              containers:
                - image: app:latest
                  name: app
      `,
      errors: [
        { line: 17, column: 11, object: 'StatefulSet db', path: 'spec.template.spec.containers[0].image', message: 'has no tag' },
        { line: 28, column: 11, object: 'ReplicaSet shop/rs', path: 'spec.template.spec.containers[0].image', message: 'uses the latest tag' },
      ],
    },
  ],
});
