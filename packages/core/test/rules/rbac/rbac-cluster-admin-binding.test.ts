import { rbacClusterAdminBinding } from '../../../src/rules/rbac/rbac-cluster-admin-binding';
import { testRule, yaml } from '../../rule-tester';

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
  ],
  invalid: [
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
