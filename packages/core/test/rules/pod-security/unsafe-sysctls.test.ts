import { unsafeSysctls } from '../../../src/rules/pod-security/unsafe-sysctls';
import { testRule, yaml } from '../../rule-tester';

testRule(unsafeSysctls, {
  valid: [
    {
      name: 'safe sysctls of every policy version up to latest',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: proxy, namespace: edge }
        spec:
          template:
            spec:
              securityContext:
                sysctls:
                  - { name: net.ipv4.ip_local_port_range, value: "1024 65000" }
                  - { name: net.ipv4.ip_unprivileged_port_start, value: "80" }
                  - { name: net.ipv4.tcp_keepalive_time, value: "600" }
                  - { name: net.ipv4.tcp_rmem, value: "4096 87380 6291456" }
                  - { name: net.ipv4.tcp_notsent_lowat, value: "16384" }
              containers:
                - name: proxy
                  image: envoy:1.31
      `,
    },
  ],
  invalid: [
    {
      // An entry without a name is reported at the entry, as "" (upstream's wording).
      name: 'node-wide and unknown sysctls, each at its name',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: tuned
          namespace: db
        spec:
          securityContext:
            sysctls:
              - name: kernel.shm_rmid_forced
                value: "1"
              - name: kernel.msgmax
                value: "65536"
              - { name: net.ipv4.ip_forward, value: "1" }
              - value: "1"
          containers:
            - name: db
              image: postgres:17
      `,
      errors: [
        { line: 11, column: 9, object: 'Pod db/tuned', path: 'spec.securityContext.sysctls[1].name', message: 'pod sets the unsafe sysctl "kernel.msgmax"' },
        { line: 13, column: 11, object: 'Pod db/tuned', path: 'spec.securityContext.sysctls[2].name', message: 'pod sets the unsafe sysctl "net.ipv4.ip_forward"' },
        { line: 14, column: 9, object: 'Pod db/tuned', path: 'spec.securityContext.sysctls[3].name', message: 'pod sets the unsafe sysctl ""' },
      ],
    },
  ],
});
