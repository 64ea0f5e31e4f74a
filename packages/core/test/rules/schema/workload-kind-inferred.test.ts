import { workloadKindInferred } from '../../../src/rules/schema/workload-kind-inferred';
import { testRule, yaml } from '../../rule-tester';

testRule(workloadKindInferred, {
  valid: [
    {
      name: 'built-in kinds, custom kinds without a pod template, and containers that are not a list',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers: [{ name: app }]
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
        apiVersion: example.com/v1
        kind: Database
        metadata:
          name: db
        spec:
          replicas: 3
        ---
        apiVersion: example.com/v1
        kind: Odd
        metadata:
          name: odd
        spec:
          template:
            spec:
              containers: { name: app }
      `,
    },
  ],
  invalid: [
    {
      name: 'one note per object, at its kind, saying how to declare it',
      code: yaml`
        apiVersion: example.com/v1
        kind: Worker
        metadata:
          name: w
          namespace: jobs
        spec:
          template:
            metadata:
              labels: { app: w }
            spec:
              containers:
                - name: a
                - name: b
        ---
        apiVersion: sources.knative.dev/v1
        kind: ContainerSource
        metadata:
          name: heartbeat
        spec:
          template:
            spec:
              containers: []
      `,
      errors: [
        {
          line: 2,
          column: 1,
          object: 'Worker jobs/w',
          path: 'kind',
          message: 'Worker "w" is linted as a workload with its pod template at spec.template (inferred): declare it under workloads: in .k8s-lint.yaml ({ apiVersion: example.com/v1, kind: Worker, podSpecPath: spec.template.spec })',
        },
        { line: 16, column: 1, object: 'ContainerSource heartbeat', path: 'kind', message: 'ContainerSource "heartbeat" is linted as a workload' },
      ],
    },
  ],
});
