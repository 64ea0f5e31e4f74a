import { EMPTY_CONFIG, lint, type Finding } from '../../../src';
import { missingDefaultDeny } from '../../../src/rules/network/missing-default-deny';
import { makeTree } from '../../helpers';
import { testRule, yaml } from '../../rule-tester';

testRule(missingDefaultDeny, {
  valid: [
    {
      name: 'one policy denying ingress and egress for every pod of the namespace',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny
          namespace: shop
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
        ---
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
    },
    {
      name: 'separate policies: absent policyTypes means Ingress; empty matchLabels and absent podSelector select all',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: deny-ingress
        spec:
          podSelector:
            matchLabels: {}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: deny-egress
        spec:
          policyTypes: [Egress]
          egress: []
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers: [{ name: app, image: "app:1" }]
      `,
    },
    {
      name: 'a policy without spec decodes to an empty podSelector and denies ingress',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: bare, namespace: jobs }
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: egress, namespace: jobs }
        spec:
          podSelector: { matchExpressions: [] }
          policyTypes: [Egress]
          egress: ~
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: { name: backup, namespace: jobs }
        spec:
          schedule: "@daily"
          jobTemplate:
            spec:
              template:
                spec:
                  containers: [{ name: backup, image: "backup:1" }]
      `,
    },
    {
      name: 'namespaces without workloads need nothing (Namespace, Service, PodTemplate)',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: empty
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: web, namespace: empty }
        spec:
          selector: { app: web }
        ---
        apiVersion: v1
        kind: PodTemplate
        metadata: { name: tpl, namespace: empty }
        template:
          spec:
            containers: [{ name: app, image: "app:1" }]
      `,
    },
    {
      name: 'directions option: ingress only',
      options: { directions: ['ingress'] },
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: deny, namespace: shop }
        spec:
          podSelector: {}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: { name: db, namespace: shop }
        spec:
          template:
            spec:
              containers: [{ name: db, image: "db:1" }]
      `,
    },
    {
      name: 'defaultNamespace: workload and policy without namespace land in the configured one',
      defaultNamespace: 'shop',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: deny }
        spec:
          podSelector: {}
          policyTypes: [Egress, Ingress]
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: { name: agent, namespace: shop }
        spec:
          template:
            spec:
              containers: [{ name: agent, image: "agent:1" }]
        ---
        apiVersion: v1
        kind: ReplicationController
        metadata: { name: rc }
        spec:
          template:
            spec:
              containers: [{ name: rc, image: "rc:1" }]
      `,
    },
    {
      name: 'hostile shapes without workloads do not throw',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: null
        spec: []
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: 7, namespace: [] }
        spec:
          podSelector: "x"
          policyTypes: Ingress
          ingress: "x"
        ---
        apiVersion: v1
        kind: Namespace
        metadata: { name: { a: b } }
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: broken, namespace: x }
        spec: []
      `,
    },
  ],
  invalid: [
    {
      name: 'no policy at all: one finding per direction at the workload',
      code: yaml`
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
      errors: [
        { line: 5, column: 3, object: 'Deployment shop/web', path: 'metadata.namespace', message: 'namespace "shop" has no default-deny NetworkPolicy for egress' },
        { line: 5, column: 3, object: 'Deployment shop/web', path: 'metadata.namespace', message: 'namespace "shop" has no default-deny NetworkPolicy for ingress' },
      ],
    },
    {
      name: 'located at the Namespace object when it is in the set, even in a later document',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            spec:
              containers: [{ name: app, image: "web:1" }]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: deny-ingress
          namespace: shop
        spec:
          podSelector: {}
          policyTypes: [Ingress]
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels: { team: storefront }
      `,
      errors: [
        { line: 23, column: 3, object: 'Namespace shop', path: 'metadata.name', message: 'namespace "shop" has no default-deny NetworkPolicy for egress' },
      ],
    },
    {
      name: 'egress: [] without policyTypes does not deny egress (the API server defaults policyTypes to Ingress)',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: deny, namespace: shop }
        spec:
          podSelector: {}
          ingress: []
          egress: []
        ---
        apiVersion: v1
        kind: Pod
        metadata: { name: p, namespace: shop }
        spec:
          containers: [{ name: app, image: "app:1" }]
      `,
      errors: [
        { line: 11, column: 22, object: 'Pod shop/p', path: 'metadata.namespace', message: 'for egress' },
      ],
    },
    {
      name: 'policies that select some pods, allow traffic, are not in effect or have the wrong apiVersion do not count',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: selective, namespace: shop }
        spec:
          podSelector: { matchLabels: { app: web } }
          policyTypes: [Ingress, Egress]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: allows-ingress, namespace: shop }
        spec:
          podSelector: {}
          ingress: [{ from: [{ podSelector: {} }] }]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: egress-only, namespace: shop }
        spec:
          podSelector: {}
          policyTypes: [Egress]
          ingress: []
          egress: [{ to: [{ namespaceSelector: {} }] }]
        ---
        apiVersion: extensions/v1beta1
        kind: NetworkPolicy
        metadata: { name: old, namespace: shop }
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: other-namespace, namespace: ops }
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
        ---
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
      errors: [
        { line: 42, column: 3, object: 'Deployment shop/web', path: 'metadata.namespace', message: 'for egress' },
        { line: 42, column: 3, object: 'Deployment shop/web', path: 'metadata.namespace', message: 'for ingress' },
      ],
    },
    {
      name: 'several namespaces in one stream: each at its own first workload by kind and name',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
          namespace: data
        spec:
          template:
            spec:
              containers: [{ name: db, image: "db:1" }]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: deny
          namespace: data
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
        ---
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: migrate
          namespace: shop
        spec:
          template:
            spec:
              containers: [{ name: migrate, image: "app:1" }]
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          namespace: shop
        spec:
          containers: [{ name: app, image: "app:1" }]
      `,
      options: { directions: ['ingress'] },
      errors: [
        { line: 24, column: 3, object: 'Job shop/migrate', path: 'metadata.namespace', message: 'namespace "shop" has no default-deny NetworkPolicy for ingress' },
      ],
    },
    {
      name: 'the first workload by kind and name, not by document order; never an object of another namespace',
      options: { directions: ['ingress'] },
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: other
        ---
        apiVersion: v1
        kind: Pod
        metadata: { name: a, namespace: shop }
        spec:
          containers: [{ name: app, image: "app:1" }]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: z, namespace: shop }
        spec:
          template:
            spec:
              containers: [{ name: app, image: "app:1" }]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: b, namespace: shop }
        spec:
          template:
            spec:
              containers: [{ name: app, image: "app:1" }]
      `,
      errors: [
        { line: 22, column: 22, object: 'Deployment shop/b', path: 'metadata.namespace', message: 'namespace "shop" has no default-deny NetworkPolicy for ingress' },
      ],
    },
    {
      name: 'kind: List with the Namespace; a policy in effect only for egress does not deny ingress',
      code: yaml`
        apiVersion: v1
        kind: List
        items:
          - apiVersion: apps/v1
            kind: ReplicaSet
            metadata: { name: rs, namespace: ops }
            spec:
              template:
                spec:
                  containers: [{ name: app, image: "app:1" }]
          - apiVersion: v1
            kind: Namespace
            metadata:
              name: ops
          - apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: { name: deny-egress, namespace: ops }
            spec:
              podSelector: {}
              policyTypes: [Egress]
      `,
      errors: [
        { line: 14, column: 7, object: 'Namespace ops', path: 'metadata.name', message: 'for ingress' },
      ],
    },
    {
      name: 'defaultNamespace: workloads without namespace, the policy in "default" does not cover them',
      defaultNamespace: 'shop',
      options: { directions: ['egress'] },
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: deny, namespace: default }
        spec:
          podSelector: {}
          policyTypes: [Egress]
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers: [{ name: app, image: "app:1" }]
      `,
      errors: [
        { line: 10, column: 1, object: 'Pod shop/p', path: 'metadata.namespace', message: 'namespace "shop" has no default-deny NetworkPolicy for egress' },
      ],
    },
    {
      name: 'hostile shapes: malformed policies do not count, a workload with metadata: null has an unset namespace',
      options: { directions: ['ingress'] },
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: a }
        spec: []
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: b }
        spec:
          podSelector: []
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: c }
        spec:
          podSelector: {}
          policyTypes: Ingress
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: d }
        spec:
          podSelector: { matchLabels: "x" }
          ingress: {}
        ---
        apiVersion: v1
        kind: Pod
        metadata: null
        spec:
          containers: "x"
      `,
      errors: [
        { line: 28, column: 1, object: 'Pod ', path: 'metadata.namespace', message: 'the unset namespace of standard input has no default-deny' },
      ],
    },
  ],
});

describe('missing-default-deny across files', () => {
  const brief = (f: Finding) => `${f.file}:${f.line}:${f.column} ${f.path} ${f.message}`;

  test('namespaces, workloads and policies in several files and directories', async () => {
    const cwd = makeTree({
      'base/namespaces.yaml': yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
      `,
      'apps/shop/web.yaml': yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            spec:
              containers: [{ name: app, image: "web:1" }]
      `,
      'policies/shop.yaml': yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: deny-ingress
          namespace: shop
        spec:
          podSelector: {}
      `,
      'apps/ops/z-job.yaml': yaml`
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: report
          namespace: ops
        spec:
          template:
            spec:
              containers: [{ name: report, image: "report:1" }]
      `,
      'apps/ops/a-pod.yaml': yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: debug
          namespace: ops
        spec:
          containers: [{ name: app, image: "app:1" }]
      `,
      'policies/ops.yaml': yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: deny-ingress
          namespace: ops
        spec:
          podSelector: {}
          policyTypes: [Ingress]
      `,
      'apps/data/db.yaml': yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
          namespace: data
        spec:
          template:
            spec:
              containers: [{ name: db, image: "db:1" }]
      `,
    });
    const result = await lint({ paths: ['.'], cwd, config: EMPTY_CONFIG, rules: [missingDefaultDeny] });
    expect(result.findings.map(brief)).toEqual([
      'apps/data/db.yaml:5:3 metadata.namespace namespace "data" has no default-deny NetworkPolicy for egress',
      'apps/data/db.yaml:5:3 metadata.namespace namespace "data" has no default-deny NetworkPolicy for ingress',
      // Job before Pod by kind, although a-pod.yaml comes first by path.
      'apps/ops/z-job.yaml:5:3 metadata.namespace namespace "ops" has no default-deny NetworkPolicy for egress',
      'base/namespaces.yaml:4:3 metadata.name namespace "shop" has no default-deny NetworkPolicy for egress',
    ]);
  });
});

describe('missing-default-deny does not move when files are renamed', () => {
  const brief = (f: Finding) => `${f.file}:${f.line}:${f.column} ${f.object?.kind ?? ''}/${f.object?.name ?? ''} ${f.path}`;
  const api = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: api
      namespace: shop
    spec:
      template:
        spec:
          containers: [{ name: api, image: "api:1" }]
  `;
  const worker = yaml`
    apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: worker
      namespace: shop
    spec:
      template:
        spec:
          containers: [{ name: worker, image: "worker:1" }]
  `;
  const namespace = yaml`
    apiVersion: v1
    kind: Namespace
    metadata:
      name: shop
  `;
  const run = (files: Record<string, string>) =>
    lint({ paths: ['.'], cwd: makeTree(files), config: { ...EMPTY_CONFIG, rules: { 'missing-default-deny': { severity: 'warning', options: { directions: ['ingress'] } } } }, rules: [missingDefaultDeny] });

  test('two files whose path order is swapped give the same object', async () => {
    const forward = await run({ 'a.yaml': api, 'b.yaml': worker });
    const swapped = await run({ 'a.yaml': worker, 'b.yaml': api });
    expect(forward.findings.map(brief)).toEqual(['a.yaml:5:3 Deployment/api metadata.namespace']);
    expect(swapped.findings.map(brief)).toEqual(['b.yaml:5:3 Deployment/api metadata.namespace']);
  });

  test('with the Namespace object in the set, the finding is there, wherever the file sorts', async () => {
    const result = await run({ 'a.yaml': api, 'b.yaml': worker, 'zz/namespace.yaml': namespace });
    expect(result.findings.map(brief)).toEqual(['zz/namespace.yaml:4:3 Namespace/shop metadata.name']);
  });
});
