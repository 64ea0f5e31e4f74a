import { EMPTY_CONFIG, lint, type Finding } from '../../../src';
import { serviceSelectorMatchesNothing } from '../../../src/rules/network/service-selector-matches-nothing';
import { makeTree } from '../../helpers';
import { testRule, yaml } from '../../rule-tester';

testRule(serviceSelectorMatchesNothing, {
  valid: [
    {
      name: 'the selector is a subset of the pod template labels (another document)',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: { name: web, namespace: shop }
        spec:
          selector:
            app.kubernetes.io/name: web
          ports: [{ port: 80 }]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: web, namespace: shop }
        spec:
          template:
            metadata:
              labels:
                app.kubernetes.io/name: web
                tier: frontend
            spec:
              containers: [{ name: app, image: "web:1" }]
      `,
    },
    {
      name: 'numbers and booleans compare as their text; a null value is the empty string',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: { name: db }
        spec:
          selector: { app: db, version: 2, primary: true, shard: ~ }
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: { name: db }
        spec:
          template:
            metadata:
              labels: { app: db, version: "2", primary: "true", shard: "" }
            spec:
              containers: [{ name: db, image: "db:1" }]
      `,
    },
    {
      name: 'no selector, an empty selector, ExternalName, other API versions',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: { name: manual, namespace: shop }
        spec:
          ports: [{ port: 5432 }]
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: empty, namespace: shop }
        spec:
          selector: {}
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: external, namespace: shop }
        spec:
          type: ExternalName
          externalName: db.example.com
          selector: { app: nothing }
        ---
        apiVersion: serving.knative.dev/v1
        kind: Service
        metadata: { name: knative, namespace: shop }
        spec:
          selector: { app: nothing }
      `,
    },
    {
      name: 'defaultNamespace: Service without namespace matches a workload in the configured namespace',
      defaultNamespace: 'shop',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: { name: web }
        spec:
          selector: { app: web }
        ---
        apiVersion: v1
        kind: Pod
        metadata: { name: web, namespace: shop, labels: { app: web } }
        spec:
          containers: [{ name: app, image: "web:1" }]
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
        metadata: { name: [] }
        spec:
          selector: "app=web"
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: x }
        spec:
          selector: [app, web]
          type: 7
      `,
    },
  ],
  invalid: [
    {
      name: 'a typo in a selector key',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            metadata:
              labels:
                app: web
            spec:
              containers: [{ name: app, image: "web:1" }]
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: shop
        spec:
          type: LoadBalancer
          selector:
            ap: web
          ports: [{ port: 80 }]
      `,
      errors: [
        { line: 21, column: 3, object: 'Service shop/web', path: 'spec.selector', message: 'the selector of Service "web" matches no workload of namespace "shop"' },
      ],
    },
    {
      name: 'workload labels, PodTemplate objects, other namespaces and partial matches do not count',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: { name: api, namespace: shop }
        spec:
          selector: { app: api, tier: backend }
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: api, namespace: shop, labels: { app: api, tier: backend } }
        spec:
          template:
            metadata: { labels: { app: api } }
            spec:
              containers: [{ name: app, image: "api:1" }]
        ---
        apiVersion: v1
        kind: PodTemplate
        metadata: { name: tpl, namespace: shop }
        template:
          metadata: { labels: { app: api, tier: backend } }
        ---
        apiVersion: v1
        kind: Pod
        metadata: { name: api, namespace: other, labels: { app: api, tier: backend } }
        spec:
          containers: [{ name: app, image: "api:1" }]
      `,
      errors: [
        { line: 5, column: 3, object: 'Service shop/api', path: 'spec.selector', message: 'namespace "shop"' },
      ],
    },
    {
      name: 'defaultNamespace: a Service without namespace does not match a workload in default',
      defaultNamespace: 'shop',
      code: yaml`
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: Pod
            metadata: { name: web, namespace: default, labels: { app: web } }
            spec:
              containers: [{ name: app, image: "web:1" }]
          - apiVersion: v1
            kind: Service
            metadata: { name: web }
            spec: { selector: { app: web }, type: ClusterIP }
      `,
      errors: [
        { line: 12, column: 13, object: 'Service shop/web', path: 'spec.selector', message: 'namespace "shop"' },
      ],
    },
  ],
});

describe('service-selector-matches-nothing across files', () => {
  test('Services and workloads in several files and directories', async () => {
    const cwd = makeTree({
      'web/deployment.yaml': yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: web, namespace: shop }
        spec:
          template:
            metadata:
              labels: { app: web }
            spec:
              containers: [{ name: app, image: "web:1" }]
      `,
      'web/service.yaml': yaml`
        apiVersion: v1
        kind: Service
        metadata: { name: web, namespace: shop }
        spec:
          selector: { app: web }
      `,
      'cache/service.yaml': yaml`
        apiVersion: v1
        kind: Service
        metadata: { name: cache, namespace: shop }
        spec:
          selector: { app: cache }
      `,
    });
    // Off by default: a default run reports nothing; a severity in the configuration turns it on.
    const byDefault = await lint({ paths: ['.'], cwd, config: EMPTY_CONFIG, rules: [serviceSelectorMatchesNothing] });
    expect(byDefault.findings).toEqual([]);
    const config = { ...EMPTY_CONFIG, rules: { 'service-selector-matches-nothing': { severity: 'note' as const } } };
    const result = await lint({ paths: ['.'], cwd, config, rules: [serviceSelectorMatchesNothing] });
    expect(result.findings.map((f: Finding) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.path} ${f.object?.name ?? ''}`)).toEqual([
      'cache/service.yaml:5:3 note spec.selector cache',
    ]);
  });
});
