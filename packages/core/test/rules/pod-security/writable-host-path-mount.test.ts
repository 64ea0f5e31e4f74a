import { writableHostPathMount } from '../../../src/rules/pod-security/writable-host-path-mount';
import { testRule, yaml } from '../../rule-tester';

testRule(writableHostPathMount, {
  valid: [
    {
      name: 'read-only hostPath mounts, and writable mounts of other volumes',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: { name: shipper, namespace: logging }
        spec:
          template:
            spec:
              containers:
                - name: shipper
                  image: shipper:1
                  volumeMounts:
                    - { name: varlog, mountPath: /var/log, readOnly: true }
                    - name: buffer
                      mountPath: /buffer
                    - name: config
                      mountPath: /etc/shipper
                      readOnly: false
              volumes:
                - name: varlog
                  hostPath: { path: /var/log }
                - name: buffer
                  emptyDir: {}
                - name: config
                  configMap: { name: shipper }
      `,
    },
    {
      name: 'sockets: readOnly would not stop a client from connecting',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: builder, namespace: ci }
        spec:
          containers:
            - name: docker
              image: docker:27
              volumeMounts:
                - { name: docker, mountPath: /var/run/docker.sock }
                - { name: agent, mountPath: /run/agent }
                - { name: syslog, mountPath: /dev/log }
          volumes:
            - name: docker
              hostPath: { path: /var/run/docker.sock }
            - name: agent
              hostPath: { path: /run/agent/agent-socket, type: Socket }
            - name: syslog
              hostPath: { path: /dev/log }
      `,
    },
  ],
  invalid: [
    {
      name: 'no readOnly, readOnly false, and a mount in an init container; at readOnly when written',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: agent
          namespace: ops
        spec:
          initContainers:
            - name: install
              image: installer:1
              volumeMounts:
                - name: opt
                  mountPath: /host/opt
          containers:
            - name: agent
              image: agent:1
              volumeMounts:
                - name: opt
                  mountPath: /host/opt
                  readOnly: true
                - name: logs
                  mountPath: /host/var/log
                  readOnly: false
          volumes:
            - name: opt
              hostPath: { path: /opt/cni/bin, type: DirectoryOrCreate }
            - name: logs
              hostPath:
                path: /var/log
      `,
      errors: [
        { line: 11, column: 11, object: 'Pod ops/agent', path: 'spec.initContainers[0].volumeMounts[0]', message: 'init container "install" mounts host path "/opt/cni/bin" (volume "opt") writable' },
        { line: 22, column: 11, object: 'Pod ops/agent', path: 'spec.containers[0].volumeMounts[1].readOnly', message: 'container "agent" mounts host path "/var/log" (volume "logs") writable' },
      ],
    },
  ],
});
