import { loadbalancerSourceRanges } from '../../../src/rules/exposure/loadbalancer-source-ranges';
import { testRule, yaml } from '../../rule-tester';

testRule(loadbalancerSourceRanges, {
  valid: [
    {
      name: 'restricted source ranges in the field or the annotation; other Service types',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: { name: web, namespace: shop }
        spec:
          type: LoadBalancer
          loadBalancerSourceRanges: [203.0.113.0/24, "2001:db8::/32"]
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: legacy
          namespace: shop
          annotations:
            service.beta.kubernetes.io/load-balancer-source-ranges: "203.0.113.0/24, 198.51.100.7/32"
        spec:
          type: LoadBalancer
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: internal-only, namespace: shop }
        spec:
          type: ClusterIP
      `,
    },
    {
      name: 'the field wins over an open annotation',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          annotations:
            service.beta.kubernetes.io/load-balancer-source-ranges: 0.0.0.0/0
        spec:
          type: LoadBalancer
          loadBalancerSourceRanges: [10.0.0.0/8]
      `,
    },
    {
      name: 'internal load balancers of AWS, GKE, Azure and others',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: aws
          annotations: { service.beta.kubernetes.io/aws-load-balancer-internal: "true" }
        spec: { type: LoadBalancer }
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: aws-legacy
          annotations: { service.beta.kubernetes.io/aws-load-balancer-internal: 0.0.0.0/0 }
        spec: { type: LoadBalancer }
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: aws-lbc
          annotations: { service.beta.kubernetes.io/aws-load-balancer-scheme: internal }
        spec: { type: LoadBalancer }
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: gke
          annotations: { networking.gke.io/load-balancer-type: Internal }
        spec: { type: LoadBalancer }
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: gke-legacy
          annotations: { cloud.google.com/load-balancer-type: internal }
        spec: { type: LoadBalancer }
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: azure
          annotations: { service.beta.kubernetes.io/azure-load-balancer-internal: "true" }
        spec: { type: LoadBalancer }
      `,
    },
    {
      name: 'hostile shapes do not throw',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: null
        spec: []
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: a, annotations: [] }
        spec:
          type: [LoadBalancer]
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: b, annotations: { service.beta.kubernetes.io/load-balancer-source-ranges: 7 } }
        spec:
          type: LoadBalancer
          loadBalancerSourceRanges: [7, null, [], 10.0.0.0/8]
      `,
    },
  ],
  invalid: [
    {
      name: 'no source ranges: reported at spec.type',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: shop
        spec:
          selector: { app: web }
          type: LoadBalancer
          ports: [{ port: 443 }]
      `,
      errors: [
        { line: 8, column: 3, object: 'Service shop/web', path: 'spec.type', message: 'the load balancer of Service "web" accepts clients from any address: it sets no loadBalancerSourceRanges' },
      ],
    },
    {
      name: 'ranges that include 0.0.0.0/0 or ::/0',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: shop
        spec:
          type: LoadBalancer
          loadBalancerSourceRanges:
            - 203.0.113.0/24
            - 0.0.0.0/0
            - "::/0"
      `,
      errors: [
        { line: 10, column: 7, object: 'Service shop/web', path: 'spec.loadBalancerSourceRanges[1]', message: '(0.0.0.0/0)' },
        { line: 11, column: 7, object: 'Service shop/web', path: 'spec.loadBalancerSourceRanges[2]', message: '(::/0)' },
      ],
    },
    {
      name: 'an open annotation, an empty field, a non-internal annotation value',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: legacy
          annotations:
            service.beta.kubernetes.io/load-balancer-source-ranges: "10.0.0.0/8,0.0.0.0/0"
        spec:
          type: LoadBalancer
          loadBalancerSourceRanges: []
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: azure
          annotations:
            service.beta.kubernetes.io/azure-load-balancer-internal: "false"
            service.beta.kubernetes.io/aws-load-balancer-internal: "false"
        spec: { type: LoadBalancer }
      `,
      errors: [
        { line: 6, column: 5, object: 'Service legacy', path: 'metadata.annotations["service.beta.kubernetes.io/load-balancer-source-ranges"]', message: '(0.0.0.0/0)' },
        { line: 18, column: 9, object: 'Service azure', path: 'spec.type', message: 'it sets no loadBalancerSourceRanges' },
      ],
    },
  ],
});
