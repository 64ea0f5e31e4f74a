import { istioMtlsPermissive } from '../../../src/rules/service-mesh/istio-mtls-permissive';
import { testRule, yaml } from '../../rule-tester';

testRule(istioMtlsPermissive, {
  valid: [
    {
      name: 'STRICT everywhere, and UNSET or absent modes that inherit',
      code: yaml`
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: default
          namespace: istio-system
        spec:
          mtls:
            mode: STRICT
        ---
        apiVersion: security.istio.io/v1beta1
        kind: PeerAuthentication
        metadata:
          name: inherit
          namespace: shop
        spec:
          mtls:
            mode: UNSET
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: ports
          namespace: shop
        spec:
          selector:
            matchLabels:
              app: web
          portLevelMtls:
            8080:
              mode: STRICT
            9090:
              mode: UNSET
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: empty
          namespace: shop
      `,
    },
    {
      name: 'a PeerAuthentication of another API group, and other Istio kinds, are not Istio policies',
      code: yaml`
        apiVersion: security.example.com/v1
        kind: PeerAuthentication
        metadata:
          name: lookalike
        spec:
          mtls:
            mode: PERMISSIVE
        ---
        apiVersion: security.istio.io/v1
        kind: RequestAuthentication
        metadata:
          name: jwt
        spec:
          mtls:
            mode: PERMISSIVE
      `,
    },
    {
      name: 'hostile shapes do not throw',
      code: yaml`
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: null
        spec: []
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: odd
        spec:
          selector: [app]
          mtls: PERMISSIVE
          portLevelMtls: [PERMISSIVE]
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: odder
        spec:
          mtls:
            mode: [PERMISSIVE]
          portLevelMtls:
            8080: null
            9090: PERMISSIVE
            7070:
              mode: 1
      `,
    },
  ],
  invalid: [
    {
      name: 'namespace-wide PERMISSIVE',
      code: yaml`
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: default
          namespace: shop
        spec:
          mtls:
            mode: PERMISSIVE
      `,
      errors: [
        { line: 8, column: 5, object: 'PeerAuthentication shop/default', path: 'spec.mtls.mode', message: 'every workload in namespace "shop" accept plaintext as well as mTLS' },
      ],
    },
    {
      name: 'port-level PERMISSIVE and DISABLE under a STRICT workload policy',
      code: yaml`
        apiVersion: security.istio.io/v1beta1
        kind: PeerAuthentication
        metadata:
          name: payments
          namespace: shop
        spec:
          selector:
            matchLabels:
              app: payments
          mtls:
            mode: STRICT
          portLevelMtls:
            8080:
              mode: PERMISSIVE
            9090:
              mode: STRICT
            "15020":
              mode: DISABLE
      `,
      errors: [
        { line: 14, column: 7, object: 'PeerAuthentication shop/payments', path: 'spec.portLevelMtls["8080"].mode', message: 'on port 8080 lets the selected workloads' },
        { line: 18, column: 7, object: 'PeerAuthentication shop/payments', path: 'spec.portLevelMtls["15020"].mode', message: 'accept plaintext only' },
      ],
    },
    {
      name: 'mesh-wide DISABLE, and a flow-style policy in a second document',
      code: yaml`
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: default
          namespace: istio-system
        spec:
          mtls:
            mode: DISABLE
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: { name: flow, namespace: legacy }
        spec: { mtls: { mode: PERMISSIVE } }
      `,
      errors: [
        { line: 8, column: 5, object: 'PeerAuthentication istio-system/default', path: 'spec.mtls.mode', message: 'every workload of the mesh' },
        { line: 13, column: 17, object: 'PeerAuthentication legacy/flow', path: 'spec.mtls.mode' },
      ],
    },
    {
      name: 'inside a List, without namespace (defaultNamespace applies)',
      defaultNamespace: 'apps',
      code: yaml`
        apiVersion: v1
        kind: List
        items:
          - apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata:
              name: no-namespace
            spec:
              mtls:
                mode: PERMISSIVE
      `,
      errors: [
        { line: 10, column: 9, object: 'PeerAuthentication apps/no-namespace', path: 'spec.mtls.mode', message: 'namespace "apps"' },
      ],
    },
  ],
});
