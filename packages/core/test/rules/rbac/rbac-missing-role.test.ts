import { EMPTY_CONFIG, lint } from '../../../src';
import { rbacMissingRole } from '../../../src/rules/rbac/rbac-missing-role';
import { makeTree } from '../../helpers';
import { testRule, yaml } from '../../rule-tester';

testRule(rbacMissingRole, {
  valid: [
    {
      name: 'a Role in the binding\'s namespace and a ClusterRole, in several documents',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: { name: api, namespace: shop }
        roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: api }
        subjects: [{ kind: ServiceAccount, name: api }]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: { name: api, namespace: shop }
        rules: []
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: { name: reader, namespace: shop }
        roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader }
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: { name: reader }
        roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader }
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: { name: reader }
        rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }]
      `,
    },
    {
      name: 'built-in ClusterRoles and Roles exist in every cluster',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: List
        items:
          - apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: { name: a }
            roleRef: { kind: ClusterRole, name: cluster-admin }
          - apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: { name: b, namespace: shop }
            roleRef: { kind: ClusterRole, name: edit }
          - apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: { name: c, namespace: shop }
            roleRef: { kind: ClusterRole, name: admin }
          - apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: { name: d }
            roleRef: { kind: ClusterRole, name: view }
          - apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: { name: metrics-server:system:auth-delegator }
            roleRef: { kind: ClusterRole, name: "system:auth-delegator" }
          - apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: { name: metrics-server-auth-reader, namespace: kube-system }
            roleRef: { kind: Role, name: extension-apiserver-authentication-reader }
          - apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: { name: leader, namespace: kube-system }
            roleRef: { kind: Role, name: "system::leader-locking-kube-scheduler" }
      `,
    },
    {
      name: 'an aggregated ClusterRole with empty rules is present',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: monitoring
        aggregationRule:
          clusterRoleSelectors:
            - matchLabels: { rbac.example.com/aggregate-to-monitoring: "true" }
        rules: []
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: monitoring
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: monitoring
        subjects:
          - kind: ServiceAccount
            name: prometheus
            namespace: monitoring
      `,
    },
    {
      name: 'a RoleBinding and a Role without namespace are both in defaultNamespace',
      defaultNamespace: 'shop',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: { name: api }
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: { name: api, namespace: shop }
        roleRef: { kind: Role, name: api }
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: { name: api2 }
        roleRef: { kind: Role, name: api }
      `,
    },
    {
      name: 'hostile shapes do not throw',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: null
        roleRef: []
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: { name: x }
        roleRef: { kind: Group, name: admins }
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: { name: y }
        roleRef: { kind: ClusterRole, name: null }
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: { name: null, namespace: { a: 1 } }
        spec: []
      `,
    },
  ],
  invalid: [
    {
      name: 'a Role in another namespace, a missing ClusterRole, a ClusterRoleBinding to a Role',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: api
          namespace: payments
        rules: []
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: api
          namespace: shop
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: Role
          name: api
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: typo
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: veiw
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: wrong-kind
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: Role
          name: api
      `,
      errors: [
        {
          line: 16,
          column: 3,
          object: 'RoleBinding shop/api',
          path: 'roleRef.name',
          message: 'no Role "api" in namespace "shop" among the linted files: the binding grants nothing until one is created, and then whatever that role grants',
        },
        { line: 25, column: 3, object: 'ClusterRoleBinding typo', path: 'roleRef.name', message: 'no ClusterRole "veiw" among the linted files' },
        { line: 33, column: 3, object: 'ClusterRoleBinding wrong-kind', path: 'roleRef.kind', message: 'a ClusterRoleBinding can only refer to a ClusterRole, not to Role "api": the API server rejects it' },
      ],
    },
    {
      name: 'defaultNamespace: a RoleBinding without namespace does not find a Role in default; removed versions do not count',
      defaultNamespace: 'shop',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: { name: api, namespace: default }
        ---
        apiVersion: rbac.authorization.k8s.io/v1beta1
        kind: ClusterRole
        metadata: { name: legacy }
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: { name: api }
        roleRef: { kind: Role, name: api }
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: { name: legacy }
        roleRef: { kind: ClusterRole, name: legacy }
      `,
      errors: [
        { line: 12, column: 24, object: 'RoleBinding shop/api', path: 'roleRef.name', message: 'no Role "api" in namespace "shop"' },
        { line: 17, column: 31, object: 'RoleBinding shop/legacy', path: 'roleRef.name', message: 'no ClusterRole "legacy" among' },
      ],
    },
  ],
});

describe('rbac-missing-role across files', () => {
  test('roles and bindings in different files and directories', async () => {
    const cwd = makeTree({
      'base/roles.yaml': yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: { name: reader }
        rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: { name: deployer, namespace: shop }
        rules: []
      `,
      'overlays/prod/bindings.yaml': yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: { name: deployer, namespace: shop }
        roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: deployer }
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: { name: reader }
        roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader }
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: { name: deployer, namespace: payments }
        roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: deployer }
      `,
    });
    // Off by default: a default run reports nothing; a severity in the configuration turns it on.
    const byDefault = await lint({ paths: ['overlays', 'base'], cwd, config: EMPTY_CONFIG, rules: [rbacMissingRole] });
    expect(byDefault.findings).toEqual([]);
    const config = { ...EMPTY_CONFIG, rules: { 'rbac-missing-role': { severity: 'note' as const } } };
    const result = await lint({ paths: ['overlays', 'base'], cwd, config, rules: [rbacMissingRole] });
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.path} ${f.message}`)).toEqual([
      'overlays/prod/bindings.yaml:14:61 note roleRef.name no Role "deployer" in namespace "payments" among the linted files: the binding grants nothing until one is created, and then whatever that role grants',
    ]);
  });
});
