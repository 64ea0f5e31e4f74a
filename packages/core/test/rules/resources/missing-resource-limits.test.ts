import { missingResourceLimits } from '../../../src/rules/resources/missing-resource-limits';
import { testRule, yaml } from '../../rule-tester';

testRule(missingResourceLimits, {
  valid: [
    {
      name: 'cpu and memory limits on init and regular containers of a Deployment',
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
                - name: migrate
                  image: app:1.0
                  resources:
                    limits: { cpu: 200m, memory: 64Mi }
              containers:
                - name: app
                  image: app:1.0
                  resources:
                    requests:
                      cpu: 100m
                    limits:
                      cpu: "1"
                      memory: 256Mi
      `,
    },
    {
      name: 'ephemeral containers cannot declare resources and are not checked',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: debug-me
        spec:
          containers:
            - name: app
              image: app:1.0
              resources:
                limits: { cpu: 500m, memory: 128Mi }
          ephemeralContainers:
            - name: debugger
              image: busybox:1.36
      `,
    },
    {
      name: 'resources option [memory]: a memory limit alone is enough',
      options: { resources: ['memory'] },
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          template:
            spec:
              containers:
                - name: postgres
                  image: postgres:16
                  resources:
                    limits:
                      memory: 1Gi
      `,
    },
    {
      name: 'resources option [cpu]: a cpu limit alone is enough',
      options: { resources: ['cpu'] },
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: p }
        spec:
          containers:
            - { name: app, image: "app:1.0", resources: { limits: { cpu: 250m } } }
      `,
    },
    {
      name: 'CronJob with limits under spec.jobTemplate.spec.template',
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
                  containers:
                    - name: backup
                      image: backup:2.1
                      resources:
                        limits: { cpu: 100m, memory: 100Mi }
      `,
    },
    {
      name: 'objects that create no pods are ignored',
      code: yaml`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        data:
          containers: "none"
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          selector: { app: web }
          ports: [{ port: 80 }]
      `,
    },
  ],
  invalid: [
    {
      name: 'Pod container without any resources',
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
      `,
      errors: [
        { line: 8, column: 7, object: 'Pod shop/web', path: 'spec.containers[0].resources.limits', message: 'container "app" has no cpu or memory limit' },
      ],
    },
    {
      name: 'requests are not limits; a partial limit names the missing resource (StatefulSet)',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
          namespace: data
        spec:
          serviceName: db
          template:
            spec:
              initContainers:
                - name: init-perms
                  image: busybox:1.36
                  resources:
                    requests: { cpu: 10m, memory: 16Mi }
              containers:
                - name: postgres
                  image: postgres:16
                  resources:
                    requests:
                      memory: 1Gi
                    limits:
                      cpu: "2"
      `,
      errors: [
        { line: 13, column: 11, object: 'StatefulSet data/db', path: 'spec.template.spec.initContainers[0].resources.limits', message: 'init container "init-perms" has no cpu or memory limit' },
        { line: 21, column: 13, object: 'StatefulSet data/db', path: 'spec.template.spec.containers[0].resources.limits.memory', message: 'container "postgres" has no memory limit' },
      ],
    },
    {
      name: 'CronJob container under spec.jobTemplate.spec.template',
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
                  containers:
                    - image: backup:2.1
                      name: backup
                      resources: {}
      `,
      errors: [
        { line: 16, column: 15, object: 'CronJob ops/backup', path: 'spec.jobTemplate.spec.template.spec.containers[0].resources.limits', message: 'container "backup" has no cpu or memory limit' },
      ],
    },
    {
      name: 'Job and DaemonSet items of a kind: List, without namespace',
      code: yaml`
        apiVersion: v1
        kind: List
        items:
          - apiVersion: batch/v1
            kind: Job
            metadata:
              name: migrate
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                    - name: migrate
                      image: app:1.0
                      resources:
                        limits:
                          memory: 128Mi
          - apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: agent
            spec:
              template:
                spec:
                  containers:
                    - name: agent
                      image: agent:3
      `,
      errors: [
        { line: 16, column: 17, object: 'Job migrate', path: 'spec.template.spec.containers[0].resources.limits.cpu', message: 'container "migrate" has no cpu limit' },
        { line: 26, column: 15, object: 'DaemonSet agent', path: 'spec.template.spec.containers[0].resources.limits', message: 'container "agent" has no cpu or memory limit' },
      ],
    },
    {
      name: 'flow style: an empty limit value does not count, the present key is reported',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: flow, namespace: dev }
        spec:
          containers:
            - { name: a, image: "a:1", resources: { limits: { cpu: "", memory: 64Mi } } }
            - { name: b, image: "b:1", resources: { limits: { cpu: 1 } } }
      `,
      errors: [
        { line: 6, column: 55, object: 'Pod dev/flow', path: 'spec.containers[0].resources.limits.cpu', message: 'container "a" has no cpu limit' },
        { line: 7, column: 45, object: 'Pod dev/flow', path: 'spec.containers[1].resources.limits.memory', message: 'container "b" has no memory limit' },
      ],
    },
    {
      name: 'several documents: ReplicaSet, a Service and a ReplicationController',
      code: yaml`
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: rs
          namespace: shop
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: app:1.0
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: rs
        spec:
          ports: [{ port: 80 }]
        ---
        apiVersion: v1
        kind: ReplicationController
        metadata:
          name: rc
        spec:
          template:
            spec:
              containers:
                - name: legacy
                  image: legacy:1.0
                  resources:
                    limits:
      `,
      errors: [
        { line: 10, column: 11, object: 'ReplicaSet shop/rs', path: 'spec.template.spec.containers[0].resources.limits', message: 'container "app" has no cpu or memory limit' },
        { line: 31, column: 13, object: 'ReplicationController rc', path: 'spec.template.spec.containers[0].resources.limits', message: 'container "legacy" has no cpu or memory limit' },
      ],
    },
    {
      name: 'resources option [cpu]: a memory limit alone is not enough',
      options: { resources: ['cpu'] },
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: app:1.0
                  resources:
                    limits:
                      memory: 256Mi
      `,
      errors: [
        { line: 12, column: 13, object: 'Deployment web', path: 'spec.template.spec.containers[0].resources.limits.cpu', message: 'container "app" has no cpu limit' },
      ],
    },
    {
      name: 'an unnamed container is described by its position; PodTemplate containers are checked',
      code: yaml`
        apiVersion: v1
        kind: PodTemplate
        metadata:
          name: tpl
          namespace: ci
        template:
          spec:
            containers:
              - image: runner:1.0
      `,
      errors: [
        { line: 9, column: 9, object: 'PodTemplate ci/tpl', path: 'template.spec.containers[0].resources.limits', message: 'container "containers[0]" has no cpu or memory limit' },
      ],
    },
  ],
});
