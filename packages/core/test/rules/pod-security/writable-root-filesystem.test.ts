import { writableRootFilesystem } from '../../../src/rules/pod-security/writable-root-filesystem';
import { testRule, yaml } from '../../rule-tester';

testRule(writableRootFilesystem, {
  valid: [
    {
      name: 'read-only root on init, regular and ephemeral containers (block, flow, YAML 1.1 yes)',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: web, namespace: shop }
        spec:
          template:
            spec:
              initContainers:
                - name: init
                  image: busybox:1.36
                  securityContext: { readOnlyRootFilesystem: true }
              containers:
                - name: app
                  image: nginx:1.27
                  securityContext:
                    readOnlyRootFilesystem: yes
                  volumeMounts:
                    - name: tmp
                      mountPath: /tmp
              ephemeralContainers:
                - name: debug
                  image: busybox:1.36
                  securityContext:
                    readOnlyRootFilesystem: true
              volumes:
                - name: tmp
                  emptyDir: {}
      `,
    },
    {
      name: 'Windows pod is exempt',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: { name: win }
        spec:
          template:
            spec:
              os:
                name: windows
              containers:
                - name: app
                  image: app:1
      `,
    },
    {
      name: 'CronJob with the field set',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: { name: c }
        spec:
          schedule: "@daily"
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                    - name: a
                      image: a:1
                      securityContext:
                        readOnlyRootFilesystem: true
      `,
    },
  ],
  invalid: [
    {
      name: 'Pod: false, missing field and missing securityContext',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: api
          namespace: prod
        spec:
          containers:
            - name: writes
              image: api:1
              securityContext:
                readOnlyRootFilesystem: false
            - name: partial
              image: api:1
              securityContext:
                runAsNonRoot: true
            - name: bare
              image: api:1
      `,
      errors: [
{ line: 11, column: 9, object: 'Pod prod/api', path: 'spec.containers[0].securityContext.readOnlyRootFilesystem', message: 'container "writes" has a writable root filesystem' },
        { line: 14, column: 7, object: 'Pod prod/api', path: 'spec.containers[1].securityContext.readOnlyRootFilesystem', message: 'container "partial"' },
        { line: 16, column: 7, object: 'Pod prod/api', path: 'spec.containers[2].securityContext.readOnlyRootFilesystem', message: 'container "bare"' },
      ],
    },
    {
      name: 'a pod-level readOnlyRootFilesystem does not exist and does not count',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
          namespace: data
        spec:
          template:
            spec:
              securityContext:
                readOnlyRootFilesystem: true
              initContainers:
                - name: perms
                  image: busybox:1.36
                  securityContext: { readOnlyRootFilesystem: no }
              containers:
                - name: postgres
                  image: postgres:16
                  securityContext: { runAsUser: 999 }
      `,
      errors: [
{ line: 14, column: 30, object: 'StatefulSet data/db', path: 'spec.template.spec.initContainers[0].securityContext.readOnlyRootFilesystem', message: 'init container "perms" has a writable root filesystem' },
        { line: 18, column: 11, object: 'StatefulSet data/db', path: 'spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem', message: 'container "postgres"' },
      ],
    },
    {
      name: 'PodTemplate and a Job with an ephemeral container, in two documents',
      code: yaml`
        apiVersion: v1
        kind: PodTemplate
        metadata:
          name: tpl
          namespace: batch
        template:
          spec:
            containers:
              - name: t
                image: t:1
                securityContext:
                  readOnlyRootFilesystem: true
              - name: u
                image: u:1
        ---
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: job
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: j
                  image: j:1
                  securityContext:
                    readOnlyRootFilesystem: true
              ephemeralContainers:
                - name: debug
                  image: busybox:1.36
      `,
      errors: [
{ line: 13, column: 9, object: 'PodTemplate batch/tpl', path: 'template.spec.containers[1].securityContext.readOnlyRootFilesystem', message: 'container "u"' },
        { line: 30, column: 11, object: 'Job job', path: 'spec.template.spec.ephemeralContainers[0].securityContext.readOnlyRootFilesystem', message: 'ephemeral container "debug"' },
      ],
    },
    {
      name: 'kind: List with a DaemonSet and a ReplicaSet',
      code: yaml`
        apiVersion: v1
        kind: List
        metadata: {}
        items:
          - apiVersion: apps/v1
            kind: DaemonSet
            metadata: { name: ds, namespace: node }
            spec:
              template:
                spec:
                  containers:
                    - name: agent
                      image: agent:1
                      securityContext:
                        readOnlyRootFilesystem: "true"
          - apiVersion: apps/v1
            kind: ReplicaSet
            metadata: { name: rs, namespace: node }
            spec:
              template:
                spec:
                  containers:
                    - name: web
                      image: web:1
      `,
      errors: [
{ line: 15, column: 17, object: 'DaemonSet node/ds', path: 'spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem', message: 'container "agent"' },
        { line: 23, column: 15, object: 'ReplicaSet node/rs', path: 'spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem', message: 'container "web"' },
      ],
    },
    {
      name: 'flow-style container list: located at the first key of the flow map',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: compact, namespace: shop }
        spec:
          template:
            spec:
              containers: [{ name: a, image: a:1 }, { image: b:1, name: b, securityContext: {} }]
      `,
      errors: [
{ line: 7, column: 22, object: 'Deployment shop/compact', path: 'spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem', message: 'container "a"' },
        { line: 7, column: 68, object: 'Deployment shop/compact', path: 'spec.template.spec.containers[1].securityContext.readOnlyRootFilesystem', message: 'container "b"' },
      ],
    },
  ],
});
