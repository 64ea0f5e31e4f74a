import { hostPort } from '../../../src/rules/exposure/host-port';
import { testRule, yaml } from '../../rule-tester';

testRule(hostPort, {
  valid: [
    {
      name: 'container ports without hostPort, or hostPort 0',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: web, namespace: shop }
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: web:1
                  ports:
                    - containerPort: 8080
                    - containerPort: 9090
                      hostPort: 0
      `,
    },
    {
      name: 'hostile shapes do not throw',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: null
        spec:
          containers:
            - name: a
              ports: "x"
            - name: b
              ports: [8080, null, [], { hostPort: "80" }, { hostPort: [] }]
            - "x"
          initContainers: { name: c }
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: { name: broken }
        spec: []
      `,
    },
  ],
  invalid: [
    {
      name: 'init, regular and ephemeral containers of a DaemonSet',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
          namespace: monitoring
        spec:
          template:
            spec:
              initContainers:
                - name: setup
                  ports: [{ containerPort: 1, hostPort: 1 }]
              containers:
                - name: exporter
                  image: exporter:1
                  ports:
                    - containerPort: 9100
                    - name: metrics
                      containerPort: 9101
                      hostPort: 9101
              ephemeralContainers:
                - name: debug
                  ports:
                    - hostPort: 2222
      `,
      errors: [
        { line: 11, column: 39, object: 'DaemonSet monitoring/agent', path: 'spec.template.spec.initContainers[0].ports[0].hostPort', message: 'init container "setup" binds port 1 of the node' },
        { line: 19, column: 15, object: 'DaemonSet monitoring/agent', path: 'spec.template.spec.containers[0].ports[1].hostPort', message: 'container "exporter" binds port 9101 of the node (hostPort)' },
        { line: 23, column: 15, object: 'DaemonSet monitoring/agent', path: 'spec.template.spec.ephemeralContainers[0].ports[0].hostPort', message: 'ephemeral container "debug" binds port 2222' },
      ],
    },
    {
      name: 'a bare Pod and a CronJob',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: p }
        spec:
          containers:
            - name: app
              ports:
                - { containerPort: 80, hostPort: 8080 }
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: { name: cj, namespace: ops }
        spec:
          schedule: "@hourly"
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                    - name: job
                      ports: [{ hostPort: 5000 }]
      `,
      errors: [
        { line: 8, column: 32, object: 'Pod p', path: 'spec.containers[0].ports[0].hostPort', message: 'container "app" binds port 8080' },
        { line: 21, column: 25, object: 'CronJob ops/cj', path: 'spec.jobTemplate.spec.template.spec.containers[0].ports[0].hostPort', message: 'binds port 5000' },
      ],
    },
  ],
});
