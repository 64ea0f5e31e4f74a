import { tlsWeakCipherSuites } from '../../../src/rules/cluster-config/tls-weak-cipher-suites';
import { testRule, yaml } from '../../rule-tester';
import { HARDENED_CASES } from './fixtures';

testRule(tlsWeakCipherSuites, {
  valid: [
    ...HARDENED_CASES,
    {
      name: 'no list: Go defaults',
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
            - --tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_AES_128_CBC_SHA
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
            - --cipher-suites
            - TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA
      `,
      errors: [
        { line: 12, column: 7, object: 'Pod kube-system/kube-apiserver', path: 'spec.containers[0].command[1]', message: 'kube-apiserver (static Pod) allows weak cipher suites: TLS_RSA_WITH_AES_128_CBC_SHA' },
        { line: 26, column: 7, object: 'Pod kube-system/etcd', path: 'spec.containers[0].command[2]' },
      ],
    },
    {
      name: 'kubeadm v1beta3 and v1beta4',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: ClusterConfiguration
        scheduler:
          extraArgs:
            tls-cipher-suites: TLS_RSA_WITH_RC4_128_SHA
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        controllerManager:
          extraArgs:
          - name: tls-cipher-suites
            value: TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256
      `,
      errors: [
        { line: 5, column: 5, object: 'ClusterConfiguration ', path: 'scheduler.extraArgs.tls-cipher-suites', message: 'kube-scheduler (kubeadm ClusterConfiguration) allows weak cipher suites: TLS_RSA_WITH_RC4_128_SHA' },
        { line: 12, column: 5, object: 'ClusterConfiguration ', path: 'controllerManager.extraArgs[0].value' },
      ],
    },
    {
      name: 'KubeletConfiguration and kubeletExtraArgs',
      code: yaml`
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        tlsCipherSuites:
        - TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
        - TLS_RSA_WITH_AES_256_GCM_SHA384
        ---
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: InitConfiguration
        nodeRegistration:
          kubeletExtraArgs:
            tls-cipher-suites: TLS_RSA_WITH_AES_128_CBC_SHA
      `,
      errors: [
        { line: 3, column: 1, object: 'KubeletConfiguration ', path: 'tlsCipherSuites', message: 'kubelet (KubeletConfiguration) allows weak cipher suites: TLS_RSA_WITH_AES_256_GCM_SHA384' },
        { line: 11, column: 5, object: 'InitConfiguration ', path: 'nodeRegistration.kubeletExtraArgs.tls-cipher-suites' },
      ],
    },
  ],
});
