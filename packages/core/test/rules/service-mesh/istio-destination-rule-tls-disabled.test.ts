import { istioDestinationRuleTlsDisabled } from '../../../src/rules/service-mesh/istio-destination-rule-tls-disabled';
import { testRule, yaml } from '../../rule-tester';

testRule(istioDestinationRuleTlsDisabled, {
  valid: [
    {
      name: 'ISTIO_MUTUAL, SIMPLE, MUTUAL and no tls block at all',
      code: yaml`
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: reviews
          namespace: shop
        spec:
          host: reviews
          trafficPolicy:
            tls:
              mode: ISTIO_MUTUAL
            portLevelSettings:
              - port: { number: 9080 }
                loadBalancer: { simple: ROUND_ROBIN }
          subsets:
            - name: v1
              labels: { version: v1 }
            - name: external
              labels: { version: ext }
              trafficPolicy:
                tls:
                  mode: SIMPLE
                  sni: api.example.com
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: bank
          namespace: shop
        spec:
          host: bank.example.com
          trafficPolicy:
            tls:
              mode: MUTUAL
              credentialName: bank-client
      `,
    },
    {
      name: 'DISABLE in a DestinationRule of another API group, or in another Istio kind',
      code: yaml`
        apiVersion: networking.example.com/v1
        kind: DestinationRule
        metadata:
          name: lookalike
        spec:
          trafficPolicy:
            tls:
              mode: DISABLE
        ---
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: api
        spec:
          trafficPolicy:
            tls:
              mode: DISABLE
      `,
    },
    {
      name: 'hostile shapes do not throw',
      code: yaml`
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: null
        spec: []
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: odd
        spec:
          host: [a, b]
          trafficPolicy: [tls]
          subsets: { v1: DISABLE }
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: odder
        spec:
          trafficPolicy:
            tls: DISABLE
            portLevelSettings: DISABLE
          subsets:
            - null
            - 3
            - name: v1
              trafficPolicy:
                tls: null
                portLevelSettings: [null, 7, { tls: [DISABLE] }]
      `,
    },
  ],
  invalid: [
    {
      name: 'DISABLE for the whole host',
      code: yaml`
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: legacy
          namespace: shop
        spec:
          host: legacy.shop.svc.cluster.local
          trafficPolicy:
            tls:
              mode: DISABLE
      `,
      errors: [
        { line: 10, column: 7, object: 'DestinationRule shop/legacy', path: 'spec.trafficPolicy.tls.mode', message: 'sends traffic to host "legacy.shop.svc.cluster.local" in plaintext' },
      ],
    },
    {
      name: 'DISABLE per port, per subset, and per port of a subset',
      code: yaml`
        apiVersion: networking.istio.io/v1beta1
        kind: DestinationRule
        metadata:
          name: reviews
          namespace: shop
        spec:
          host: reviews
          trafficPolicy:
            tls:
              mode: ISTIO_MUTUAL
            portLevelSettings:
              - port:
                  number: 9080
                tls:
                  mode: ISTIO_MUTUAL
              - port:
                  number: 9090
                tls:
                  mode: DISABLE
              - tls: { mode: DISABLE }
          subsets:
            - name: v1
              labels: { version: v1 }
              trafficPolicy:
                tls:
                  mode: DISABLE
            - name: v2
              labels: { version: v2 }
              trafficPolicy:
                portLevelSettings:
                  - port: { number: 8443 }
                    tls:
                      mode: DISABLE
      `,
      errors: [
        { line: 19, column: 11, object: 'DestinationRule shop/reviews', path: 'spec.trafficPolicy.portLevelSettings[1].tls.mode', message: 'host "reviews" on port 9090' },
        { line: 20, column: 16, object: 'DestinationRule shop/reviews', path: 'spec.trafficPolicy.portLevelSettings[2].tls.mode', message: 'on portLevelSettings[2]' },
        { line: 26, column: 11, object: 'DestinationRule shop/reviews', path: 'spec.subsets[0].trafficPolicy.tls.mode', message: 'subset "v1" of host "reviews"' },
        { line: 33, column: 15, object: 'DestinationRule shop/reviews', path: 'spec.subsets[1].trafficPolicy.portLevelSettings[0].tls.mode', message: 'subset "v2" of host "reviews" on port 8443' },
      ],
    },
    {
      name: 'an older API version inside a List, flow style, without host',
      code: yaml`
        apiVersion: v1
        kind: List
        items:
          - apiVersion: networking.istio.io/v1alpha3
            kind: DestinationRule
            metadata: { name: old }
            spec:
              trafficPolicy: { tls: { mode: DISABLE } }
      `,
      errors: [{ line: 8, column: 31, object: 'DestinationRule old', path: 'spec.trafficPolicy.tls.mode', message: 'to the host' }],
    },
  ],
});
