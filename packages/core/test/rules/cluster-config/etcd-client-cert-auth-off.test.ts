import { etcdClientCertAuthOff } from '../../../src/rules/cluster-config/etcd-client-cert-auth-off';
import { testRule, yaml } from '../../rule-tester';
import { HARDENED_CASES } from './fixtures';

testRule(etcdClientCertAuthOff, {
  valid: [
    ...HARDENED_CASES,
    {
      name: 'kubeadm turns both on when extraArgs does not say',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: ClusterConfiguration
        etcd:
          local:
            extraArgs:
              listen-metrics-urls: "http://127.0.0.1:2381"
      `,
    },
    {
      name: 'external etcd is not configured here',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        etcd:
          external:
            endpoints: [https://etcd.example.com:2379]
      `,
    },
    {
      name: 'etcd flags written with one dash, as Go\'s flag package allows',
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
            - -client-cert-auth=true
            - -peer-client-cert-auth
            - true
      `,
    },
    {
      name: 'etcd configured through environment variables',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: etcd
          namespace: kube-system
        spec:
          containers:
          - name: etcd
            image: registry.k8s.io/etcd:3.5.12-0
            command: [etcd]
            env:
            - name: ETCD_CLIENT_CERT_AUTH
              value: "true"
            - name: ETCD_PEER_CLIENT_CERT_AUTH
              value: "true"
      `,
    },
    {
      name: 'an application\'s etcd image outside the control plane is not read',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: app-etcd
          namespace: shop
        spec:
          containers:
          - name: etcd
            image: quay.io/coreos/etcd:v3.5.12
            env:
            - name: ETCD_CLIENT_CERT_AUTH
              value: "true"
      `,
    },
  ],
  invalid: [
    {
      name: 'static Pod: both off, written and by default',
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
            - --client-cert-auth=false
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: defaulted
          namespace: kube-system
        spec:
          containers:
          - name: etcd
            image: registry.k8s.io/etcd:v1.30.2
            command:
            - etcd
            - --peer-client-cert-auth=true
      `,
      errors: [
        { line: 10, column: 5, object: 'Pod kube-system/etcd', path: 'spec.containers[0].command', message: 'etcd (static Pod) does not authenticate peers by certificate: --peer-client-cert-auth is not set (default false)' },
        { line: 12, column: 7, object: 'Pod kube-system/etcd', path: 'spec.containers[0].command[1]' },
        { line: 23, column: 5, object: 'Pod kube-system/defaulted', path: 'spec.containers[0].command' },
      ],
    },
    {
      name: 'kubeadm v1beta3 and v1beta4 overrides',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: ClusterConfiguration
        etcd:
          local:
            extraArgs:
              client-cert-auth: "false"
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        etcd:
          local:
            extraArgs:
            - name: peer-client-cert-auth
              value: "false"
      `,
      errors: [
        { line: 6, column: 7, object: 'ClusterConfiguration ', path: 'etcd.local.extraArgs.client-cert-auth', message: 'etcd (kubeadm ClusterConfiguration) does not authenticate clients by certificate: --client-cert-auth=false' },
        { line: 14, column: 7, object: 'ClusterConfiguration ', path: 'etcd.local.extraArgs[0].value' },
      ],
    },
    {
      name: 'static Pod: a flag wins over the environment variable, as in etcd',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: etcd
          namespace: kube-system
        spec:
          containers:
          - name: etcd
            image: registry.k8s.io/etcd:3.5.12-0
            command: [etcd, --client-cert-auth=false]
            env:
            - name: ETCD_CLIENT_CERT_AUTH
              value: "true"
            - name: ETCD_PEER_CLIENT_CERT_AUTH
              value: "false"
      `,
      errors: [
        { line: 10, column: 21, object: 'Pod kube-system/etcd', path: 'spec.containers[0].command[1]', message: 'etcd (static Pod) does not authenticate clients by certificate: --client-cert-auth=false' },
        { line: 15, column: 7, object: 'Pod kube-system/etcd', path: 'spec.containers[0].env[1].value' },
      ],
    },
  ],
});
