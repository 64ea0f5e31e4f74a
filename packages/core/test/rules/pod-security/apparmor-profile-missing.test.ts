import { appArmorProfileMissing } from '../../../src/rules/pod-security/apparmor-profile-missing';
import { testRule, yaml } from '../../rule-tester';

const P = 'spec.template.spec';
const A = 'spec.template.metadata.annotations';

testRule(appArmorProfileMissing, {
  valid: [
    {
      name: 'per-container annotations, container and pod appArmorProfile fields, Windows pod',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            metadata:
              annotations:
                container.apparmor.security.beta.kubernetes.io/legacy: runtime/default
                container.apparmor.security.beta.kubernetes.io/custom: localhost/k8s-deny-write
            spec:
              containers:
                - name: legacy
                  image: legacy:1
                - name: custom
                  image: custom:1
                - name: field
                  image: field:1
                  securityContext:
                    appArmorProfile: { type: Localhost, localhostProfile: k8s-deny-write }
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: pod-level
        spec:
          securityContext:
            appArmorProfile:
              type: RuntimeDefault
          initContainers:
            - name: init
              image: busybox:1.36
          containers:
            - name: app
              image: app:1
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
      name: 'container field wins over the pod, annotations of other containers do not count, null is unset',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
          namespace: ops
        spec:
          template:
            metadata:
              annotations:
                container.apparmor.security.beta.kubernetes.io/other: runtime/default
                container.apparmor.security.beta.kubernetes.io/loose: unconfined
                container.apparmor.security.beta.kubernetes.io/typo: runtime-default
            spec:
              securityContext:
                appArmorProfile:
                  type: RuntimeDefault
              containers:
                - name: agent
                  image: agent:1
                  securityContext:
                    appArmorProfile:
                      type: Unconfined
                - name: loose
                  image: agent:1
                - name: typo
                  image: agent:1
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: bare
        spec:
          securityContext:
            runAsNonRoot: true
          containers:
            - name: app
              image: app:1
              securityContext:
                appArmorProfile: null
            - name: unconfined-pod
              image: app:1
      `,
      errors: [
        { line: 11, column: 9, object: 'DaemonSet ops/agent', path: `${A}["container.apparmor.security.beta.kubernetes.io/loose"]`, message: 'container "loose" runs without AppArmor (annotation value "unconfined")' },
        { line: 12, column: 9, object: 'DaemonSet ops/agent', path: `${A}["container.apparmor.security.beta.kubernetes.io/typo"]`, message: 'container "typo" has no valid AppArmor profile (annotation value "runtime-default")' },
        { line: 22, column: 15, object: 'DaemonSet ops/agent', path: `${P}.containers[0].securityContext.appArmorProfile.type`, message: 'container "agent" runs without AppArmor (type Unconfined)' },
        { line: 39, column: 9, object: 'Pod bare', path: 'spec.containers[0].securityContext.appArmorProfile', message: 'container "app" sets no AppArmor profile' },
        { line: 40, column: 7, object: 'Pod bare', path: 'spec.containers[1].securityContext.appArmorProfile', message: 'container "unconfined-pod" sets no AppArmor profile' },
      ],
    },
    {
      name: 'pod-level Unconfined is reported at the pod field',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: no-apparmor
        spec:
          securityContext:
            appArmorProfile: { type: Unconfined }
          containers:
            - name: app
              image: app:1
      `,
      errors: [{ line: 7, column: 24, object: 'Pod no-apparmor', path: 'spec.securityContext.appArmorProfile.type', message: 'container "app" runs without AppArmor (type Unconfined)' }],
    },
    {
      name: 'hostile shapes do not throw',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: odd
          annotations: [not, a, map]
        spec:
          securityContext:
            appArmorProfile: RuntimeDefault
          containers:
            - name: a
              image: a:1
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: odd2
          annotations:
            container.apparmor.security.beta.kubernetes.io/b: 42
        spec:
          containers:
            - name: b
              image: b:1
      `,
      errors: [
        { line: 8, column: 5, object: 'Pod odd', path: 'spec.securityContext.appArmorProfile.type', message: 'has no valid AppArmor profile (no type)' },
        { line: 18, column: 5, object: 'Pod odd2', path: 'metadata.annotations["container.apparmor.security.beta.kubernetes.io/b"]', message: '(annotation value 42)' },
      ],
    },
  ],
});
