import { missingProbes } from '../../../src/rules/resources/missing-probes';
import { testRule, yaml } from '../../rule-tester';

const P = 'spec.template.spec';

testRule(missingProbes, {
  valid: [
    {
      name: 'both probes; init and ephemeral containers, run-to-completion Pods, Jobs, CronJobs, ScaledJobs, Workflows and Knative services are not checked',
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
          restartPolicy: Never
          containers:
            - name: app
              image: app:1
        ---
        apiVersion: keda.sh/v1alpha1
        kind: ScaledJob
        metadata:
          name: queue
        spec:
          jobTargetRef:
            template:
              spec:
                containers: [{ name: worker, image: worker:1 }]
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata:
          name: wf
        spec:
          templates:
            - name: main
              container: { image: a:1 }
        ---
        apiVersion: serving.knative.dev/v1
        kind: Service
        metadata:
          name: ksvc
        spec:
          template:
            spec:
              containers: [{ image: app:1 }]
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
    {
      name: 'bare Pods that restart (Always, the default) and long-running custom controllers',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: bare
          namespace: shop
        spec:
          containers:
            - name: app
              image: app:1
              readinessProbe:
                httpGet: { path: /ready, port: 8080 }
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: always
        spec:
          restartPolicy: Always
          containers:
            - name: app
              image: app:1
              livenessProbe:
                httpGet: { path: /healthz, port: 8080 }
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: ro
        spec:
          template:
            spec:
              containers:
                - name: web
                  livenessProbe: { tcpSocket: { port: 80 } }
        ---
        apiVersion: apps.openshift.io/v1
        kind: DeploymentConfig
        metadata:
          name: dc
        spec:
          template:
            spec:
              containers:
                - name: web
                  readinessProbe: { tcpSocket: { port: 80 } }
      `,
      errors: [
        { line: 8, column: 7, object: 'Pod shop/bare', path: 'spec.containers[0].livenessProbe', message: 'container "app" has no livenessProbe' },
        { line: 20, column: 7, object: 'Pod always', path: 'spec.containers[0].readinessProbe', message: 'container "app" has no readinessProbe' },
        { line: 33, column: 11, object: 'Rollout ro', path: `${P}.containers[0].readinessProbe`, message: 'container "web" has no readinessProbe' },
        { line: 44, column: 11, object: 'DeploymentConfig dc', path: `${P}.containers[0].livenessProbe`, message: 'container "web" has no livenessProbe' },
      ],
    },
  ],
});
