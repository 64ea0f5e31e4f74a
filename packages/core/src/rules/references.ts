import type { RuleReference } from './rule';

/** Shared references so that every rule cites the same documents the same way. */
export const REF = {
  pssBaseline: {
    title: 'Pod Security Standards: Baseline',
    url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
  },
  pssRestricted: {
    title: 'Pod Security Standards: Restricted',
    url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
  },
  nsaHardening: {
    title: 'NSA/CISA Kubernetes Hardening Guide',
    url: 'https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF',
  },
  podSecurityAdmission: {
    title: 'Kubernetes: Pod Security Admission',
    url: 'https://kubernetes.io/docs/concepts/security/pod-security-admission/',
  },
  securityContext: {
    title: 'Kubernetes: Configure a Security Context for a Pod or Container',
    url: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
  },
  resources: {
    title: 'Kubernetes: Resource Management for Pods and Containers',
    url: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
  },
  images: {
    title: 'Kubernetes: Images',
    url: 'https://kubernetes.io/docs/concepts/containers/images/',
  },
  networkPolicies: {
    title: 'Kubernetes: Network Policies',
    url: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/',
  },
  rbacGoodPractices: {
    title: 'Kubernetes: Role Based Access Control Good Practices',
    url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/',
  },
  secretsGoodPractices: {
    title: 'Kubernetes: Good practices for Kubernetes Secrets',
    url: 'https://kubernetes.io/docs/concepts/security/secrets-good-practices/',
  },
  mitre: (id: string, name: string): RuleReference => ({
    title: `MITRE ATT&CK ${id}: ${name}`,
    url: `https://attack.mitre.org/techniques/${id.replace('.', '/')}/`,
  }),
  /**
   * The sections 1, 2 and 4 cited (control plane, etcd, worker nodes) are numbered alike in
   * v1.9 to v1.12 (Kubernetes 1.27+); `version` names an older benchmark for items since dropped.
   */
  cis: (section: string, title: string, version?: string): RuleReference => ({
    title: `CIS Kubernetes Benchmark ${version === undefined ? '' : `${version} `}${section}: ${title}`,
    url: 'https://www.cisecurity.org/benchmark/kubernetes',
  }),
} as const;
