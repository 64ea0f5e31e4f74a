import type { RuleReference } from '../../rules/rule';

/** Upstream documentation the cluster-config rules cite. */
export const CONTROL_PLANE_REF = {
  apiserver: { title: 'Kubernetes: kube-apiserver command line', url: 'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/' },
  controllerManager: { title: 'Kubernetes: kube-controller-manager command line', url: 'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/' },
  scheduler: { title: 'Kubernetes: kube-scheduler command line', url: 'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-scheduler/' },
  kubeletConfig: { title: 'Kubernetes: Kubelet Configuration (v1beta1)', url: 'https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/' },
  kubeletAuth: { title: 'Kubernetes: Kubelet authentication/authorization', url: 'https://kubernetes.io/docs/reference/access-authn-authz/kubelet-authn-authz/' },
  kubeadmConfig: { title: 'Kubernetes: kubeadm Configuration (v1beta4)', url: 'https://kubernetes.io/docs/reference/config-api/kubeadm-config.v1beta4/' },
  etcdSecurity: { title: 'etcd: Transport security model', url: 'https://etcd.io/docs/v3.5/op-guide/security/' },
  auditing: { title: 'Kubernetes: Auditing', url: 'https://kubernetes.io/docs/tasks/debug/debug-cluster/audit/' },
  encryption: { title: 'Kubernetes: Encrypting Confidential Data at Rest', url: 'https://kubernetes.io/docs/tasks/administer-cluster/encrypt-data/' },
  admission: { title: 'Kubernetes: Admission Control in Kubernetes', url: 'https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/' },
  authorization: { title: 'Kubernetes: Authorization', url: 'https://kubernetes.io/docs/reference/access-authn-authz/authorization/' },
  authentication: { title: 'Kubernetes: Authenticating', url: 'https://kubernetes.io/docs/reference/access-authn-authz/authentication/' },
  sysctls: { title: 'Kubernetes: Using sysctls in a Kubernetes Cluster', url: 'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/' },
  controlAccess: { title: 'Kubernetes: Controlling Access to the Kubernetes API', url: 'https://kubernetes.io/docs/concepts/security/controlling-access/' },
} as const satisfies Record<string, RuleReference>;
