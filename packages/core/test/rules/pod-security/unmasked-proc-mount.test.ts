import { unmaskedProcMount } from '../../../src/rules/pod-security/unmasked-proc-mount';
import { testRule, yaml } from '../../rule-tester';

testRule(unmaskedProcMount, {
  valid: [
    {
      name: 'unset, Default and null procMount',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: web, namespace: shop }
        spec:
          template:
            spec:
              containers:
                - name: a
                  image: a:1
                - name: b
                  image: b:1
                  securityContext: { procMount: Default }
                - name: c
                  image: c:1
                  securityContext: { procMount: null }
      `,
    },
    {
      name: 'a pod in a user namespace (hostUsers: false) may unmask its own /proc',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: builder }
        spec:
          hostUsers: false
          containers:
            - name: buildkit
              image: moby/buildkit:v0.16
              securityContext:
                procMount: Unmasked
      `,
    },
  ],
  invalid: [
    {
      name: 'Unmasked in regular, init and ephemeral containers; hostUsers: true is no user namespace',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: nested
          namespace: ci
        spec:
          hostUsers: true
          initContainers:
            - name: setup
              image: setup:1
              securityContext:
                procMount: Unmasked
          containers:
            - name: runner
              image: runner:1
              securityContext: { procMount: Unmasked }
          ephemeralContainers:
            - name: debug
              image: busybox:1.36
              securityContext:
                procMount: Other
      `,
      errors: [
        { line: 12, column: 9, object: 'Pod ci/nested', path: 'spec.initContainers[0].securityContext.procMount', message: 'init container "setup" sets procMount "Unmasked", unmasking the host\'s /proc' },
        { line: 16, column: 26, object: 'Pod ci/nested', path: 'spec.containers[0].securityContext.procMount', message: 'container "runner" sets procMount "Unmasked"' },
        { line: 21, column: 9, object: 'Pod ci/nested', path: 'spec.ephemeralContainers[0].securityContext.procMount', message: 'ephemeral container "debug" sets procMount "Other"' },
      ],
    },
    {
      name: 'CronJob template',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: { name: build, namespace: ci }
        spec:
          schedule: "0 * * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                    - name: build
                      image: build:1
                      securityContext:
                        procMount: Unmasked
      `,
      errors: [
        { line: 14, column: 17, object: 'CronJob ci/build', path: 'spec.jobTemplate.spec.template.spec.containers[0].securityContext.procMount' },
      ],
    },
  ],
});
