import { capabilitiesNotDropped } from '../../../src/rules/pod-security/capabilities-not-dropped';
import { testRule, yaml } from '../../rule-tester';

testRule(capabilitiesNotDropped, {
  valid: [
    {
      name: 'ALL dropped on init, regular and ephemeral containers (block and flow)',
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
                  securityContext: { capabilities: { drop: [ALL] } }
              containers:
                - name: app
                  image: nginx:1.27
                  securityContext:
                    capabilities:
                      drop:
                        - ALL
                      add:
                        - NET_BIND_SERVICE
              ephemeralContainers:
                - name: debug
                  image: busybox:1.36
                  securityContext:
                    capabilities:
                      drop: ["ALL"]
      `,
    },
    {
      name: 'ALL among other dropped capabilities',
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
                        capabilities:
                          drop: [NET_RAW, ALL]
      `,
    },
    {
      name: 'Windows pod is exempt',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: { name: win-agent, namespace: kube-system }
        spec:
          template:
            spec:
              os: { name: windows }
              containers:
                - name: agent
                  image: agent:1
      `,
    },
  ],
  invalid: [
    {
      name: 'missing capabilities, missing drop, wrong value, lower-case all',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: api
          namespace: prod
        spec:
          containers:
            - name: bare
              image: api:1
            - name: no-caps
              image: api:1
              securityContext:
                runAsNonRoot: true
            - name: add-only
              image: api:1
              securityContext:
                capabilities:
                  add: [NET_BIND_SERVICE]
            - name: drop-some
              image: api:1
              securityContext:
                capabilities:
                  drop:
                    - NET_RAW
                    - SYS_ADMIN
            - name: lower-case
              image: api:1
              securityContext:
                capabilities:
                  drop: ["all"]
      `,
      errors: [
{ line: 8, column: 7, object: 'Pod prod/api', path: 'spec.containers[0].securityContext.capabilities.drop', message: 'container "bare" does not drop ALL capabilities' },
        { line: 12, column: 7, object: 'Pod prod/api', path: 'spec.containers[1].securityContext.capabilities.drop', message: 'container "no-caps"' },
        { line: 17, column: 9, object: 'Pod prod/api', path: 'spec.containers[2].securityContext.capabilities.drop', message: 'container "add-only"' },
        { line: 23, column: 11, object: 'Pod prod/api', path: 'spec.containers[3].securityContext.capabilities.drop', message: 'container "drop-some"' },
        { line: 30, column: 11, object: 'Pod prod/api', path: 'spec.containers[4].securityContext.capabilities.drop', message: 'container "lower-case"' },
      ],
    },
    {
      name: 'flow-style securityContext, init and ephemeral containers of a StatefulSet',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
          namespace: data
        spec:
          template:
            spec:
              initContainers:
                - name: perms
                  image: busybox:1.36
                  securityContext: { capabilities: { drop: [NET_RAW] } }
              containers:
                - name: postgres
                  image: postgres:16
                  securityContext: { capabilities: { drop: [ALL] } }
              ephemeralContainers:
                - name: debug
                  image: busybox:1.36
                  securityContext: { privileged: false }
      `,
      errors: [
{ line: 12, column: 46, object: 'StatefulSet data/db', path: 'spec.template.spec.initContainers[0].securityContext.capabilities.drop', message: 'init container "perms" does not drop ALL capabilities' },
        { line: 20, column: 11, object: 'StatefulSet data/db', path: 'spec.template.spec.ephemeralContainers[0].securityContext.capabilities.drop', message: 'ephemeral container "debug" does not drop ALL capabilities' },
      ],
    },
    {
      name: 'a pod-level capabilities field does not exist and does not count',
      code: yaml`
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata: { name: rs }
        spec:
          template:
            spec:
              securityContext:
                capabilities:
                  drop: [ALL]
              containers:
                - name: a
                  image: a:1
      `,
      errors: [
{ line: 11, column: 11, object: 'ReplicaSet rs', path: 'spec.template.spec.containers[0].securityContext.capabilities.drop' },
      ],
    },
    {
      name: 'multiple documents and a List: Job, PodTemplate, ReplicationController',
      code: yaml`
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: once
          namespace: batch
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: once
                  image: once:1
                  securityContext:
                    capabilities:
                      drop: [ALL]
        ---
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: PodTemplate
            metadata: { name: tpl, namespace: batch }
            template:
              spec:
                containers:
                  - name: t
                    image: t:1
          - apiVersion: v1
            kind: ReplicationController
            metadata: { name: rc }
            spec:
              template:
                spec:
                  containers:
                    - name: r
                      image: r:1
                      securityContext:
                        capabilities: {}
      `,
      errors: [
{ line: 26, column: 13, object: 'PodTemplate batch/tpl', path: 'template.spec.containers[0].securityContext.capabilities.drop', message: 'container "t"' },
        { line: 38, column: 17, object: 'ReplicationController rc', path: 'spec.template.spec.containers[0].securityContext.capabilities.drop', message: 'container "r"' },
      ],
    },
  ],
});
