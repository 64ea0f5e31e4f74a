import { hostPathVolume } from '../../../src/rules/pod-security/host-path-volume';
import { testRule, yaml } from '../../rule-tester';

testRule(hostPathVolume, {
  valid: [
    {
      name: 'volumes that are not hostPath',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: web, namespace: shop }
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: nginx:1.27
              volumes:
                - name: tmp
                  emptyDir: {}
                - name: config
                  configMap: { name: web-config }
                - name: tls
                  secret:
                    secretName: web-tls
                - name: data
                  persistentVolumeClaim:
                    claimName: web-data
      `,
    },
    {
      name: 'a PersistentVolume with hostPath is not a pod volume',
      code: yaml`
        apiVersion: v1
        kind: PersistentVolume
        metadata: { name: local-pv }
        spec:
          capacity: { storage: 1Gi }
          accessModes: [ReadWriteOnce]
          hostPath:
            path: /mnt/data
      `,
    },
    {
      name: 'allowedPaths: the path itself and everything below it, trailing slashes ignored',
      options: { allowedPaths: ['/var/log', '/var/lib/docker/containers/'] },
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: { name: fluent-bit, namespace: logging }
        spec:
          template:
            spec:
              containers:
                - name: fluent-bit
                  image: fluent-bit:3
              volumes:
                - name: varlog
                  hostPath: { path: /var/log }
                - name: pods
                  hostPath:
                    path: /var/log/pods
                    type: Directory
                - name: slash
                  hostPath: { path: /var/log/ }
                - name: docker
                  hostPath: { path: /var/lib/docker/containers }
                - name: docker-sub
                  hostPath: { path: /var/lib/docker/containers/abc }
      `,
    },
    {
      name: 'allowedPaths: / allows every host path',
      options: { allowedPaths: ['/'] },
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: node-shell }
        spec:
          containers:
            - name: shell
              image: busybox:1.36
          volumes:
            - name: root
              hostPath: { path: / }
            - name: etc
              hostPath: { path: /etc }
      `,
    },
  ],
  invalid: [
    {
      name: 'Pod mounting / and the container runtime socket',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: escape
          namespace: ops
        spec:
          containers:
            - name: shell
              image: busybox:1.36
          volumes:
            - name: tmp
              emptyDir: {}
            - name: host-root
              hostPath:
                path: /
            - name: docker
              hostPath:
                path: /var/run/docker.sock
                type: Socket
      `,
      errors: [
{ line: 14, column: 7, object: 'Pod ops/escape', path: 'spec.volumes[1].hostPath', message: 'volume "host-root" mounts host path "/"' },
        { line: 17, column: 7, object: 'Pod ops/escape', path: 'spec.volumes[2].hostPath', message: 'volume "docker" mounts host path "/var/run/docker.sock"' },
      ],
    },
    {
      name: 'allowedPaths is a path prefix, not a string prefix',
      options: { allowedPaths: ['/var/log'] },
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: shipper
          namespace: logging
        spec:
          template:
            spec:
              containers:
                - name: shipper
                  image: shipper:1
              volumes:
                - name: ok
                  hostPath: { path: /var/log/containers }
                - name: sibling
                  hostPath: { path: /var/logs }
                - { name: parent, hostPath: { path: /var, type: Directory } }
                - name: lookalike
                  hostPath:
                    path: /var/log-archive
      `,
      errors: [
{ line: 16, column: 11, object: 'DaemonSet logging/shipper', path: 'spec.template.spec.volumes[1].hostPath', message: 'volume "sibling" mounts host path "/var/logs"' },
        { line: 17, column: 27, object: 'DaemonSet logging/shipper', path: 'spec.template.spec.volumes[2].hostPath', message: 'volume "parent" mounts host path "/var"' },
        { line: 19, column: 11, object: 'DaemonSet logging/shipper', path: 'spec.template.spec.volumes[3].hostPath', message: 'volume "lookalike" mounts host path "/var/log-archive"' },
      ],
    },
    // \`allowedPaths\` accepts a path "and everything below" it; /var/log/../../etc is /etc.
    {
      name: 'allowedPaths does not cover a path that climbs out of it with ..',
      options: { allowedPaths: ['/var/log'] },
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: sneaky }
        spec:
          containers:
            - name: a
              image: a:1
          volumes:
            - name: etc
              hostPath:
                path: /var/log/../../etc
      `,
      errors: [
{ line: 10, column: 7, object: 'Pod sneaky', path: 'spec.volumes[0].hostPath', message: 'volume "etc" mounts host path "/var/log/../../etc"' },
      ],
    },
    {
      name: 'CronJob, Job and StatefulSet (in a List) in one stream',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: rotate
          namespace: ops
        spec:
          schedule: "@daily"
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                    - name: rotate
                      image: rotate:1
                  volumes:
                    - name: logs
                      hostPath:
                        path: /var/log
        ---
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: kubelet-check
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: check
                  image: check:1
              volumes:
                - hostPath: { path: /var/lib/kubelet }
                  name: kubelet
        ---
        apiVersion: v1
        kind: List
        items:
          - apiVersion: apps/v1
            kind: StatefulSet
            metadata: { name: db, namespace: data }
            spec:
              template:
                spec:
                  containers:
                    - name: db
                      image: db:1
                  volumes:
                    - name: scratch
                      emptyDir: {}
                    - name: data
                      hostPath:
                        path: /mnt/disks/ssd0
      `,
      errors: [
{ line: 17, column: 15, object: 'CronJob ops/rotate', path: 'spec.jobTemplate.spec.template.spec.volumes[0].hostPath', message: 'volume "logs" mounts host path "/var/log"' },
        { line: 32, column: 11, object: 'Job kubelet-check', path: 'spec.template.spec.volumes[0].hostPath', message: 'volume "kubelet" mounts host path "/var/lib/kubelet"' },
        { line: 51, column: 15, object: 'StatefulSet data/db', path: 'spec.template.spec.volumes[1].hostPath', message: 'volume "data" mounts host path "/mnt/disks/ssd0"' },
      ],
    },
    {
      name: 'ReplicaSet, ReplicationController and PodTemplate',
      code: yaml`
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata: { name: rs }
        spec:
          template:
            spec:
              containers: [{ name: a, image: a:1 }]
              volumes: [{ name: proc, hostPath: { path: /proc } }]
        ---
        apiVersion: v1
        kind: ReplicationController
        metadata: { name: rc, namespace: legacy }
        spec:
          template:
            spec:
              containers: [{ name: a, image: a:1 }]
              volumes:
                - name: sys
                  hostPath:
                    path: /sys
        ---
        apiVersion: v1
        kind: PodTemplate
        metadata: { name: tpl, namespace: legacy }
        template:
          spec:
            containers: [{ name: a, image: a:1 }]
            volumes:
              - name: containerd
                hostPath:
                  path: /run/containerd/containerd.sock
      `,
      errors: [
{ line: 8, column: 31, object: 'ReplicaSet rs', path: 'spec.template.spec.volumes[0].hostPath', message: 'volume "proc"' },
        { line: 19, column: 11, object: 'ReplicationController legacy/rc', path: 'spec.template.spec.volumes[0].hostPath', message: 'volume "sys"' },
        { line: 30, column: 9, object: 'PodTemplate legacy/tpl', path: 'template.spec.volumes[0].hostPath', message: 'volume "containerd" mounts host path "/run/containerd/containerd.sock"' },
      ],
    },
  ],
});
