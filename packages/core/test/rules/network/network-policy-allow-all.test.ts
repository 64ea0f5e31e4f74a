import { networkPolicyAllowAll } from '../../../src/rules/network/network-policy-allow-all';
import { testRule, yaml } from '../../rule-tester';

testRule(networkPolicyAllowAll, {
  valid: [
    {
      name: 'rules restricted by peers or ports, and default-deny policies',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: web, namespace: shop }
        spec:
          podSelector: { matchLabels: { app: web } }
          policyTypes: [Ingress, Egress]
          ingress:
            - from:
                - podSelector: { matchLabels: { app: gateway } }
            - ports:
                - { protocol: TCP, port: 8080 }
          egress:
            - to:
                - namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: kube-system } }
              ports:
                - { protocol: UDP, port: 53 }
            - ports: [{ port: 443 }]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: deny, namespace: shop }
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
          ingress: []
          egress: []
      `,
    },
    {
      name: 'wide ipBlocks with except, and narrower ranges',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: internet, namespace: shop }
        spec:
          podSelector: {}
          egress:
            - to:
                - ipBlock:
                    cidr: 0.0.0.0/0
                    except: [10.0.0.0/8, 169.254.169.254/32]
                - ipBlock: { cidr: "::/0", except: ["fd00::/8"] }
                - ipBlock: { cidr: 10.0.0.0/8 }
                - ipBlock: { cidr: 0.0.0.0/1 }
          ingress:
            - from:
                - ipBlock: { cidr: 203.0.113.0/24 }
      `,
    },
    {
      name: 'policies of other API versions and other kinds are not checked',
      code: yaml`
        apiVersion: extensions/v1beta1
        kind: NetworkPolicy
        metadata: { name: old }
        spec:
          ingress: [{}]
        ---
        apiVersion: crd.projectcalico.org/v1
        kind: NetworkPolicy
        metadata: { name: calico }
        spec:
          ingress: [{ action: Allow }]
      `,
    },
    {
      name: 'hostile shapes do not throw',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: null
        spec: []
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: a }
        spec:
          ingress: "x"
          egress: { to: [] }
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: b }
        spec:
          ingress: ["x", 3, [], { from: "x" }, { from: [null, "y", { ipBlock: [] }, { ipBlock: { cidr: 7 } }] }]
          egress: [{ to: [{ ipBlock: { cidr: [] } }], ports: "x" }]
      `,
    },
  ],
  invalid: [
    {
      name: 'ingress: [{}] and an egress rule without to and ports',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: allow-all
          namespace: shop
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
          ingress:
            - {}
          egress:
            - to: []
              ports: []
      `,
      errors: [
        { line: 10, column: 7, object: 'NetworkPolicy shop/allow-all', path: 'spec.ingress[0]', message: 'ingress rule 0 allows traffic from every source on every port' },
        { line: 12, column: 7, object: 'NetworkPolicy shop/allow-all', path: 'spec.egress[0]', message: 'egress rule 0 allows traffic to every destination on every port' },
      ],
    },
    {
      name: 'a null rule decodes to the empty rule; later rules are checked too',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: np, namespace: shop }
        spec:
          podSelector: { matchLabels: { app: web } }
          ingress:
            - from: [{ podSelector: {} }]
            - ~
            - from: []
      `,
      errors: [
        { line: 8, column: 7, object: 'NetworkPolicy shop/np', path: 'spec.ingress[1]', message: 'ingress rule 1' },
        { line: 9, column: 7, object: 'NetworkPolicy shop/np', path: 'spec.ingress[2]', message: 'ingress rule 2' },
      ],
    },
    {
      name: 'ipBlock peers of 0.0.0.0/0 and ::/0 without except, even with ports',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: wide
          namespace: shop
        spec:
          podSelector: {}
          ingress:
            - from:
                - podSelector: { matchLabels: { app: gateway } }
                - ipBlock:
                    cidr: 0.0.0.0/0
              ports: [{ port: 443 }]
          egress:
            - to:
                - ipBlock: { cidr: "::/0", except: [] }
                - ipBlock: { cidr: 10.0.0.0/8 }
            - ports: [{ port: 53, protocol: UDP }]
              to:
                - ipBlock: { cidr: 0.0.0.0/0 }
      `,
      errors: [
        { line: 12, column: 13, object: 'NetworkPolicy shop/wide', path: 'spec.ingress[0].from[1].ipBlock.cidr', message: 'ingress rule 0 allows traffic from any IP address (0.0.0.0/0)' },
        { line: 16, column: 22, object: 'NetworkPolicy shop/wide', path: 'spec.egress[0].to[0].ipBlock.cidr', message: 'egress rule 0 allows traffic to any IP address (::/0)' },
        { line: 20, column: 22, object: 'NetworkPolicy shop/wide', path: 'spec.egress[1].to[0].ipBlock.cidr', message: 'egress rule 1 allows traffic to any IP address (0.0.0.0/0)' },
      ],
    },
    {
      name: 'flow style and a kind: List',
      code: yaml`
        apiVersion: v1
        kind: List
        items:
          - {apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: a}, spec: {podSelector: {}, egress: [{}]}}
          - apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: { name: b }
            spec:
              ingress:
                - from: [{ ipBlock: { cidr: "0.0.0.0/0" } }]
      `,
      errors: [
        { line: 4, column: 115, object: 'NetworkPolicy a', path: 'spec.egress[0]', message: 'egress rule 0' },
        { line: 10, column: 31, object: 'NetworkPolicy b', path: 'spec.ingress[0].from[0].ipBlock.cidr', message: '(0.0.0.0/0)' },
      ],
    },
  ],
});
