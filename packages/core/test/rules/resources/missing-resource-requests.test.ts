import { missingResourceRequests } from '../../../src/rules/resources/missing-resource-requests';
import { testRule, yaml } from '../../rule-tester';

testRule(missingResourceRequests, {
  valid: [
    {
      name: 'cpu and memory requests on init and regular containers of a Deployment',
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
                    requests: { cpu: 50m, memory: 64Mi }
              containers:
                - name: app
                  image: app:1.0
                  resources:
                    requests:
                      cpu: 100m
                      memory: 128Mi
      `,
    },
    {
      name: 'a limit counts as a request, as Kubernetes copies it',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: limited
        spec:
          containers:
            - name: app
              image: app:1.0
              resources:
                limits:
                  cpu: 500m
                  memory: 256Mi
      `,
    },
    {
      name: 'a cpu request and a memory limit together cover both resources (StatefulSet)',
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
                - name: postgres
                  image: postgres:16
                  resources:
                    requests: { cpu: 250m }
                    limits: { memory: 1Gi }
      `,
    },
    {
      name: 'ephemeral containers are not checked',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: debug-me, namespace: shop }
        spec:
          containers:
            - name: app
              image: app:1.0
              resources: { requests: { cpu: 10m, memory: 10Mi } }
          ephemeralContainers:
            - name: debugger
              image: busybox:1.36
      `,
    },
    {
      name: 'resources option [memory]: no cpu request is needed',
      options: { resources: ['memory'] },
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: report
        spec:
          schedule: "@daily"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                    - name: report
                      image: report:1.0
                      resources:
                        requests:
                          memory: 64Mi
      `,
    },
    {
      name: 'objects that create no pods are ignored',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
        ---
        apiVersion: v1
        kind: LimitRange
        metadata:
          name: defaults
          namespace: shop
        spec:
          limits:
            - type: Container
              defaultRequest: { cpu: 100m, memory: 64Mi }
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment container without any resources',
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
                - name: app
                  image: app:1.0
      `,
      errors: [
        { line: 10, column: 11, object: 'Deployment shop/web', path: 'spec.template.spec.containers[0].resources.requests', message: 'container "app" has no cpu or memory request' },
      ],
    },
    {
      name: 'a partial request names the missing resource; a cpu limit alone leaves memory missing',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: partial
          namespace: shop
        spec:
          initContainers:
            - name: setup
              image: busybox:1.36
              resources:
                requests:
                  cpu: 10m
          containers:
            - name: app
              image: app:1.0
              resources:
                limits:
                  cpu: 200m
      `,
      errors: [
        { line: 11, column: 9, object: 'Pod shop/partial', path: 'spec.initContainers[0].resources.requests.memory', message: 'init container "setup" has no memory request' },
        { line: 16, column: 7, object: 'Pod shop/partial', path: 'spec.containers[0].resources.requests.memory', message: 'container "app" has no memory request' },
      ],
    },
    {
      name: 'empty or null values are not requests nor limits (Job)',
      code: yaml`
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: migrate
          namespace: shop
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: migrate
                  image: app:1.0
                  resources:
                    requests:
                      cpu: 100m
                      memory: ""
                    limits:
                      memory: ~
                - name: sidecar
                  image: proxy:1.0
                  resources:
                    requests:
      `,
      errors: [
        { line: 16, column: 15, object: 'Job shop/migrate', path: 'spec.template.spec.containers[0].resources.requests.memory', message: 'container "migrate" has no memory request' },
        { line: 22, column: 13, object: 'Job shop/migrate', path: 'spec.template.spec.containers[1].resources.requests', message: 'container "sidecar" has no cpu or memory request' },
      ],
    },
    {
      name: 'CronJob init container under spec.jobTemplate.spec.template',
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
                      image: backup:2.1
                      resources:
                        requests: { cpu: 100m, memory: 100Mi }
      `,
      errors: [
        { line: 14, column: 15, object: 'CronJob ops/backup', path: 'spec.jobTemplate.spec.template.spec.initContainers[0].resources.requests', message: 'init container "wait" has no cpu or memory request' },
      ],
    },
    {
      name: 'DaemonSet and StatefulSet in a kind: List, flow style',
      code: yaml`
        apiVersion: v1
        kind: List
        items:
          - apiVersion: apps/v1
            kind: DaemonSet
            metadata: { name: agent, namespace: kube-system }
            spec:
              template:
                spec:
                  containers: [{ name: agent, image: "agent:3", resources: { requests: { memory: 32Mi } } }]
          - apiVersion: apps/v1
            kind: StatefulSet
            metadata: { name: cache }
            spec: { template: { spec: { containers: [{ name: redis, image: "redis:7" }] } } }
      `,
      errors: [
        { line: 10, column: 70, object: 'DaemonSet kube-system/agent', path: 'spec.template.spec.containers[0].resources.requests.cpu', message: 'container "agent" has no cpu request' },
        { line: 14, column: 48, object: 'StatefulSet cache', path: 'spec.template.spec.containers[0].resources.requests', message: 'container "redis" has no cpu or memory request' },
      ],
    },
    {
      name: 'resources option [cpu]: a memory request alone is not enough; several documents',
      options: { resources: ['cpu'] },
      code: yaml`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        data: { a: "1" }
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          template:
            spec:
              containers:
                - name: api
                  image: api:1.0
                  resources:
                    requests:
                      memory: 256Mi
                - name: proxy
                  image: proxy:1.0
                  resources:
                    limits: { cpu: 100m }
      `,
      errors: [
        { line: 18, column: 13, object: 'Deployment api', path: 'spec.template.spec.containers[0].resources.requests.cpu', message: 'container "api" has no cpu request' },
      ],
    },
  ],
});
