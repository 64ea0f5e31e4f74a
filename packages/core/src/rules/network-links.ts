import type { RuleReference } from './rule';

/** Documents cited by several rules of this group, beyond the shared REF. */
export const LINKS = {
  service: { title: 'Kubernetes: Service', url: 'https://kubernetes.io/docs/concepts/services-networking/service/' },
  labels: { title: 'Kubernetes: Labels and Selectors', url: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/' },
  nodePort: { title: 'Kubernetes: Service type NodePort', url: 'https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport' },
  sourceRanges: {
    title: 'Kubernetes: Configure a firewall for a cloud load balancer (loadBalancerSourceRanges)',
    url: 'https://kubernetes.io/docs/tasks/access-application-cluster/configure-cloud-provider-firewall/',
  },
  ingressTls: { title: 'Kubernetes: Ingress TLS', url: 'https://kubernetes.io/docs/concepts/services-networking/ingress/#tls' },
  externalIps: { title: 'Kubernetes: Service external IPs', url: 'https://kubernetes.io/docs/concepts/services-networking/service/#external-ips' },
  cve20208554: {
    title: 'CVE-2020-8554: Man in the middle using LoadBalancer or ExternalIPs',
    url: 'https://github.com/kubernetes/kubernetes/issues/97076',
  },
  configBestPractices: { title: 'Kubernetes: Configuration Best Practices (Services)', url: 'https://kubernetes.io/docs/concepts/configuration/overview/#services' },
} as const satisfies Record<string, RuleReference>;
