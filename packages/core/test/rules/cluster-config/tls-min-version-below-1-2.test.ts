import { tlsMinVersionBelow12 } from '../../../src/rules/cluster-config/tls-min-version-below-1-2';
import { testRule, yaml } from '../../rule-tester';
import { HARDENED_CASES } from './fixtures';

testRule(tlsMinVersionBelow12, {
  valid: [
    ...HARDENED_CASES,
    {
      name: 'TLS 1.3',
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
            - --tls-min-version=VersionTLS13
        ---
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        tlsMinVersion: VersionTLS13
      `,
    },
  ],
  invalid: [
    {
      name: 'static Pods: API server and etcd',
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
            - --tls-min-version=VersionTLS10
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
            - --tls-min-version
            - TLS1.1
      `,
      errors: [
        { line: 12, column: 7, object: 'Pod kube-system/kube-apiserver', path: 'spec.containers[0].command[1]', message: 'kube-apiserver (static Pod) accepts old TLS versions: --tls-min-version=VersionTLS10' },
        { line: 26, column: 7, object: 'Pod kube-system/etcd', path: 'spec.containers[0].command[2]' },
      ],
    },
    {
      name: 'kubeadm v1beta3 and v1beta4',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: ClusterConfiguration
        controllerManager:
          extraArgs:
            tls-min-version: VersionTLS11
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        scheduler:
          extraArgs:
          - name: tls-min-version
            value: VersionTLS10
      `,
      errors: [
        { line: 5, column: 5, object: 'ClusterConfiguration ', path: 'controllerManager.extraArgs.tls-min-version', message: 'kube-controller-manager (kubeadm ClusterConfiguration) accepts old TLS versions: --tls-min-version=VersionTLS11' },
        { line: 12, column: 5, object: 'ClusterConfiguration ', path: 'scheduler.extraArgs[0].value' },
      ],
    },
    {
      name: 'KubeletConfiguration and kubeletExtraArgs',
      code: yaml`
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        tlsMinVersion: VersionTLS11
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: JoinConfiguration
        nodeRegistration:
          kubeletExtraArgs:
          - name: tls-min-version
            value: VersionTLS10
      `,
      errors: [
        { line: 3, column: 1, object: 'KubeletConfiguration ', path: 'tlsMinVersion', message: 'kubelet (KubeletConfiguration) accepts old TLS versions: tlsMinVersion: VersionTLS11' },
        { line: 10, column: 5, object: 'JoinConfiguration ', path: 'nodeRegistration.kubeletExtraArgs[0].value' },
      ],
    },
  ],
});
