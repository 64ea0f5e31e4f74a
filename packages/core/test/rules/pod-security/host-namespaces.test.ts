import { hostNamespaces } from '../../../src/rules/pod-security/host-namespaces';
import { testRule, yaml } from '../../rule-tester';

testRule(hostNamespaces, {
  valid: [
    {
      name: 'fields absent or false (including YAML 1.1 no/off)',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: web, namespace: shop }
        spec:
          template:
            spec:
              hostNetwork: false
              hostPID: no
              hostIPC: off
              containers:
                - name: app
                  image: nginx:1.27
        ---
        apiVersion: v1
        kind: Pod
        metadata: { name: plain }
        spec:
          containers:
            - name: a
              image: a:1
      `,
    },
    {
      name: 'host fields outside a pod spec are not pod settings',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: { name: wf }
        spec:
          hostNetwork: true
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: web }
        spec:
          hostNetwork: true
          template:
            metadata:
              labels: { hostPID: "true" }
            spec:
              containers:
                - name: app
                  image: nginx:1.27
      `,
    },
    {
      name: 'List of a Job, a CronJob and a PodTemplate without host namespaces',
      code: yaml`
        apiVersion: v1
        kind: List
        items:
          - apiVersion: batch/v1
            kind: Job
            metadata: { name: job }
            spec:
              template:
                spec:
                  hostPID: false
                  containers: [{ name: a, image: a:1 }]
          - apiVersion: batch/v1
            kind: CronJob
            metadata: { name: cron }
            spec:
              schedule: "@daily"
              jobTemplate:
                spec:
                  template:
                    spec:
                      containers: [{ name: b, image: b:1 }]
          - apiVersion: v1
            kind: PodTemplate
            metadata: { name: tpl }
            template:
              spec:
                hostIPC: false
                containers: [{ name: c, image: c:1 }]
      `,
    },
  ],
  invalid: [
    {
      name: 'Pod sharing all three namespaces (true and YAML 1.1 yes/on)',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: debug
          namespace: ops
        spec:
          hostIPC: on
          hostNetwork: true
          hostPID: yes
          containers:
            - name: shell
              image: busybox:1.36
      `,
      errors: [
{ line: 7, column: 3, object: 'Pod ops/debug', path: 'spec.hostIPC', message: "pod shares the host's IPC namespace (hostIPC: true)" },
        { line: 8, column: 3, object: 'Pod ops/debug', path: 'spec.hostNetwork', message: "pod shares the host's network namespace (hostNetwork: true)" },
        { line: 9, column: 3, object: 'Pod ops/debug', path: 'spec.hostPID', message: "pod shares the host's process ID namespace (hostPID: true)" },
      ],
    },
    {
      name: 'DaemonSet, CronJob and ReplicationController in one stream',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: node-exporter
          namespace: monitoring
        spec:
          template:
            spec:
              hostNetwork: true
              hostPID: false
              containers:
                - name: exporter
                  image: exporter:1
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: audit
        spec:
          schedule: "@daily"
          jobTemplate:
            spec:
              template:
                spec:
                  hostPID: true
                  containers:
                    - name: audit
                      image: audit:1
        ---
        apiVersion: v1
        kind: ReplicationController
        metadata: { name: rc, namespace: legacy }
        spec:
          template:
            spec: { hostIPC: true, containers: [{ name: a, image: a:1 }] }
      `,
      errors: [
{ line: 9, column: 7, object: 'DaemonSet monitoring/node-exporter', path: 'spec.template.spec.hostNetwork', message: 'hostNetwork: true' },
        { line: 25, column: 11, object: 'CronJob audit', path: 'spec.jobTemplate.spec.template.spec.hostPID', message: 'hostPID: true' },
        { line: 35, column: 13, object: 'ReplicationController legacy/rc', path: 'spec.template.spec.hostIPC', message: 'hostIPC: true' },
      ],
    },
    {
      name: 'kind: List with a StatefulSet, a Job and a PodTemplate',
      code: yaml`
        apiVersion: v1
        kind: List
        items:
          - apiVersion: apps/v1
            kind: StatefulSet
            metadata: { name: sts, namespace: data }
            spec:
              template:
                spec:
                  hostNetwork: true
                  containers: [{ name: a, image: a:1 }]
          - apiVersion: batch/v1
            kind: Job
            metadata: { name: job }
            spec:
              template:
                spec:
                  containers: [{ name: b, image: b:1 }]
          - apiVersion: v1
            kind: PodTemplate
            metadata: { name: tpl }
            template:
              spec:
                hostIPC: true
                containers: [{ name: c, image: c:1 }]
      `,
      errors: [
{ line: 10, column: 11, object: 'StatefulSet data/sts', path: 'spec.template.spec.hostNetwork' },
        { line: 24, column: 9, object: 'PodTemplate tpl', path: 'template.spec.hostIPC' },
      ],
    },
    {
      name: 'value merged in from an anchor is located where it is written',
      code: yaml`
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata: { name: rs }
        spec:
          template:
            spec:
              <<: &host
                hostPID: true
              containers:
                - name: a
                  image: a:1
      `,
      errors: [
{ line: 8, column: 9, object: 'ReplicaSet rs', path: 'spec.template.spec.hostPID', message: 'hostPID: true' },
      ],
    },
    {
      name: 'JSON manifest: located at the quoted key',
      code: yaml`
        {
          "apiVersion": "v1",
          "kind": "Pod",
          "metadata": { "name": "json-pod", "namespace": "dev" },
          "spec": {
            "hostNetwork": true,
            "containers": [{ "name": "a", "image": "a:1" }]
          }
        }
      `,
      errors: [
{ line: 6, column: 5, object: 'Pod dev/json-pod', path: 'spec.hostNetwork', message: "pod shares the host's network namespace" },
      ],
    },
  ],
});
