import { EMPTY_CONFIG, lint, type Finding } from '../../../src';
import { istioMtlsNotStrict } from '../../../src/rules/service-mesh/istio-mtls-not-strict';
import { makeTree } from '../../helpers';
import { testRule, yaml } from '../../rule-tester';

testRule(istioMtlsNotStrict, {
  valid: [
    {
      name: 'a mesh-wide STRICT policy in istio-system (workload exceptions are another rule\'s business)',
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
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: web
          namespace: shop
        spec:
          hosts: [web]
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: metrics
          namespace: shop
        spec:
          selector:
            matchLabels:
              app: web
          mtls:
            mode: PERMISSIVE
      `,
    },
    {
      name: 'no Istio object in the linted set: the rule does not run',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels:
            istio-injection: enabled
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            metadata:
              labels:
                sidecar.istio.io/inject: "true"
            spec:
              containers: [{ name: web, image: "web:1.0" }]
      `,
    },
    {
      name: 'no mesh-wide policy, but every mesh namespace has a namespace-wide STRICT one',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels:
            istio.io/rev: stable
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: default
          namespace: shop
        spec:
          mtls:
            mode: STRICT
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: web
          namespace: shop
        spec:
          host: web
        ---
        apiVersion: security.istio.io/v1beta1
        kind: PeerAuthentication
        metadata:
          name: default
          namespace: cart
        spec:
          selector:
            matchLabels: {}
          mtls:
            mode: STRICT
      `,
    },
    {
      name: 'rootNamespace option',
      options: { rootNamespace: 'mesh-root' },
      code: yaml`
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: default
          namespace: mesh-root
        spec:
          mtls:
            mode: STRICT
        ---
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: api
          namespace: istio-system
        spec:
          hosts: [api.example.com]
      `,
    },
    {
      name: 'a policy without namespace is in defaultNamespace',
      defaultNamespace: 'istio-system',
      code: yaml`
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: default
        spec:
          mtls:
            mode: STRICT
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: web
          namespace: shop
        spec:
          hosts: [web]
      `,
    },
    {
      name: 'hostile shapes next to a mesh-wide STRICT policy do not throw',
      code: yaml`
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: null
        spec: []
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: odd
          namespace: [shop]
        spec: "nothing"
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          labels: [istio-injection]
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: default
          namespace: istio-system
        spec:
          mtls:
            mode: STRICT
      `,
    },
  ],
  invalid: [
    {
      name: 'Istio objects and no PeerAuthentication: reported once, at the first Istio object',
      code: yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: web
          namespace: shop
        spec:
          hosts: [web]
          http:
            - route:
                - destination:
                    host: web
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: web
          namespace: shop
        spec:
          host: web
      `,
      errors: [
        { line: 1, column: 1, object: 'VirtualService shop/web', path: 'apiVersion', message: 'no mesh-wide STRICT PeerAuthentication in root namespace "istio-system"; namespaces without a namespace-wide STRICT PeerAuthentication: "shop"' },
      ],
    },
    {
      name: 'a PERMISSIVE mesh-wide policy is where the finding goes, even when it is not the first Istio object',
      code: yaml`
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata:
          name: public
          namespace: istio-ingress
        spec:
          selector:
            istio: ingressgateway
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: default
          namespace: istio-system
        spec:
          mtls:
            mode: PERMISSIVE
      `,
      errors: [
        { line: 17, column: 5, object: 'PeerAuthentication istio-system/default', path: 'spec.mtls.mode', message: 'the mesh-wide mTLS mode is "PERMISSIVE", not STRICT; namespaces without a namespace-wide STRICT PeerAuthentication: "istio-ingress", "istio-system"' },
      ],
    },
    {
      name: 'an UNSET mesh-wide policy (empty selector) next to a STRICT one: Istio keeps the oldest, so both must be STRICT',
      code: yaml`
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: default
          namespace: istio-system
        spec:
          selector: {}
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: strict
          namespace: istio-system
        spec:
          mtls:
            mode: STRICT
      `,
      errors: [{ line: 6, column: 1, object: 'PeerAuthentication istio-system/default', path: 'spec.mtls.mode', message: '"UNSET" (PERMISSIVE)' }],
    },
    {
      name: 'a second, PERMISSIVE mesh-wide policy after a STRICT one',
      code: yaml`
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: strict
          namespace: istio-system
        spec:
          mtls:
            mode: STRICT
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: migration
          namespace: istio-system
        spec:
          mtls:
            mode: PERMISSIVE
      `,
      errors: [{ line: 17, column: 5, object: 'PeerAuthentication istio-system/migration', path: 'spec.mtls.mode' }],
    },
    {
      name: 'namespace-wide STRICT covers only its namespace: an injection-labelled namespace without one is listed',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: legacy
          labels:
            istio-injection: enabled
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: default
          namespace: shop
        spec:
          mtls:
            mode: STRICT
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: web
          namespace: shop
        spec:
          hosts: [web]
      `,
      errors: [
        { line: 8, column: 1, object: 'PeerAuthentication shop/default', path: 'apiVersion', message: 'namespaces without a namespace-wide STRICT PeerAuthentication: "legacy"' },
      ],
    },
    {
      name: 'a STRICT policy with a selector in the root namespace is not mesh-wide',
      code: yaml`
        apiVersion: telemetry.istio.io/v1
        kind: Telemetry
        metadata:
          name: mesh-default
          namespace: istio-system
        spec:
          accessLogging:
            - providers:
                - name: envoy
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: only-web
          namespace: istio-system
        spec:
          selector:
            matchLabels:
              app: web
          mtls:
            mode: STRICT
      `,
      errors: [{ line: 1, column: 1, object: 'Telemetry istio-system/mesh-default', path: 'apiVersion', message: '"istio-system"' }],
    },
    {
      name: 'hostile shapes: a mesh-wide policy whose mtls is a string is not STRICT',
      code: yaml`
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: null
        spec: []
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: odd
          namespace: [shop]
        spec: "nothing"
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: default
          namespace: istio-system
        spec:
          selector:
            matchLabels: null
          mtls: STRICT
      `,
      errors: [
        { line: 21, column: 3, object: 'PeerAuthentication istio-system/default', path: 'spec.mtls.mode', message: 'namespaces without a namespace-wide STRICT PeerAuthentication: "default", "istio-system"' },
      ],
    },
  ],
});

describe('istio-mtls-not-strict over a tree of files', () => {
  const config = { ...EMPTY_CONFIG, rules: { [istioMtlsNotStrict.meta.id]: { severity: 'warning' as const } } };
  const brief = (f: Finding): string => `${f.file}:${f.line}:${f.column} ${f.object?.kind ?? ''} ${f.path}`;
  const files = {
    'apps/shop/routes.yaml': yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
      spec:
        template:
          spec:
            containers: [{ name: web, image: "web:1.0" }]
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata:
        name: web
        namespace: shop
      spec:
        hosts: [web]
    `,
    'apps/cart/rules.yaml': yaml`
      # cart traffic policy
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata:
        name: cart
        namespace: cart
      spec:
        host: cart
    `,
    'platform/istio/workload-policy.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata:
        name: ingress
        namespace: istio-system
      spec:
        selector:
          matchLabels:
            istio: ingressgateway
        mtls:
          mode: STRICT
    `,
  };

  test('reports once, at the first Istio object by file path, whatever the order of the paths', async () => {
    const cwd = makeTree(files);
    const first = await lint({ paths: ['.'], cwd, config, rules: [istioMtlsNotStrict] });
    const second = await lint({ paths: ['platform', 'apps/shop', 'apps/cart/rules.yaml'], cwd, config, rules: [istioMtlsNotStrict] });
    expect(first.findings.map(brief)).toEqual(['apps/cart/rules.yaml:2:1 DestinationRule apiVersion']);
    expect(first.findings[0]?.message).toContain('"cart", "istio-system", "shop"');
    expect(second.findings.map(brief)).toEqual(first.findings.map(brief));
  });

  test('a mesh-wide STRICT policy in another file satisfies it; a PERMISSIVE one is reported where it is', async () => {
    const mesh = (mode: string): string => `apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: default\n  namespace: istio-system\nspec:\n  mtls:\n    mode: ${mode}\n`;
    const strict = await lint({ paths: ['.'], cwd: makeTree({ ...files, 'platform/istio/mesh.yaml': mesh('STRICT') }), config, rules: [istioMtlsNotStrict] });
    expect(strict.findings).toEqual([]);
    const permissive = await lint({ paths: ['.'], cwd: makeTree({ ...files, 'platform/istio/mesh.yaml': mesh('PERMISSIVE') }), config, rules: [istioMtlsNotStrict] });
    expect(permissive.findings.map(brief)).toEqual(['platform/istio/mesh.yaml:8:5 PeerAuthentication spec.mtls.mode']);
  });
});
