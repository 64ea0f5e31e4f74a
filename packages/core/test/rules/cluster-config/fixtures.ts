import { yaml } from '../../rule-tester';

/**
 * Hardened control planes in each source form: no cluster-config rule reports anything on them
 * (every rule test uses them as valid cases).
 */
export const HARDENED = {
  staticPods: yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: kube-apiserver
      namespace: kube-system
      labels: { component: kube-apiserver, tier: control-plane }
    spec:
      containers:
      - name: kube-apiserver
        image: registry.k8s.io/kube-apiserver:v1.30.2
        command:
        - kube-apiserver
        - --anonymous-auth=false
        - --authorization-mode=Node,RBAC
        - --enable-admission-plugins=NodeRestriction
        - --profiling=false
        - --audit-policy-file=/etc/kubernetes/audit-policy.yaml
        - --audit-log-path=/var/log/kubernetes/audit/audit.log
        - --audit-log-maxage=30
        - --audit-log-maxbackup=10
        - --audit-log-maxsize=100
        - --encryption-provider-config=/etc/kubernetes/enc/encryption-config.yaml
        - --kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt
        - --client-ca-file=/etc/kubernetes/pki/ca.crt
        - --tls-cert-file=/etc/kubernetes/pki/apiserver.crt
        - --tls-private-key-file=/etc/kubernetes/pki/apiserver.key
        - --tls-min-version=VersionTLS12
        - --tls-cipher-suites=TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
    ---
    apiVersion: v1
    kind: Pod
    metadata:
      name: kube-controller-manager
      namespace: kube-system
    spec:
      containers:
      - name: kube-controller-manager
        image: registry.k8s.io/kube-controller-manager:v1.30.2
        command: [kube-controller-manager, --profiling=false, --bind-address=127.0.0.1]
    ---
    apiVersion: v1
    kind: Pod
    metadata:
      name: kube-scheduler
      namespace: kube-system
    spec:
      containers:
      - name: kube-scheduler
        image: registry.k8s.io/kube-scheduler:v1.30.2
        command:
        - kube-scheduler
        args:
        - --profiling=false
        - --bind-address
        - 127.0.0.1
    ---
    apiVersion: v1
    kind: Pod
    metadata:
      name: etcd
      namespace: kube-system
    spec:
      containers:
      - name: etcd
        image: registry.k8s.io/etcd:3.5.12-0
        command:
        - etcd
        - --cert-file=/etc/kubernetes/pki/etcd/server.crt
        - --key-file=/etc/kubernetes/pki/etcd/server.key
        - --client-cert-auth=true
        - --peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt
        - --peer-key-file=/etc/kubernetes/pki/etcd/peer.key
        - --peer-client-cert-auth=true
        - --trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt
  `,
  kubeadmV1beta3: yaml`
    apiVersion: kubeadm.k8s.io/v1beta3
    kind: ClusterConfiguration
    apiServer:
      extraArgs:
        anonymous-auth: "false"
        profiling: "false"
        audit-policy-file: /etc/kubernetes/audit-policy.yaml
        audit-log-path: /var/log/kubernetes/audit/audit.log
        audit-log-maxage: "30"
        audit-log-maxbackup: "10"
        audit-log-maxsize: "100"
        encryption-provider-config: /etc/kubernetes/enc/encryption-config.yaml
        kubelet-certificate-authority: /etc/kubernetes/pki/ca.crt
    controllerManager:
      extraArgs:
        profiling: "false"
    scheduler:
      extraArgs:
        profiling: "false"
    ---
    apiVersion: kubeadm.k8s.io/v1beta3
    kind: InitConfiguration
    nodeRegistration:
      kubeletExtraArgs:
        rotate-certificates: "true"
  `,
  kubeadmV1beta4: yaml`
    apiVersion: kubeadm.k8s.io/v1beta4
    kind: ClusterConfiguration
    apiServer:
      extraArgs:
      - { name: anonymous-auth, value: "false" }
      - { name: profiling, value: "false" }
      - { name: audit-policy-file, value: /etc/kubernetes/audit-policy.yaml }
      - { name: audit-log-path, value: /var/log/kubernetes/audit/audit.log }
      - { name: audit-log-maxage, value: "30" }
      - { name: audit-log-maxbackup, value: "10" }
      - { name: audit-log-maxsize, value: "100" }
      - { name: encryption-provider-config, value: /etc/kubernetes/enc/encryption-config.yaml }
      - { name: kubelet-certificate-authority, value: /etc/kubernetes/pki/ca.crt }
    controllerManager:
      extraArgs:
      - { name: profiling, value: "false" }
    scheduler:
      extraArgs:
      - { name: profiling, value: "false" }
    etcd:
      local:
        extraArgs:
        - { name: listen-metrics-urls, value: "http://127.0.0.1:2381" }
    ---
    apiVersion: kubeadm.k8s.io/v1beta4
    kind: JoinConfiguration
    nodeRegistration:
      kubeletExtraArgs:
      - name: read-only-port
        value: "0"
  `,
  kubeletConfig: yaml`
    apiVersion: kubelet.config.k8s.io/v1beta1
    kind: KubeletConfiguration
    authentication:
      anonymous:
        enabled: false
      webhook:
        enabled: true
      x509:
        clientCAFile: /etc/kubernetes/pki/ca.crt
    authorization:
      mode: Webhook
    readOnlyPort: 0
    protectKernelDefaults: true
    makeIPTablesUtilChains: true
    rotateCertificates: true
    tlsMinVersion: VersionTLS12
    tlsCipherSuites: [TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384]
  `,
};

/** Valid cases every cluster-config rule test starts with. */
export const HARDENED_CASES = [
  { name: 'hardened static Pods', code: HARDENED.staticPods },
  { name: 'hardened kubeadm v1beta3 configuration', code: HARDENED.kubeadmV1beta3 },
  { name: 'hardened kubeadm v1beta4 configuration', code: HARDENED.kubeadmV1beta4 },
  { name: 'hardened KubeletConfiguration', code: HARDENED.kubeletConfig },
];
