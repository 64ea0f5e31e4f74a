import { EMPTY_CONFIG, lint, type Finding } from '../../../src';
import { networkPolicySelectsNothing } from '../../../src/rules/network/network-policy-selects-nothing';
import { makeTree } from '../../helpers';
import { testRule, yaml } from '../../rule-tester';

testRule(networkPolicySelectsNothing, {
  valid: [
    {
      name: 'matchLabels and matchExpressions matching pod template labels in other documents',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: web, namespace: shop }
        spec:
          podSelector:
            matchLabels: { app: web }
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: jobs, namespace: shop }
        spec:
          podSelector:
            matchExpressions:
              - { key: job, operator: In, values: [backup, report] }
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: web, namespace: shop }
        spec:
          template:
            metadata:
              labels: { app: web, tier: frontend }
            spec:
              containers: [{ name: app, image: "web:1" }]
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: { name: backup, namespace: shop }
        spec:
          schedule: "@daily"
          jobTemplate:
            spec:
              template:
                metadata:
                  labels: { job: backup }
                spec:
                  containers: [{ name: backup, image: "backup:1" }]
      `,
    },
    {
      name: 'empty selectors select every pod, even of an empty namespace',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: a, namespace: empty }
        spec:
          podSelector: {}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: b, namespace: empty }
        spec:
          podSelector: { matchLabels: {}, matchExpressions: [] }
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: c, namespace: empty }
        spec: {}
      `,
    },
    {
      name: 'defaultNamespace: policy and workload without namespace',
      defaultNamespace: 'shop',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: web }
        spec:
          podSelector: { matchLabels: { app: web } }
        ---
        apiVersion: v1
        kind: Pod
        metadata: { name: web, namespace: shop, labels: { app: web } }
        spec:
          containers: [{ name: app, image: "web:1" }]
      `,
    },
    {
      name: 'other API versions are not checked; hostile shapes do not throw',
      code: yaml`
        apiVersion: extensions/v1beta1
        kind: NetworkPolicy
        metadata: { name: old, namespace: shop }
        spec:
          podSelector: { matchLabels: { app: nothing } }
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: null
        spec: []
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: [] }
        spec:
          podSelector: "x"
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: 5 }
        spec:
          podSelector: []
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: broken }
        spec:
          template: []
      `,
    },
  ],
  invalid: [
    {
      name: 'a typo in a label value',
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
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: web
          namespace: shop
        spec:
          podSelector:
            matchLabels:
              app: wbe
      `,
      errors: [
        { line: 20, column: 3, object: 'NetworkPolicy shop/web', path: 'spec.podSelector', message: 'the podSelector of NetworkPolicy "web" matches no workload of namespace "shop"' },
      ],
    },
    {
      name: 'workload labels, PodTemplate objects and other namespaces do not count',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: api, namespace: shop }
        spec:
          podSelector: { matchLabels: { app: api } }
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: shop
          labels: { app: api }
        spec:
          template:
            metadata:
              labels: { app: api-server }
            spec:
              containers: [{ name: app, image: "api:1" }]
        ---
        apiVersion: v1
        kind: PodTemplate
        metadata: { name: tpl, namespace: shop }
        template:
          metadata:
            labels: { app: api }
          spec:
            containers: [{ name: app, image: "api:1" }]
        ---
        apiVersion: v1
        kind: Pod
        metadata: { name: api, namespace: other, labels: { app: api } }
        spec:
          containers: [{ name: app, image: "api:1" }]
      `,
      errors: [
        { line: 5, column: 3, object: 'NetworkPolicy shop/api', path: 'spec.podSelector', message: 'namespace "shop"' },
      ],
    },
    {
      name: 'an unsatisfied matchExpressions requirement, and a namespace with no workloads at all',
      code: yaml`
        apiVersion: v1
        kind: List
        items:
          - apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: { name: db, namespace: data }
            spec:
              podSelector:
                matchExpressions: [{ key: role, operator: In, values: [primary] }]
          - apiVersion: apps/v1
            kind: StatefulSet
            metadata: { name: db, namespace: data }
            spec:
              template:
                metadata: { labels: { app: db, role: replica } }
                spec:
                  containers: [{ name: db, image: "db:1" }]
          - apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: { name: web }
            spec:
              podSelector: { matchLabels: { app: web } }
      `,
      errors: [
        { line: 8, column: 7, object: 'NetworkPolicy data/db', path: 'spec.podSelector', message: 'NetworkPolicy "db" matches no workload of namespace "data"' },
        { line: 22, column: 7, object: 'NetworkPolicy web', path: 'spec.podSelector', message: 'matches no workload of the unset namespace of standard input' },
      ],
    },
  ],
});

describe('network-policy-selects-nothing across files', () => {
  test('policies and workloads in several files and directories', async () => {
    const cwd = makeTree({
      'apps/web/deployment.yaml': yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            metadata:
              labels: { app: web }
            spec:
              containers: [{ name: app, image: "web:1" }]
      `,
      'apps/db/statefulset.yml': yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
          namespace: shop
        spec:
          template:
            metadata:
              labels: { app: db }
            spec:
              containers: [{ name: db, image: "db:1" }]
      `,
      'policies/shop.yaml': yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: web, namespace: shop }
        spec:
          podSelector: { matchLabels: { app: web } }
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: db, namespace: shop }
        spec:
          podSelector: { matchLabels: { app: db } }
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: cache, namespace: shop }
        spec:
          podSelector: { matchLabels: { app: cache } }
      `,
    });
    // Off by default: a default run reports nothing; a severity in the configuration turns it on.
    const byDefault = await lint({ paths: ['.'], cwd, config: EMPTY_CONFIG, rules: [networkPolicySelectsNothing] });
    expect(byDefault.findings).toEqual([]);
    const config = { ...EMPTY_CONFIG, rules: { 'network-policy-selects-nothing': { severity: 'note' as const } } };
    const result = await lint({ paths: ['.'], cwd, config, rules: [networkPolicySelectsNothing] });
    expect(result.findings.map((f: Finding) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.path} ${f.object?.name ?? ''}`)).toEqual([
      'policies/shop.yaml:17:3 note spec.podSelector cache',
    ]);
  });
});
