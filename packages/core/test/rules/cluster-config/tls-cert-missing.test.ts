import { tlsCertMissing } from '../../../src/rules/cluster-config/tls-cert-missing';
import { testRule, yaml } from '../../rule-tester';
import { HARDENED_CASES } from './fixtures';

testRule(tlsCertMissing, {
  valid: [
    ...HARDENED_CASES,
    {
      name: 'kubeadm sets certificates for the API server and etcd',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: ClusterConfiguration
        etcd:
          local:
            extraArgs:
              listen-metrics-urls: "http://127.0.0.1:2381"
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        apiServer:
          extraArgs:
          - name: profiling
            value: "false"
      `,
    },
  ],
  invalid: [
    {
      name: 'static Pods: API server without key, etcd without any',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: kube-apiserver
          namespace: kube-system
        spec:
          containers:
          - name: kube-apiserver
            image: registry.k8s.io/kube-apiserver:v1.30.2
            command:
            - kube-apiserver
            - --tls-cert-file=/etc/kubernetes/pki/apiserver.crt
        ---
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
            - --client-cert-auth=true
      `,
      errors: [
        { line: 10, column: 5, object: 'Pod kube-system/kube-apiserver', path: 'spec.containers[0].command', message: 'kube-apiserver (static Pod) has no TLS certificate and key for its API: --tls-private-key-file is not set' },
        { line: 23, column: 5, object: 'Pod kube-system/etcd', path: 'spec.containers[0].command' },
        { line: 23, column: 5, object: 'Pod kube-system/etcd', path: 'spec.containers[0].command' },
      ],
    },
    {
      name: 'kubeadm v1beta3 and v1beta4: emptied by extraArgs',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: ClusterConfiguration
        apiServer:
          extraArgs:
            tls-private-key-file: ""
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        etcd:
          local:
            extraArgs:
            - name: peer-cert-file
              value: ""
      `,
      errors: [
        { line: 5, column: 5, object: 'ClusterConfiguration ', path: 'apiServer.extraArgs.tls-private-key-file', message: 'kube-apiserver (kubeadm ClusterConfiguration) has no TLS certificate and key for its API: --tls-private-key-file=' },
        { line: 13, column: 7, object: 'ClusterConfiguration ', path: 'etcd.local.extraArgs[0].value' },
      ],
    },
  ],
});
