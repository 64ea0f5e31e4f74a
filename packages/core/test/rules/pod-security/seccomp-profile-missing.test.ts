import { seccompProfileMissing } from '../../../src/rules/pod-security/seccomp-profile-missing';
import { testRule, yaml } from '../../rule-tester';

const P = 'spec.template.spec';

testRule(seccompProfileMissing, {
  valid: [
    {
      name: 'pod RuntimeDefault inherited, container Localhost, container RuntimeDefault overriding a pod Unconfined, Windows pod',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            spec:
              securityContext:
                seccompProfile:
                  type: RuntimeDefault
              initContainers:
                - name: init
                  image: busybox:1.36
              containers:
                - name: app
                  image: web:1
                - name: custom
                  image: custom:1
                  securityContext:
                    seccompProfile: { type: Localhost, localhostProfile: profiles/custom.json }
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: override
        spec:
          securityContext:
            seccompProfile: { type: Unconfined }
          containers:
            - name: app
              image: app:1
              securityContext:
                seccompProfile:
                  type: RuntimeDefault
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: win
        spec:
          os: { name: windows }
          containers:
            - name: iis
              image: iis:1
      `,
    },
  ],
  invalid: [
    {
      name: 'missing at the container; Unconfined and unknown types at the effective field; null falls back to the pod',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
          namespace: data
        spec:
          template:
            spec:
              securityContext:
                runAsNonRoot: true
              containers:
                - name: postgres
                  image: postgres:16
                  securityContext:
                    readOnlyRootFilesystem: true
                - name: exporter
                  image: exporter:1
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: loose
          namespace: dev
        spec:
          securityContext:
            seccompProfile:
              type: Unconfined
          initContainers:
            - name: init
              image: busybox:1.36
          containers:
            - name: app
              image: app:1
              securityContext:
                seccompProfile: null
            - name: override
              image: app:1
              securityContext:
                seccompProfile: { type: Unconfined }
            - name: typo
              image: app:1
              securityContext:
                seccompProfile:
                  type: runtime/default
            - name: empty
              image: app:1
              securityContext:
                seccompProfile: {}
      `,
      errors: [
        { line: 14, column: 11, object: 'StatefulSet data/db', path: `${P}.containers[0].securityContext.seccompProfile`, message: 'container "postgres" has no seccomp profile: neither it nor its pod sets seccompProfile.type to RuntimeDefault or Localhost' },
        { line: 16, column: 11, object: 'StatefulSet data/db', path: `${P}.containers[1].securityContext.seccompProfile`, message: 'container "exporter" has no seccomp profile' },
        { line: 27, column: 7, object: 'Pod dev/loose', path: 'spec.securityContext.seccompProfile.type', message: 'container "app" runs with seccomp profile Unconfined' },
        { line: 27, column: 7, object: 'Pod dev/loose', path: 'spec.securityContext.seccompProfile.type', message: 'init container "init" runs with seccomp profile Unconfined' },
        { line: 39, column: 27, object: 'Pod dev/loose', path: 'spec.containers[1].securityContext.seccompProfile.type', message: 'container "override" runs with seccomp profile Unconfined' },
        { line: 44, column: 11, object: 'Pod dev/loose', path: 'spec.containers[2].securityContext.seccompProfile.type', message: 'seccompProfile.type is "runtime/default", not RuntimeDefault or Localhost' },
        { line: 48, column: 9, object: 'Pod dev/loose', path: 'spec.containers[3].securityContext.seccompProfile.type', message: 'container "empty" has no usable seccomp profile: seccompProfile.type is not set' },
      ],
    },
    {
      name: 'hostile shapes do not throw',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: odd
        spec:
          securityContext: "strict"
          containers:
            - name: a
              securityContext: [privileged]
            - name: b
              securityContext:
                seccompProfile: [RuntimeDefault]
      `,
      errors: [
        { line: 9, column: 7, object: 'Pod odd', path: 'spec.containers[0].securityContext.seccompProfile', message: 'container "a" has no seccomp profile' },
        { line: 12, column: 9, object: 'Pod odd', path: 'spec.containers[1].securityContext.seccompProfile.type', message: 'seccompProfile.type is not set' },
      ],
    },
  ],
});
