import { etcdAutoTls } from '../../../src/rules/cluster-config/etcd-auto-tls';
import { testRule, yaml } from '../../rule-tester';
import { HARDENED_CASES } from './fixtures';

testRule(etcdAutoTls, {
  valid: [
    ...HARDENED_CASES,
    {
      name: 'auto TLS off',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: etcd
          namespace: kube-system
        spec:
          containers:
          - name: etcd
            image: registry.k8s.io/etcd:v1.30.2
            command:
            - etcd
            - --auto-tls=false
            - --peer-auto-tls=false
      `,
    },
  ],
  invalid: [
    {
      name: 'static Pod: lone boolean flags',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: etcd
          namespace: kube-system
        spec:
          containers:
          - name: etcd
            image: registry.k8s.io/etcd:v1.30.2
            command:
            - etcd
            - --auto-tls
            - --peer-auto-tls
      `,
      errors: [
        { line: 12, column: 7, object: 'Pod kube-system/etcd', path: 'spec.containers[0].command[1]', message: 'etcd (static Pod) uses self-signed certificates: --auto-tls=true' },
        { line: 13, column: 7, object: 'Pod kube-system/etcd', path: 'spec.containers[0].command[2]' },
      ],
    },
    {
      name: 'kubeadm v1beta3 and v1beta4',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: ClusterConfiguration
        etcd:
          local:
            extraArgs:
              auto-tls: "true"
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        etcd:
          local:
            extraArgs:
            - name: peer-auto-tls
              value: "true"
      `,
      errors: [
        { line: 6, column: 7, object: 'ClusterConfiguration ', path: 'etcd.local.extraArgs.auto-tls', message: 'etcd (kubeadm ClusterConfiguration) uses self-signed certificates: --auto-tls=true' },
        { line: 14, column: 7, object: 'ClusterConfiguration ', path: 'etcd.local.extraArgs[0].value' },
      ],
    },
  ],
});
