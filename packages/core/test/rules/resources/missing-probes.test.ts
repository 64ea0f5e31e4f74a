import { missingProbes } from '../../../src/rules/resources/missing-probes';
import { testRule, yaml } from '../../rule-tester';

const P = 'spec.template.spec';

testRule(missingProbes, {
  valid: [
    {
      name: 'both probes; init and ephemeral containers, Pods, Jobs and CronJobs are not checked',
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
                  image: migrate:1
              containers:
                - name: app
                  image: web:1
                  livenessProbe:
                    httpGet: { path: /healthz, port: 8080 }
                  readinessProbe:
                    tcpSocket: { port: 8080 }
              ephemeralContainers:
                - name: debug
                  image: busybox:1.36
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: bare
        spec:
          containers:
            - name: app
              image: app:1
        ---
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: once
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: job
                  image: job:1
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: nightly
        spec:
          schedule: "@daily"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                    - name: job
                      image: job:1
      `,
    },
    {
      name: 'hostile shapes do not throw',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: odd
        spec:
          template:
            spec:
              containers: { name: app }
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: odd2
        spec:
          template:
            spec:
              containers:
                - null
                - [a, b]
                - "app"
      `,
    },
  ],
  invalid: [
    {
      name: 'one finding per container: at the missing probe, or at the container when both are missing',
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
                  readinessProbe:
                    exec: { command: [pg_isready] }
                - name: exporter
                  image: exporter:1
                  livenessProbe:
                    httpGet: { path: /, port: 9187 }
                - name: sidecar
                  image: sidecar:1
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
          namespace: ops
        spec:
          template:
            spec:
              containers:
                - image: agent:1
                  livenessProbe: null
                  readinessProbe: {}
        ---
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: rs
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: app:1
        ---
        apiVersion: v1
        kind: ReplicationController
        metadata:
          name: rc
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: app:1
                  readinessProbe: "yes"
                  livenessProbe:
                    exec: { command: [true] }
      `,
      errors: [
        { line: 10, column: 11, object: 'StatefulSet data/db', path: `${P}.containers[0].livenessProbe`, message: 'container "postgres" has no livenessProbe' },
        { line: 14, column: 11, object: 'StatefulSet data/db', path: `${P}.containers[1].readinessProbe`, message: 'container "exporter" has no readinessProbe' },
        { line: 18, column: 11, object: 'StatefulSet data/db', path: `${P}.containers[2]`, message: 'container "sidecar" has no livenessProbe and no readinessProbe' },
        { line: 31, column: 11, object: 'DaemonSet ops/agent', path: `${P}.containers[0].livenessProbe`, message: 'container "containers[0]" has no livenessProbe' },
        { line: 42, column: 11, object: 'ReplicaSet rs', path: `${P}.containers[0]`, message: 'no livenessProbe and no readinessProbe' },
        { line: 55, column: 11, object: 'ReplicationController rc', path: `${P}.containers[0].readinessProbe`, message: 'container "app" has no readinessProbe' },
      ],
    },
  ],
});
