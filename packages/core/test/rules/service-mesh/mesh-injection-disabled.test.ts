import { meshInjectionDisabled } from '../../../src/rules/service-mesh/mesh-injection-disabled';
import { testRule, yaml } from '../../rule-tester';

testRule(meshInjectionDisabled, {
  valid: [
    {
      name: 'injection enabled on namespaces and pod templates',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels:
            istio-injection: enabled
          annotations:
            linkerd.io/inject: enabled
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            metadata:
              labels:
                sidecar.istio.io/inject: "true"
              annotations:
                linkerd.io/inject: ingress
            spec:
              containers: [{ name: web, image: "web:1.0" }]
      `,
    },
    {
      name: 'the label wins over the annotation, and only pod metadata counts',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
          labels:
            sidecar.istio.io/inject: "false"
          annotations:
            linkerd.io/inject: disabled
        spec:
          template:
            metadata:
              labels:
                sidecar.istio.io/inject: "true"
              annotations:
                sidecar.istio.io/inject: "false"
            spec:
              containers: [{ name: web, image: "web:1.0" }]
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: not-a-namespace
          labels:
            istio-injection: disabled
      `,
    },
    {
      name: 'hostile shapes do not throw',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata: null
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: odd
          labels: [istio-injection]
          annotations: "linkerd.io/inject: disabled"
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: odd
        spec:
          template:
            metadata:
              labels: null
              annotations:
                sidecar.istio.io/inject: [false]
                linkerd.io/inject: { disabled: true }
            spec: []
        ---
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: odd
        spec:
          template: []
      `,
    },
  ],
  invalid: [
    {
      name: 'a Namespace opting out of Istio and Linkerd',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: monitoring
          labels:
            istio-injection: disabled
          annotations:
            linkerd.io/inject: disabled
      `,
      errors: [
        { line: 6, column: 5, object: 'Namespace monitoring', path: 'metadata.labels.istio-injection', message: 'namespace "monitoring" disables Istio sidecar injection' },
        { line: 8, column: 5, object: 'Namespace monitoring', path: 'metadata.annotations["linkerd.io/inject"]', message: 'Linkerd' },
      ],
    },
    {
      name: 'pod templates of a Deployment (label and annotation: the label counts), a CronJob and a Pod',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: exporter
          namespace: monitoring
        spec:
          template:
            metadata:
              labels:
                app: exporter
                sidecar.istio.io/inject: "false"
              annotations:
                sidecar.istio.io/inject: "false"
            spec:
              containers:
                - name: exporter
                  image: exporter:1.0
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: backup
          namespace: ops
        spec:
          schedule: "@daily"
          jobTemplate:
            spec:
              template:
                metadata:
                  annotations:
                    sidecar.istio.io/inject: "false"
                    linkerd.io/inject: disabled
                spec:
                  restartPolicy: Never
                  containers: [{ name: backup, image: "backup:1" }]
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: debug
          annotations: { sidecar.istio.io/inject: "false" }
        spec:
          containers: [{ name: debug, image: "busybox:1.36" }]
      `,
      errors: [
        { line: 11, column: 9, object: 'Deployment monitoring/exporter', path: 'spec.template.metadata.labels["sidecar.istio.io/inject"]', message: 'pods of Deployment "exporter" opt out of Istio sidecar injection' },
        { line: 31, column: 13, object: 'CronJob ops/backup', path: 'spec.jobTemplate.spec.template.metadata.annotations["sidecar.istio.io/inject"]' },
        { line: 32, column: 13, object: 'CronJob ops/backup', path: 'spec.jobTemplate.spec.template.metadata.annotations["linkerd.io/inject"]', message: 'Linkerd' },
        { line: 41, column: 18, object: 'Pod debug', path: 'metadata.annotations["sidecar.istio.io/inject"]' },
      ],
    },
  ],
});
