import { privilegeEscalationAllowed } from '../../../src/rules/pod-security/privilege-escalation-allowed';
import { testRule, yaml } from '../../rule-tester';

testRule(privilegeEscalationAllowed, {
  valid: [
    {
      name: 'every init, regular and ephemeral container sets false (block, flow and YAML 1.1 `no`)',
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
                - name: init
                  image: busybox:1.36
                  securityContext: { allowPrivilegeEscalation: false }
              containers:
                - name: app
                  image: nginx:1.27
                  securityContext:
                    allowPrivilegeEscalation: false
                    runAsNonRoot: true
                - name: sidecar
                  image: envoy:1.30
                  securityContext:
                    allowPrivilegeEscalation: no
              ephemeralContainers:
                - name: debug
                  image: busybox:1.36
                  securityContext:
                    allowPrivilegeEscalation: false
      `,
    },
    {
      name: 'Windows pod is exempt',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: win, namespace: apps }
        spec:
          os:
            name: windows
          containers:
            - name: iis
              image: mcr.microsoft.com/windows/servercore/iis:latest
              securityContext:
                windowsOptions:
                  runAsUserName: ContainerUser
      `,
    },
    {
      name: 'CronJob container sets false',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: backup
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                    - name: backup
                      image: restic:0.16
                      securityContext:
                        allowPrivilegeEscalation: false
      `,
    },
    {
      name: 'List item and objects that create no pods',
      code: yaml`
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: ConfigMap
            metadata: { name: settings }
            data:
              containers: none
          - apiVersion: v1
            kind: Pod
            metadata: { name: p }
            spec:
              containers:
                - name: a
                  image: nginx:1.27
                  securityContext: { allowPrivilegeEscalation: false }
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: svc }
        spec:
          ports: [{ port: 80 }]
      `,
    },
  ],
  invalid: [
    {
      name: 'Pod: field missing with and without securityContext, and set to true',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: api
          namespace: prod
        spec:
          containers:
            - name: no-context
              image: nginx:1.27
            - name: partial
              image: nginx:1.27
              securityContext:
                runAsNonRoot: true
            - name: escalates
              image: nginx:1.27
              securityContext:
                allowPrivilegeEscalation: true
      `,
      errors: [
        { line: 8, column: 7, object: 'Pod prod/api', path: 'spec.containers[0].securityContext.allowPrivilegeEscalation', message: 'container "no-context" does not set allowPrivilegeEscalation: false' },
        { line: 12, column: 7, object: 'Pod prod/api', path: 'spec.containers[1].securityContext.allowPrivilegeEscalation', message: 'container "partial" does not set allowPrivilegeEscalation: false' },
        { line: 17, column: 9, object: 'Pod prod/api', path: 'spec.containers[2].securityContext.allowPrivilegeEscalation', message: 'container "escalates" sets allowPrivilegeEscalation: true' },
      ],
    },
    {
      name: 'a pod-level value does not exist and does not protect the containers',
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
              os: { name: linux }
              securityContext:
                allowPrivilegeEscalation: false
                runAsNonRoot: true
              containers:
                - image: postgres:16
                  name: postgres
      `,
      errors: [
        { line: 15, column: 11, object: 'StatefulSet data/db', path: 'spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation', message: 'container "postgres" does not set' },
      ],
    },
    {
      name: 'CronJob init container (flow style, YAML 1.1 yes) and ephemeral container',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: report
          namespace: jobs
        spec:
          schedule: "@hourly"
          jobTemplate:
            spec:
              template:
                spec:
                  initContainers:
                    - name: fetch
                      image: curl:8.5
                      securityContext: { allowPrivilegeEscalation: yes }
                  containers:
                    - name: report
                      image: report:2.1
                      securityContext:
                        allowPrivilegeEscalation: false
                  ephemeralContainers:
                    - name: debug
                      image: busybox:1.36
                      securityContext: { privileged: false }
      `,
      errors: [
        { line: 15, column: 34, object: 'CronJob jobs/report', path: 'spec.jobTemplate.spec.template.spec.initContainers[0].securityContext.allowPrivilegeEscalation', message: 'init container "fetch" sets allowPrivilegeEscalation: true' },
        { line: 24, column: 15, object: 'CronJob jobs/report', path: 'spec.jobTemplate.spec.template.spec.ephemeralContainers[0].securityContext.allowPrivilegeEscalation', message: 'ephemeral container "debug" does not set' },
      ],
    },
    {
      name: 'multiple documents: Windows pod exempt, Linux DaemonSet and Job reported with file line numbers',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: win }
        spec:
          os: { name: windows }
          containers:
            - name: app
              image: app:1
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
          namespace: monitoring
        spec:
          template:
            spec:
              containers:
                - name: agent
                  image: agent:3
                  securityContext:
                    allowPrivilegeEscalation: true
        ---
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: migrate
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: migrate
                  image: migrate:1
      `,
      errors: [
        { line: 22, column: 13, object: 'DaemonSet monitoring/agent', path: 'spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation', message: 'sets allowPrivilegeEscalation: true' },
        { line: 33, column: 11, object: 'Job migrate', path: 'spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation' },
      ],
    },
    {
      name: 'kind: List items: paths relative to the item, lines of the file',
      code: yaml`
        apiVersion: v1
        kind: List
        items:
          - apiVersion: apps/v1
            kind: ReplicaSet
            metadata:
              name: rs
              namespace: web
            spec:
              template:
                spec:
                  containers:
                    - name: a
                      image: nginx:1.27
                      securityContext:
                        allowPrivilegeEscalation: false
          - apiVersion: v1
            kind: ReplicationController
            metadata:
              name: rc
            spec:
              template:
                spec:
                  containers:
                    - name: b
                      image: nginx:1.27
                      securityContext: { allowPrivilegeEscalation: "false" }
      `,
      errors: [
        { line: 27, column: 34, object: 'ReplicationController rc', path: 'spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation', message: 'container "b" does not set allowPrivilegeEscalation: false' },
      ],
    },
  ],
});
