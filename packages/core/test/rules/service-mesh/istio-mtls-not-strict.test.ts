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
      name: 'Istio objects and no PeerAuthentication: at the namespace\'s first Istio object by kind and name (no workload there)',
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
        { line: 17, column: 3, object: 'DestinationRule shop/web', path: 'metadata.namespace', message: 'namespace "shop" has no namespace-wide STRICT PeerAuthentication, and there is no mesh-wide STRICT PeerAuthentication in root namespace "istio-system"' },
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
      name: 'namespace-wide STRICT covers only its namespace: an injection-labelled namespace without one is reported at its Namespace object',
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
        { line: 4, column: 3, object: 'Namespace legacy', path: 'metadata.name', message: 'namespace "legacy" has no namespace-wide STRICT PeerAuthentication' },
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
      errors: [{ line: 15, column: 3, object: 'PeerAuthentication istio-system/only-web', path: 'metadata.namespace', message: 'namespace "istio-system" has no namespace-wide STRICT PeerAuthentication' }],
    },
    {
      name: 'issue 14: namespace "web" is reported in "web" (its workload, first by kind and name), never at the STRICT policy of "payments"',
      code: yaml`
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: default
          namespace: payments
        spec:
          mtls:
            mode: STRICT
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: frontend
          namespace: web
        spec:
          hosts: [frontend]
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: cache
          namespace: web
        spec:
          template:
            spec:
              containers: [{ name: cache, image: "cache:1" }]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: frontend
          namespace: web
        spec:
          template:
            spec:
              containers: [{ name: web, image: "web:1" }]
      `,
      errors: [
        { line: 32, column: 3, object: 'Deployment web/frontend', path: 'metadata.namespace', message: 'namespace "web" has no namespace-wide STRICT PeerAuthentication, and there is no mesh-wide STRICT PeerAuthentication in root namespace "istio-system"' },
      ],
    },
    {
      name: 'no mesh-wide policy: each non-STRICT namespace at its own PERMISSIVE policy, not at its workload',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: legacy
        spec:
          template:
            spec:
              containers: [{ name: api, image: "api:1" }]
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: default
          namespace: legacy
        spec:
          mtls:
            mode: PERMISSIVE
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: default
          namespace: payments
        spec:
          mtls:
            mode: STRICT
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: db
          namespace: data
        spec:
          host: db
      `,
      errors: [
        { line: 18, column: 5, object: 'PeerAuthentication legacy/default', path: 'spec.mtls.mode', message: 'the namespace-wide mTLS mode of namespace "legacy" is "PERMISSIVE", not STRICT, and there is no mesh-wide STRICT PeerAuthentication in root namespace "istio-system"' },
        { line: 33, column: 3, object: 'DestinationRule data/db', path: 'metadata.namespace', message: 'namespace "data" has no namespace-wide STRICT PeerAuthentication' },
      ],
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
        { line: 21, column: 3, object: 'PeerAuthentication istio-system/default', path: 'spec.mtls.mode', message: 'namespaces without a namespace-wide STRICT PeerAuthentication: the unset namespace of standard input, "istio-system"' },
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

  test('one finding per uncovered namespace at its own objects, whatever the order of the paths and the names of the files', async () => {
    const cwd = makeTree(files);
    const first = await lint({ paths: ['.'], cwd, config, rules: [istioMtlsNotStrict] });
    const second = await lint({ paths: ['platform', 'apps/shop', 'apps/cart/rules.yaml'], cwd, config, rules: [istioMtlsNotStrict] });
    expect(first.findings.map(brief)).toEqual([
      'apps/cart/rules.yaml:6:3 DestinationRule metadata.namespace',
      'apps/shop/routes.yaml:5:3 Deployment metadata.namespace',
      'platform/istio/workload-policy.yaml:5:3 PeerAuthentication metadata.namespace',
    ]);
    expect(first.findings.map((f) => f.message)).toEqual(
      ['cart', 'shop', 'istio-system'].map((namespace) => `namespace "${namespace}" has no namespace-wide STRICT PeerAuthentication, and there is no mesh-wide STRICT PeerAuthentication in root namespace "istio-system"`),
    );
    expect(second.findings.map(brief)).toEqual(first.findings.map(brief));
    // The shop namespace split over two files whose path order is swapped: same object.
    const [deployment, virtualService] = files['apps/shop/routes.yaml'].split('---\n');
    const split = (a: string, b: string) => makeTree({ [a]: deployment ?? '', [b]: virtualService ?? '' });
    const forward = await lint({ paths: ['.'], cwd: split('a.yaml', 'b.yaml'), config, rules: [istioMtlsNotStrict] });
    const backward = await lint({ paths: ['.'], cwd: split('b.yaml', 'a.yaml'), config, rules: [istioMtlsNotStrict] });
    expect(forward.findings.map(brief)).toEqual(['a.yaml:5:3 Deployment metadata.namespace']);
    expect(backward.findings.map(brief)).toEqual(['b.yaml:5:3 Deployment metadata.namespace']);
  });

  test('a mesh-wide STRICT policy in another file satisfies it; a PERMISSIVE one is reported where it is', async () => {
    const mesh = (mode: string): string => `apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: default\n  namespace: istio-system\nspec:\n  mtls:\n    mode: ${mode}\n`;
    const strict = await lint({ paths: ['.'], cwd: makeTree({ ...files, 'platform/istio/mesh.yaml': mesh('STRICT') }), config, rules: [istioMtlsNotStrict] });
    expect(strict.findings).toEqual([]);
    const permissive = await lint({ paths: ['.'], cwd: makeTree({ ...files, 'platform/istio/mesh.yaml': mesh('PERMISSIVE') }), config, rules: [istioMtlsNotStrict] });
    expect(permissive.findings.map(brief)).toEqual(['platform/istio/mesh.yaml:8:5 PeerAuthentication spec.mtls.mode']);
  });
});
