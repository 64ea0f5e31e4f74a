import { rbacAnonymousAccess } from '../../../src/rules/rbac/rbac-anonymous-access';
import { testRule, yaml } from '../../rule-tester';

testRule(rbacAnonymousAccess, {
  valid: [
    {
      name: 'the public roles Kubernetes itself grants to everyone',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: oidc-reviewer
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: system:service-account-issuer-discovery
        subjects:
          - kind: Group
            name: system:unauthenticated
            apiGroup: rbac.authorization.k8s.io
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: system:discovery
        roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: system:discovery }
        subjects: [{ kind: Group, name: system:authenticated }]
      `,
    },
    {
      name: 'named users and groups; system:anonymous as a Group and system:authenticated as a User match nobody',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: readers
          namespace: shop
        roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view }
        subjects:
          - { kind: Group, name: shop-developers }
          - { kind: Group, name: system:anonymous }
          - { kind: User, name: system:authenticated }
          - { kind: ServiceAccount, name: system:unauthenticated, namespace: shop }
      `,
    },
    {
      name: 'hostile shapes do not throw',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: { name: 1 }
        roleRef: null
        subjects: [null, "system:anonymous", { kind: [User], name: system:anonymous }, { kind: User, name: [system:anonymous] }]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: { name: 2 }
        subjects: { kind: User, name: system:anonymous }
      `,
    },
  ],
  invalid: [
    {
      name: 'anonymous user, unauthenticated and authenticated groups',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: public
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: view
        subjects:
          - kind: User
            name: alice
          - kind: User
            name: system:anonymous
          - apiGroup: rbac.authorization.k8s.io
            kind: Group
            name: system:unauthenticated
      `,
      errors: [
        { line: 13, column: 5, object: 'ClusterRoleBinding public', path: 'subjects[1].name', message: 'the User "system:anonymous" is bound to ClusterRole "view": its permissions go to every request that carries no credentials' },
        { line: 16, column: 5, object: 'ClusterRoleBinding public', path: 'subjects[2].name', message: 'the Group "system:unauthenticated" is bound to ClusterRole "view"' },
      ],
    },
    {
      name: 'system:authenticated is every user and service account (several documents)',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata: { name: shop }
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: { name: everyone, namespace: shop }
        roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader }
        subjects: [{ kind: Group, name: "system:authenticated", apiGroup: rbac.authorization.k8s.io }]
      `,
      errors: [
        {
          line: 9,
          column: 27,
          object: 'RoleBinding shop/everyone',
          path: 'subjects[0].name',
          message: 'the Group "system:authenticated" is bound to Role "reader": its permissions go to every user and service account that can authenticate to the cluster',
        },
      ],
    },
  ],
});
