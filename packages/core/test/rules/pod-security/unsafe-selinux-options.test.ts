import { unsafeSelinuxOptions } from '../../../src/rules/pod-security/unsafe-selinux-options';
import { testRule, yaml } from '../../rule-tester';

testRule(unsafeSelinuxOptions, {
  valid: [
    {
      name: 'container types, a level only, empty user and role',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: { name: db, namespace: data }
        spec:
          template:
            spec:
              securityContext:
                seLinuxOptions: { level: "s0:c123,c456" }
              containers:
                - name: db
                  image: db:1
                  securityContext:
                    seLinuxOptions: { type: container_t, user: "", role: "" }
                - name: kvm
                  image: kvm:1
                  securityContext:
                    seLinuxOptions: { type: container_kvm_t }
                - name: engine
                  image: engine:1
                  securityContext:
                    seLinuxOptions: { type: container_engine_t }
      `,
    },
  ],
  invalid: [
    {
      name: 'spc_t on the pod, user and role on a container, unconfined type on an init container',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: agent
          namespace: monitoring
        spec:
          securityContext:
            seLinuxOptions:
              type: spc_t
          initContainers:
            - name: init
              image: init:1
              securityContext:
                seLinuxOptions: { type: unconfined_t }
          containers:
            - name: agent
              image: agent:1
              securityContext:
                seLinuxOptions:
                  user: system_u
                  role: system_r
      `,
      errors: [
        { line: 9, column: 7, object: 'Pod monitoring/agent', path: 'spec.securityContext.seLinuxOptions.type', message: 'pod sets the SELinux type "spc_t", which is not a container type' },
        { line: 14, column: 27, object: 'Pod monitoring/agent', path: 'spec.initContainers[0].securityContext.seLinuxOptions.type', message: 'init container "init" sets the SELinux type "unconfined_t"' },
        { line: 20, column: 11, object: 'Pod monitoring/agent', path: 'spec.containers[0].securityContext.seLinuxOptions.user', message: 'container "agent" sets a custom SELinux user "system_u"' },
        { line: 21, column: 11, object: 'Pod monitoring/agent', path: 'spec.containers[0].securityContext.seLinuxOptions.role', message: 'container "agent" sets a custom SELinux role "system_r"' },
      ],
    },
  ],
});
