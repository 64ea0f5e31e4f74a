import { rbacDefaultServiceAccountBinding } from '../../../src/rules/rbac/rbac-default-service-account-binding';
import { testRule, yaml } from '../../rule-tester';

testRule(rbacDefaultServiceAccountBinding, {
  valid: [
    {
      name: 'dedicated service accounts; a user or group named default is not the service account',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: api
          namespace: shop
        roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: api }
        subjects:
          - { kind: ServiceAccount, name: shop-api, namespace: shop }
          - { kind: User, name: default }
          - { kind: Group, name: default }
      `,
    },
    {
      name: 'hostile shapes do not throw',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: null
        roleRef: "x"
        subjects: [null, [], { kind: ServiceAccount, name: [default] }, { kind: 1, name: default }]
        spec: []
      `,
    },
  ],
  invalid: [
    {
      name: 'a RoleBinding\'s subject without namespace is the binding\'s own default service account',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: app
          namespace: shop
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: Role
          name: app
        subjects:
          - kind: ServiceAccount
            name: shop-api
          - kind: ServiceAccount
            name: default
      `,
      errors: [
        {
          line: 14,
          column: 5,
          object: 'RoleBinding shop/app',
          path: 'subjects[1].name',
          message: 'binds Role "app" to the "default" ServiceAccount of namespace "shop": every pod of that namespace that names no service account gets its permissions',
        },
      ],
    },
    {
      name: 'a ClusterRoleBinding to default service accounts of other namespaces; defaultNamespace for a RoleBinding',
      defaultNamespace: 'build',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: { name: monitoring }
        roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view }
        subjects:
          - { kind: ServiceAccount, name: default, namespace: kube-system }
          - { kind: ServiceAccount, name: default }
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: { name: ci }
        roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit }
        subjects: [{ kind: ServiceAccount, name: default }]
      `,
      errors: [
        { line: 6, column: 29, object: 'ClusterRoleBinding monitoring', path: 'subjects[0].name', message: 'binds ClusterRole "view" to the "default" ServiceAccount of namespace "kube-system"' },
        { line: 7, column: 29, object: 'ClusterRoleBinding monitoring', path: 'subjects[1].name', message: 'binds ClusterRole "view" to the "default" ServiceAccount of its namespace' },
        { line: 13, column: 36, object: 'RoleBinding build/ci', path: 'subjects[0].name', message: 'binds ClusterRole "edit" to the "default" ServiceAccount of namespace "build"' },
      ],
    },
  ],
});
