import { runAsRootGroup } from '../../../src/rules/pod-security/run-as-root-group';
import { testRule, yaml } from '../../rule-tester';

testRule(runAsRootGroup, {
  valid: [
    {
      name: 'non-zero groups, and a pod-level 0 that every container overrides',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: web, namespace: shop }
        spec:
          template:
            spec:
              securityContext:
                runAsGroup: 0
                fsGroup: 2000
                supplementalGroups: [3000, 4000]
              initContainers:
                - name: init
                  image: init:1
                  securityContext: { runAsGroup: 1000 }
              containers:
                - name: web
                  image: web:1
                  securityContext: { runAsGroup: 1000 }
      `,
    },
    {
      name: 'Windows pods are not checked',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: win }
        spec:
          os: { name: windows }
          securityContext: { runAsGroup: 0, fsGroup: 0 }
          containers:
            - name: app
              image: app:1
      `,
    },
  ],
  invalid: [
    {
      name: 'pod-level runAsGroup reported once for two inheriting containers; container, fsGroup and supplementalGroups',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: legacy
          namespace: ops
        spec:
          securityContext:
            runAsUser: 1000
            runAsGroup: 0
            fsGroup: 0
            supplementalGroups:
              - 1000
              - 0
          initContainers:
            - name: chown
              image: busybox:1.36
              securityContext:
                runAsGroup: 0
          containers:
            - name: a
              image: a:1
            - name: b
              image: b:1
      `,
      errors: [
        { line: 9, column: 5, object: 'Pod ops/legacy', path: 'spec.securityContext.runAsGroup', message: 'pod runs its containers with group 0 (root) as their primary group (runAsGroup: 0)' },
        { line: 10, column: 5, object: 'Pod ops/legacy', path: 'spec.securityContext.fsGroup', message: 'pod makes its volumes owned and writable by group 0 (root) (fsGroup: 0)' },
        { line: 13, column: 9, object: 'Pod ops/legacy', path: 'spec.securityContext.supplementalGroups[1]', message: 'pod adds group 0 (root) to the groups of every container (supplementalGroups)' },
        { line: 18, column: 9, object: 'Pod ops/legacy', path: 'spec.initContainers[0].securityContext.runAsGroup', message: 'init container "chown" runs with group 0 (root) as its primary group (runAsGroup: 0)' },
      ],
    },
    {
      name: 'a Job container sets runAsGroup 0 itself',
      code: yaml`
        apiVersion: batch/v1
        kind: Job
        metadata: { name: migrate, namespace: db }
        spec:
          template:
            spec:
              restartPolicy: Never
              securityContext: { runAsGroup: 1000 }
              containers:
                - name: migrate
                  image: migrate:1
                  securityContext: { runAsNonRoot: true, runAsGroup: 0 }
      `,
      errors: [
        { line: 12, column: 50, object: 'Job db/migrate', path: 'spec.template.spec.containers[0].securityContext.runAsGroup', message: 'container "migrate" runs with group 0 (root)' },
      ],
    },
  ],
});
