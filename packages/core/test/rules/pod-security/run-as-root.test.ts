import { runAsRoot } from '../../../src/rules/pod-security/run-as-root';
import { testRule, yaml } from '../../rule-tester';

testRule(runAsRoot, {
  valid: [
    {
      name: 'pod-level runAsNonRoot: true is inherited by init, regular and ephemeral containers',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            spec:
              securityContext:
                runAsNonRoot: true
              initContainers:
                - name: init
                  image: busybox:1.36
              containers:
                - name: app
                  image: nginx:1.27
                  securityContext:
                    readOnlyRootFilesystem: true
              ephemeralContainers:
                - name: debug
                  image: busybox:1.36
      `,
    },
    {
      name: 'pod runAsUser 0 overridden by every container with a non-zero runAsUser',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: p }
        spec:
          securityContext:
            runAsUser: 0
          initContainers:
            - name: init
              image: busybox:1.36
              securityContext: { runAsUser: 1000 }
          containers:
            - name: app
              image: nginx:1.27
              securityContext:
                runAsUser: 1000
      `,
    },
    {
      name: 'non-zero pod runAsUser is enough, even with runAsNonRoot: false on the container',
      code: yaml`
        apiVersion: batch/v1
        kind: Job
        metadata: { name: migrate, namespace: db }
        spec:
          template:
            spec:
              restartPolicy: Never
              securityContext:
                runAsUser: 10001
              containers:
                - name: migrate
                  image: migrate:1
                  securityContext:
                    runAsNonRoot: false
      `,
    },
    {
      name: 'container-level runAsNonRoot in flow style and as YAML 1.1 yes',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: { name: nightly }
        spec:
          schedule: "0 0 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                    - name: a
                      image: a:1
                      securityContext: { runAsNonRoot: true }
                    - name: b
                      image: b:1
                      securityContext:
                        runAsNonRoot: yes
      `,
    },
    {
      name: 'Windows pod is exempt',
      code: yaml`
        apiVersion: v1
        kind: PodTemplate
        metadata: { name: win }
        template:
          spec:
            os:
              name: windows
            containers:
              - name: iis
                image: iis:1
      `,
    },
  ],
  invalid: [
    {
      name: 'nothing set: located at the container securityContext key, or at the entry name',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            spec:
              securityContext:
                fsGroup: 2000
              containers:
                - name: app
                  image: nginx:1.27
                  securityContext:
                    allowPrivilegeEscalation: false
                - name: sidecar
                  image: envoy:1.30
      `,
      errors: [
{ line: 14, column: 11, object: 'Deployment shop/web', path: 'spec.template.spec.containers[0].securityContext.runAsNonRoot', message: 'container "app" may run as root: neither it nor its pod sets runAsNonRoot: true or a non-zero runAsUser' },
        { line: 16, column: 11, object: 'Deployment shop/web', path: 'spec.template.spec.containers[1].securityContext.runAsNonRoot', message: 'container "sidecar" may run as root' },
      ],
    },
    {
      name: 'container runAsUser 0 overrides a non-root pod',
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
                runAsNonRoot: true
                runAsUser: 999
              containers:
                - name: postgres
                  image: postgres:16
                - name: exporter
                  image: exporter:1
                  securityContext:
                    runAsUser: 0
      `,
      errors: [
{ line: 18, column: 13, object: 'StatefulSet data/db', path: 'spec.template.spec.containers[1].securityContext.runAsUser', message: 'container "exporter" runs as root (runAsUser: 0)' },
      ],
    },
    {
      name: 'explicit runAsNonRoot: false on the pod, and on a container overriding the pod',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: a
          namespace: ns1
        spec:
          securityContext:
            runAsNonRoot: false
          containers:
            - name: app
              image: app:1
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: b
          namespace: ns1
        spec:
          securityContext:
            runAsNonRoot: true
          containers:
            - name: ok
              image: app:1
            - name: opted-out
              image: app:1
              securityContext: { runAsNonRoot: false }
      `,
      errors: [
{ line: 8, column: 5, object: 'Pod ns1/a', path: 'spec.securityContext.runAsNonRoot', message: 'container "app" may run as root: runAsNonRoot is false' },
        { line: 26, column: 26, object: 'Pod ns1/b', path: 'spec.containers[1].securityContext.runAsNonRoot', message: 'container "opted-out" may run as root: runAsNonRoot is false' },
      ],
    },
    {
      name: 'pod runAsUser 0 not overridden: one finding per container at the pod field',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
          namespace: kube-system
        spec:
          template:
            spec:
              securityContext:
                runAsNonRoot: true
                runAsUser: 0
              initContainers:
                - name: setup
                  image: setup:1
              containers:
                - name: agent
                  image: agent:1
                - name: fine
                  image: agent:1
                  securityContext:
                    runAsUser: 65534
      `,
      errors: [
{ line: 11, column: 9, object: 'DaemonSet kube-system/agent', path: 'spec.template.spec.securityContext.runAsUser', message: 'container "agent" runs as root (runAsUser: 0)' },
        { line: 11, column: 9, object: 'DaemonSet kube-system/agent', path: 'spec.template.spec.securityContext.runAsUser', message: 'init container "setup" runs as root (runAsUser: 0)' },
      ],
    },
    {
      name: 'CronJob: ephemeral container without securityContext, located at its first key (image)',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: cleanup
          namespace: ops
        spec:
          schedule: "*/5 * * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                    - name: cleanup
                      image: cleanup:1
                      securityContext:
                        runAsUser: 1000
                  ephemeralContainers:
                    - image: busybox:1.36
                      name: debug
      `,
      errors: [
{ line: 19, column: 15, object: 'CronJob ops/cleanup', path: 'spec.jobTemplate.spec.template.spec.ephemeralContainers[0].securityContext.runAsNonRoot', message: 'ephemeral container "debug" may run as root' },
      ],
    },
    {
      name: 'kind: List with a ReplicaSet and a ReplicationController',
      code: yaml`
        apiVersion: v1
        kind: List
        items:
          - apiVersion: apps/v1
            kind: ReplicaSet
            metadata: { name: rs, namespace: web }
            spec:
              template:
                spec:
                  securityContext: { runAsNonRoot: true }
                  containers:
                    - name: a
                      image: a:1
          - apiVersion: v1
            kind: ReplicationController
            metadata: { name: rc }
            spec:
              template:
                spec:
                  containers:
                    - name: b
                      image: b:1
                      securityContext: { runAsUser: 0 }
      `,
      errors: [
{ line: 23, column: 34, object: 'ReplicationController rc', path: 'spec.template.spec.containers[0].securityContext.runAsUser', message: 'container "b" runs as root' },
      ],
    },
  ],
});
