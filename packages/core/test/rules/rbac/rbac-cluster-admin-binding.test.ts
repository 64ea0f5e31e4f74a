import { rbacClusterAdminBinding } from '../../../src/rules/rbac/rbac-cluster-admin-binding';
import { runRule, testRule, yaml } from '../../rule-tester';

testRule(rbacClusterAdminBinding, {
  valid: [
    {
      name: 'bindings to admin and to a Role that happens to be named cluster-admin',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: team-admin
          namespace: shop
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: admin
        subjects:
          - kind: Group
            name: shop-admins
            apiGroup: rbac.authorization.k8s.io
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: local
          namespace: shop
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: Role
          name: cluster-admin
        subjects:
          - kind: User
            name: alice
      `,
    },
    {
      name: 'removed RBAC versions and hostile shapes',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1beta1
        kind: ClusterRoleBinding
        metadata: { name: old }
        roleRef: { kind: ClusterRole, name: cluster-admin }
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: null
        roleRef: [ClusterRole, cluster-admin]
        subjects: "everyone"
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: []
        roleRef: { kind: [ClusterRole], name: { cluster-admin: true } }
        spec: []
      `,
    },
    {
      name: 'roles that fall short of every verb on every resource in every group',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: { name: reader }
        rules:
          - { apiGroups: ["*"], resources: ["*"], verbs: ["get", "list", "watch"] }
          - { apiGroups: [""], resources: ["*"], verbs: ["*"] }
          - { apiGroups: ["*"], resources: ["pods", "pods/exec"], verbs: ["*"] }
          - { apiGroups: ["*"], resources: ["*"], resourceNames: ["one"], verbs: ["*"] }
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: { name: readers }
        roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader }
        subjects: [{ kind: Group, name: everyone }]
      `,
    },
    {
      name: 'a Role of another namespace, a ClusterRoleBinding to a Role, aggregation that selects nothing or itself',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: { name: all, namespace: shop }
        rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: { name: all, namespace: payments }
        roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: all }
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: { name: all }
        roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: all }
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: { name: loop, labels: { loop: "yes" } }
        aggregationRule: { clusterRoleSelectors: [{ matchLabels: { loop: "yes" } }, { matchLabels: { nobody: "x" } }] }
        rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: { name: loop }
        roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: loop }
      `,
    },
  ],
  invalid: [
    {
      name: 'bindings to roles of the linted files with "*" everywhere, or every standard verb between two rules',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: { name: superuser }
        rules:
          - apiGroups: ["*"]
            resources: ["*"]
            verbs: ["*"]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: { name: superusers }
        roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: superuser }
        subjects: [{ kind: User, name: alice }]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: { name: owner, namespace: shop }
        rules:
          - { apiGroups: ["*"], resources: ["*"], verbs: ["get", "list", "watch"] }
          - { apiGroups: ["*"], resources: ["*"], verbs: ["create", "update", "patch", "delete"] }
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: { name: owners, namespace: shop }
        roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: owner }
        subjects: [{ kind: ServiceAccount, name: deployer }]
      `,
      errors: [
        {
          line: 12,
          column: 68,
          object: 'ClusterRoleBinding superusers',
          path: 'roleRef.name',
          message: 'binds ClusterRole "superuser" to User "alice", and rule 0 of ClusterRole "superuser" grants every verb on every resource in every API group, like "cluster-admin": full control of the whole cluster',
        },
        {
          line: 25,
          column: 61,
          object: 'RoleBinding shop/owners',
          path: 'roleRef.name',
          message: 'binds Role "owner" to ServiceAccount "shop/deployer", and rule 0 of Role "owner" and rule 1 of Role "owner" grant every verb on every resource in every API group, like "cluster-admin": full control of namespace "shop"',
        },
      ],
    },
    {
      name: 'an aggregated ClusterRole holds the rules of the ClusterRoles it selects, through another aggregated one',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: { name: platform, labels: { tier: top } }
        aggregationRule: { clusterRoleSelectors: [{ matchLabels: { tier: middle } }] }
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: { name: middle, labels: { tier: middle } }
        aggregationRule: { clusterRoleSelectors: [{ matchLabels: { tier: bottom } }, { matchLabels: { tier: top } }] }
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: { name: crds, labels: { tier: bottom } }
        rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: { name: platform }
        roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: platform }
        subjects: [{ kind: Group, name: platform-team }]
      `,
      errors: [
        {
          line: 19,
          column: 68,
          object: 'ClusterRoleBinding platform',
          path: 'roleRef.name',
          message: 'binds ClusterRole "platform" to Group "platform-team", and rule 0 of ClusterRole "crds" grants every verb on every resource in every API group, like "cluster-admin"',
        },
      ],
    },
    {
      name: 'a ClusterRoleBinding with many subjects',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: admins
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: cluster-admin
        subjects:
          - kind: User
            name: alice
          - kind: Group
            name: platform
          - kind: ServiceAccount
            name: argocd-application-controller
            namespace: argocd
          - kind: User
            name: bob
      `,
      errors: [
        {
          line: 8,
          column: 3,
          object: 'ClusterRoleBinding admins',
          path: 'roleRef.name',
          message: 'binds ClusterRole "cluster-admin" to User "alice", Group "platform", ServiceAccount "argocd/argocd-application-controller" and 1 more: full control of the whole cluster',
        },
      ],
    },
    {
      name: 'a RoleBinding grants full control of its namespace; one without subjects; several documents',
      defaultNamespace: 'payments',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: { name: ns-admin, namespace: shop }
        roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin }
        subjects: [{ kind: ServiceAccount, name: deployer }]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: { name: empty }
        roleRef:
          kind: ClusterRole
          name: "cluster-admin"
      `,
      errors: [
        { line: 4, column: 68, object: 'RoleBinding shop/ns-admin', path: 'roleRef.name', message: 'binds ClusterRole "cluster-admin" to ServiceAccount "shop/deployer": full control of namespace "shop", its Roles, RoleBindings and Secrets included' },
        { line: 12, column: 3, object: 'RoleBinding payments/empty', path: 'roleRef.name', message: 'binds ClusterRole "cluster-admin" to no subject yet: full control of namespace "payments"' },
      ],
    },
  ],
});

describe('rbac-cluster-admin-binding related locations', () => {
  test('a binding to an equivalent role points at the rule that grants it, in the aggregated role when aggregated', async () => {
    const code = yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: { name: platform }
      aggregationRule: { clusterRoleSelectors: [{ matchLabels: { platform: "true" } }] }
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: { name: everything, labels: { platform: "true" } }
      rules:
        - apiGroups: [""]
          resources: ["pods"]
          verbs: ["get"]
        - apiGroups: ["*"]
          resources: ["*"]
          verbs: ["*"]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: { name: platform }
      roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: platform }
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: { name: admins }
      roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin }
    `;
    const findings = await runRule(rbacClusterAdminBinding, { name: 'related', code });
    expect(findings.map((f) => ({ object: f.object?.name, related: f.related }))).toEqual([
      {
        object: 'platform',
        related: [
          {
            file: '<stdin>',
            line: 13,
            column: 5,
            endLine: 13,
            endColumn: 21,
            message: 'rule 1 of ClusterRole "everything" grants "*" on "*" resources in "*" API groups, aggregated into ClusterRole "platform"',
          },
        ],
      },
      // The built-in cluster-admin is not in the files: nothing to point at.
      { object: 'admins', related: undefined },
    ]);
  });
});
