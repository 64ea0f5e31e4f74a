import type { Component } from './component-settings';

/**
 * Defaults of the flags the rules read, as documented for the binaries of Kubernetes 1.27 and
 * later (the versions CIS Kubernetes Benchmark v1.9 to v1.12 cover) and etcd 3.5. A flag that is
 * absent here has no value when not given (`--audit-log-path`, `--encryption-provider-config`).
 */
export const BINARY_DEFAULTS: Record<Component, Readonly<Record<string, string>>> = {
  'kube-apiserver': {
    'anonymous-auth': 'true',
    // Unless `--authorization-config` is given (rules check that first).
    'authorization-mode': 'AlwaysAllow',
    profiling: 'true',
    'audit-log-maxage': '0',
    'audit-log-maxbackup': '0',
    'audit-log-maxsize': '0',
    'enable-admission-plugins': '',
    'disable-admission-plugins': '',
    'bind-address': '0.0.0.0',
  },
  'kube-controller-manager': { profiling: 'true', 'bind-address': '0.0.0.0' },
  'kube-scheduler': { profiling: 'true', 'bind-address': '0.0.0.0' },
  etcd: { 'client-cert-auth': 'false', 'peer-client-cert-auth': 'false', 'auto-tls': 'false', 'peer-auto-tls': 'false' },
  kubelet: {},
};

/**
 * Flags kubeadm writes into the static Pods it generates (kubeadm 1.27 to 1.34,
 * `cmd/kubeadm/app/phases/controlplane/manifests.go` and `etcd/local.go`). For a
 * ClusterConfiguration, only an explicit `extraArgs` entry can change them; the value stands for
 * "set by kubeadm" where the rules only ask whether a file is given.
 */
export const KUBEADM_DEFAULTS: Record<Component, Readonly<Record<string, string>>> = {
  'kube-apiserver': {
    'authorization-mode': 'Node,RBAC',
    'enable-admission-plugins': 'NodeRestriction',
    'client-ca-file': '/etc/kubernetes/pki/ca.crt',
    'tls-cert-file': '/etc/kubernetes/pki/apiserver.crt',
    'tls-private-key-file': '/etc/kubernetes/pki/apiserver.key',
    'kubelet-client-certificate': '/etc/kubernetes/pki/apiserver-kubelet-client.crt',
    'kubelet-client-key': '/etc/kubernetes/pki/apiserver-kubelet-client.key',
    'etcd-cafile': '/etc/kubernetes/pki/etcd/ca.crt',
    'etcd-certfile': '/etc/kubernetes/pki/apiserver-etcd-client.crt',
    'etcd-keyfile': '/etc/kubernetes/pki/apiserver-etcd-client.key',
  },
  'kube-controller-manager': { 'bind-address': '127.0.0.1', 'use-service-account-credentials': 'true' },
  'kube-scheduler': { 'bind-address': '127.0.0.1' },
  etcd: {
    'client-cert-auth': 'true',
    'peer-client-cert-auth': 'true',
    'cert-file': '/etc/kubernetes/pki/etcd/server.crt',
    'key-file': '/etc/kubernetes/pki/etcd/server.key',
    'peer-cert-file': '/etc/kubernetes/pki/etcd/peer.crt',
    'peer-key-file': '/etc/kubernetes/pki/etcd/peer.key',
    'trusted-ca-file': '/etc/kubernetes/pki/etcd/ca.crt',
  },
  kubelet: {},
};

/**
 * Defaults of the KubeletConfiguration file (kubelet.config.k8s.io/v1beta1), which differ from
 * the flags' (`--anonymous-auth` defaults to true, `--read-only-port` to 10255). kubeletExtraArgs
 * have no defaults here: kubeadm also writes a configuration file that the manifest does not show.
 */
export const KUBELET_CONFIG_DEFAULTS: Readonly<Record<string, string>> = {
  'anonymous-auth': 'false',
  'authorization-mode': 'Webhook',
  'read-only-port': '0',
  'protect-kernel-defaults': 'false',
  'make-iptables-util-chains': 'true',
  'rotate-certificates': 'false',
  'allowed-unsafe-sysctls': '',
};
