import { EMPTY_CONFIG, lint } from '../../../src';
import { rbacSecretsAccess } from '../../../src/rules/rbac/rbac-secrets-access';
import { makeTree } from '../../helpers';
import { runRule, testRule, yaml } from '../../rule-tester';

const viewAggregated = yaml`
  apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRole
  metadata:
    name: vault-viewer
    labels:
      rbac.authorization.k8s.io/aggregate-to-view: "true"
  rules:
    - apiGroups: [""]
      resources: ["secrets"]
      verbs: ["list"]
  ---
  apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRole
  metadata:
    name: vault-editor
    labels:
      rbac.authorization.k8s.io/aggregate-to-edit: "true"
  rules:
    - apiGroups: [""]
      resources: ["secrets"]
      verbs: ["get"]
`;

testRule(rbacSecretsAccess, {
  valid: [
    {
      name: 'access restricted to named Secrets, write-only verbs, other resources',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: app
          namespace: shop
        rules:
          - apiGroups: [""]
            resources: ["secrets"]
            resourceNames: ["shop-db-credentials"]
            verbs: ["get", "watch"]
          - apiGroups: [""]
            resources: ["secrets"]
            verbs: ["create", "update", "delete"]
          - apiGroups: [""]
            resources: ["configmaps", "pods"]
            verbs: ["get", "list", "watch"]
      `,
    },
    {
      name: 'secrets in another API group, a rule without apiGroups, and resources "*" with write verbs only',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: external-secrets
        rules:
          - apiGroups: ["external-secrets.io"]
            resources: ["secrets", "externalsecrets"]
            verbs: ["get", "list"]
          - resources: ["secrets"]
            verbs: ["get"]
          - apiGroups: ["*"]
            resources: ["*"]
            verbs: ["create", "delete"]
      `,
    },
    {
      name: 'an aggregated ClusterRole\'s written rules are replaced by the controller',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: aggregated
        aggregationRule:
          clusterRoleSelectors: [{ matchLabels: { team: x } }]
        rules:
          - apiGroups: [""]
            resources: ["secrets"]
            verbs: ["list"]
      `,
    },
    {
      name: 'hostile shapes do not throw',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: null
        rules: { apiGroups: [""], resources: ["secrets"], verbs: ["get"] }
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: { name: [], labels: "x" }
        rules:
          - { apiGroups: "", resources: "secrets", verbs: "get" }
          - { apiGroups: [null], resources: [{ secrets: 1 }], verbs: [get], resourceNames: "x" }
        spec: []
      `,
    },
  ],
  invalid: [
    {
      name: 'get and list on secrets in a Role: every Secret of the namespace',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: app
          namespace: shop
        rules:
          - apiGroups: [""]
            resources:
              - configmaps
              - secrets
            verbs: ["get", "list"]
      `,
      errors: [
        {
          line: 10,
          column: 9,
          object: 'Role shop/app',
          path: 'rules[0].resources[1]',
          message: 'rule 0 of Role "app" grants "get", "list" on "secrets", reading the value of every Secret in namespace "shop"',
        },
      ],
    },
    {
      name: '* verbs and * apiGroups on secrets in a ClusterRole; get alone reads Secrets by name',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: operator
        rules:
          - apiGroups: ["*"]
            resources: ["configmaps", "secrets"]
            verbs: ["*"]
          - apiGroups: ["", "apps"]
            resources: ["secrets"]
            verbs: ["get", "create"]
      `,
      errors: [
        { line: 7, column: 31, object: 'ClusterRole operator', path: 'rules[0].resources[1]', message: 'rule 0 of ClusterRole "operator" grants "*" on "secrets", reading the value of every Secret in every namespace it is bound in' },
        { line: 10, column: 17, object: 'ClusterRole operator', path: 'rules[1].resources[0]', message: 'rule 1 of ClusterRole "operator" grants "get" on "secrets", reading any Secret whose name is known in every namespace it is bound in' },
      ],
    },
    {
      name: 'defaultNamespace names the namespace of a Role without one',
      defaultNamespace: 'payments',
      code: yaml`
        {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "watcher"},
         "rules": [{"apiGroups": [""], "resources": ["secrets"], "verbs": ["watch"]}]}
      `,
      errors: [{ line: 2, column: 46, object: 'Role payments/watcher', path: 'rules[0].resources[0]', message: '"watch" on "secrets", reading the value of every Secret in namespace "payments"' }],
    },
    {
      name: 'aggregate-to-view and aggregate-to-edit say where the rules end up',
      code: viewAggregated,
      errors: [
        {
          line: 9,
          column: 17,
          object: 'ClusterRole vault-viewer',
          path: 'rules[0].resources[0]',
          message: 'and aggregates into the built-in "view" role (and through it "edit" and "admin"), granting it to everyone bound to them; "view" must never read Secrets',
        },
        { line: 20, column: 17, object: 'ClusterRole vault-editor', path: 'rules[0].resources[0]', message: 'and aggregates into the built-in "edit" role (and through it "admin"), granting it to everyone bound to them' },
      ],
    },
    {
      name: 'an aggregated ClusterRole of the linted set selects the role (several documents)',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: secret-reader
          labels: { aggregate-to: ops }
        rules:
          - apiGroups: [""]
            resources: ["secrets"]
            verbs: ["get", "list", "watch"]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: ops
        aggregationRule:
          clusterRoleSelectors:
            - matchLabels: { aggregate-to: nobody }
            - matchLabels: { aggregate-to: ops }
      `,
      errors: [
        { line: 8, column: 17, object: 'ClusterRole secret-reader', path: 'rules[0].resources[0]', message: '"get", "list", "watch" on "secrets", reading the value of every Secret in every namespace it is bound in and aggregates into ClusterRole "ops", granting it to everyone bound to it' },
      ],
    },
    {
      name: 'resources "*" in the core group, or in every group through a verb wildcard, reaches secrets',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: reader
        rules:
          - apiGroups: [""]
            resources: ["configmaps", "*"]
            verbs: ["get"]
          - apiGroups: ["*"]
            resources: ["*"]
            verbs: ["*"]
      `,
      errors: [
        { line: 7, column: 31, object: 'ClusterRole reader', path: 'rules[0].resources[1]', message: 'rule 0 of ClusterRole "reader" grants "get" on "*" (reaching "secrets"), reading any Secret whose name is known in every namespace it is bound in' },
        { line: 10, column: 17, object: 'ClusterRole reader', path: 'rules[1].resources[0]', message: 'rule 1 of ClusterRole "reader" grants "*" on "*" (reaching "secrets"), reading the value of every Secret' },
      ],
    },
  ],
});

describe('rbac-secrets-access severities and files', () => {
  test('aggregating secrets access into view is an error; into edit it keeps the configured severity', async () => {
    const findings = await runRule(rbacSecretsAccess, { name: 'severity', code: viewAggregated });
    expect(findings.map((f) => `${f.object?.name ?? ''} ${f.severity}`)).toEqual(['vault-viewer error', 'vault-editor warning']);
  });

  test('an aggregated ClusterRole in another file of the tree', async () => {
    const cwd = makeTree({
      'cluster/rbac/aggregate.yaml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: support\naggregationRule:\n  clusterRoleSelectors:\n    - matchLabels: { support: "true" }\n',
      'apps/vault/role.yml': yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: { name: not-aggregated, namespace: vault, labels: { support: "true" } }
        rules: [{ apiGroups: [""], resources: ["secrets"], verbs: ["list"] }]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: { name: vault-support, labels: { support: "true" } }
        rules: [{ apiGroups: [""], resources: ["secrets"], verbs: ["get"] }]
      `,
    });
    const config = { ...EMPTY_CONFIG, rules: { 'rbac-secrets-access': { severity: 'warning' as const } } };
    const result = await lint({ paths: ['apps', 'cluster'], cwd, config, rules: [rbacSecretsAccess] });
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.path} ${f.message}`)).toEqual([
      'apps/vault/role.yml:4:40 rules[0].resources[0] rule 0 of Role "not-aggregated" grants "list" on "secrets", reading the value of every Secret in namespace "vault"',
      'apps/vault/role.yml:9:40 rules[0].resources[0] rule 0 of ClusterRole "vault-support" grants "get" on "secrets", reading any Secret whose name is known in every namespace it is bound in and aggregates into ClusterRole "support", granting it to everyone bound to it',
    ]);
  });
});
