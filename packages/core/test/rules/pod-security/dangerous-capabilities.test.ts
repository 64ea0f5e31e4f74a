import { dangerousCapabilities } from '../../../src/rules/pod-security/dangerous-capabilities';
import { testRule, yaml } from '../../rule-tester';

testRule(dangerousCapabilities, {
  valid: [
    {
      name: 'harmless capabilities added, dangerous ones only dropped',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: web, namespace: shop }
        spec:
          template:
            spec:
              initContainers:
                - name: init
                  image: busybox:1.36
                  securityContext:
                    capabilities:
                      add: [CHOWN, FOWNER]
              containers:
                - name: app
                  image: nginx:1.27
                  securityContext:
                    capabilities:
                      drop: [ALL, SYS_ADMIN, NET_RAW]
                      add:
                        - NET_BIND_SERVICE
                        - CAP_SETUID
      `,
    },
    {
      name: 'allow option accepts the capability however it is spelled',
      options: { allow: ['NET_ADMIN'] },
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: { name: cni, namespace: kube-system }
        spec:
          template:
            spec:
              containers:
                - name: a
                  image: cni:1
                  securityContext:
                    capabilities:
                      add: [NET_ADMIN, CAP_NET_ADMIN, net_admin, cap_net_admin]
      `,
    },
    {
      name: 'allow option written with CAP_ prefix and lower case',
      options: { allow: ['cap_sys_ptrace', 'Cap_Net_Raw'] },
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: profiler }
        spec:
          containers:
            - name: a
              image: profiler:1
              securityContext:
                capabilities:
                  add: [SYS_PTRACE, NET_RAW]
      `,
    },
    {
      name: 'no capabilities at all',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: plain }
        spec:
          containers:
            - name: a
              image: a:1
      `,
    },
  ],
  invalid: [
    {
      name: 'flow sequence: canonical, CAP_ prefixed and lower-case names, located at each entry',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: tools
          namespace: ops
        spec:
          containers:
            - name: shell
              image: shell:1
              securityContext:
                capabilities:
                  add: [SYS_ADMIN, NET_BIND_SERVICE, CAP_NET_RAW, sys_ptrace]
      `,
      errors: [
{ line: 12, column: 17, object: 'Pod ops/tools', path: 'spec.containers[0].securityContext.capabilities.add[0]', message: 'container "shell" adds the dangerous capability SYS_ADMIN' },
        { line: 12, column: 46, object: 'Pod ops/tools', path: 'spec.containers[0].securityContext.capabilities.add[2]', message: 'adds the dangerous capability CAP_NET_RAW' },
        { line: 12, column: 59, object: 'Pod ops/tools', path: 'spec.containers[0].securityContext.capabilities.add[3]', message: 'adds the dangerous capability sys_ptrace' },
      ],
    },
    {
      name: 'block sequence, quoted entry and ALL; init and ephemeral containers of a Job',
      code: yaml`
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: probe
        spec:
          template:
            spec:
              restartPolicy: Never
              initContainers:
                - name: mount
                  image: mount:1
                  securityContext:
                    capabilities:
                      add:
                        - CHOWN
                        - "SYS_MODULE"
              containers:
                - name: probe
                  image: probe:1
              ephemeralContainers:
                - name: debug
                  image: busybox:1.36
                  securityContext:
                    capabilities: { add: [ALL] }
      `,
      errors: [
{ line: 16, column: 19, object: 'Job probe', path: 'spec.template.spec.initContainers[0].securityContext.capabilities.add[1]', message: 'init container "mount" adds the dangerous capability SYS_MODULE' },
        { line: 24, column: 35, object: 'Job probe', path: 'spec.template.spec.ephemeralContainers[0].securityContext.capabilities.add[0]', message: 'ephemeral container "debug" adds the dangerous capability ALL' },
      ],
    },
    {
      name: 'allow option covers some capabilities only',
      options: { allow: ['NET_ADMIN'] },
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: cni
          namespace: kube-system
        spec:
          template:
            spec:
              containers:
                - name: cni
                  image: cni:1
                  securityContext:
                    capabilities:
                      add: [NET_ADMIN, BPF, PERFMON]
      `,
      errors: [
{ line: 14, column: 32, object: 'DaemonSet kube-system/cni', path: 'spec.template.spec.containers[0].securityContext.capabilities.add[1]', message: 'BPF' },
        { line: 14, column: 37, object: 'DaemonSet kube-system/cni', path: 'spec.template.spec.containers[0].securityContext.capabilities.add[2]', message: 'PERFMON' },
      ],
    },
    {
      name: 'CronJob, then a List item in a second document',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: sync
          namespace: ops
        spec:
          schedule: "@hourly"
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                    - name: sync
                      image: sync:1
                      securityContext:
                        capabilities:
                          add:
                            - SYS_TIME
        ---
        apiVersion: v1
        kind: List
        items:
          - apiVersion: apps/v1
            kind: StatefulSet
            metadata: { name: kafka }
            spec:
              template:
                spec:
                  containers:
                    - name: kafka
                      image: kafka:3
                      securityContext: { capabilities: { add: [IPC_LOCK, DAC_READ_SEARCH] } }
      `,
      errors: [
{ line: 18, column: 23, object: 'CronJob ops/sync', path: 'spec.jobTemplate.spec.template.spec.containers[0].securityContext.capabilities.add[0]', message: 'container "sync" adds the dangerous capability SYS_TIME' },
        { line: 32, column: 66, object: 'StatefulSet kafka', path: 'spec.template.spec.containers[0].securityContext.capabilities.add[1]', message: 'DAC_READ_SEARCH' },
      ],
    },
  ],
});
