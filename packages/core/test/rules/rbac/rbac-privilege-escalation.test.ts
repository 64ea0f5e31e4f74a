import { rbacPrivilegeEscalation } from '../../../src/rules/rbac/rbac-privilege-escalation';
import { testRule, yaml } from '../../rule-tester';

testRule(rbacPrivilegeEscalation, {
  valid: [
    {
      name: 'ordinary RBAC management verbs',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: rbac-reader
        rules:
          - apiGroups: ["rbac.authorization.k8s.io"]
            resources: ["roles", "clusterroles", "rolebindings"]
            verbs: ["get", "list", "watch", "create"]
      `,
    },
    {
      name: 'the verbs where they mean nothing: wrong API group or resource, bare userextras',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: odd
          namespace: shop
        rules:
          - apiGroups: [""]
            resources: ["roles", "pods"]
            verbs: ["bind", "escalate", "impersonate"]
          - apiGroups: ["rbac.authorization.k8s.io"]
            resources: ["rolebindings"]
            verbs: ["bind", "escalate"]
          - apiGroups: ["authentication.k8s.io"]
            resources: ["userextras", "users"]
            verbs: ["impersonate"]
      `,
    },
    {
      name: '* verbs are left to rbac-wildcard; aggregated ClusterRoles\' written rules are replaced',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: rbac-admin
        rules:
          - apiGroups: ["rbac.authorization.k8s.io"]
            resources: ["clusterroles"]
            verbs: ["*"]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: aggregated
        aggregationRule: { clusterRoleSelectors: [] }
        rules:
          - apiGroups: [""]
            resources: ["users"]
            verbs: ["impersonate"]
      `,
    },
    {
      name: 'hostile shapes do not throw',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: []
        rules:
          - { apiGroups: { a: 1 }, resources: ["users"], verbs: ["impersonate"] }
          - { apiGroups: [""], resources: "users", verbs: ["impersonate"] }
          - { apiGroups: [""], resources: ["users"], verbs: ["constructor", "__proto__", "toString", 3] }
          - null
      `,
    },
  ],
  invalid: [
    {
      name: 'escalate and bind on roles and clusterroles',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: rbac-manager
        rules:
          - apiGroups: ["rbac.authorization.k8s.io"]
            resources: ["roles", "clusterroles"]
            verbs:
              - get
              - escalate
              - bind
      `,
      errors: [
        {
          line: 10,
          column: 9,
          object: 'ClusterRole rbac-manager',
          path: 'rules[0].verbs[1]',
          message: 'rule 0 of ClusterRole "rbac-manager" grants "escalate" on "roles", "clusterroles": the holder can write roles granting permissions it does not have',
        },
        {
          line: 11,
          column: 9,
          object: 'ClusterRole rbac-manager',
          path: 'rules[0].verbs[2]',
          message: 'rule 0 of ClusterRole "rbac-manager" grants "bind" on "roles", "clusterroles": the holder can bind roles with permissions it does not have to anyone, itself included',
        },
      ],
    },
    {
      name: 'bind limited by resourceNames in a Role; * API groups and resources',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: { name: team-lead, namespace: shop }
        rules:
          - apiGroups: ["rbac.authorization.k8s.io"]
            resources: ["clusterroles"]
            resourceNames: ["view", "edit"]
            verbs: ["bind"]
          - apiGroups: ["*"]
            resources: ["*"]
            verbs: ["get", "escalate"]
      `,
      errors: [
        { line: 8, column: 13, object: 'Role shop/team-lead', path: 'rules[0].verbs[0]', message: 'grants "bind" on "clusterroles" (limited to resourceNames "view", "edit"): the holder can bind' },
        { line: 11, column: 20, object: 'Role shop/team-lead', path: 'rules[1].verbs[1]', message: 'rule 1 of Role "team-lead" grants "escalate" on "*": the holder can write roles' },
      ],
    },
    {
      name: 'impersonate on users, groups, service accounts, uids and user extras',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: impersonator
          labels:
            rbac.authorization.k8s.io/aggregate-to-admin: "true"
        rules:
          - apiGroups: [""]
            resources: ["users", "groups", "serviceaccounts"]
            verbs: ["impersonate"]
          - apiGroups: ["authentication.k8s.io"]
            resources: ["uids", "userextras/scopes"]
            verbs: ["impersonate"]
      `,
      errors: [
        {
          line: 10,
          column: 13,
          object: 'ClusterRole impersonator',
          path: 'rules[0].verbs[0]',
          message: 'grants "impersonate" on "users", "groups", "serviceaccounts": the holder can act as other users, groups or service accounts and use their permissions and aggregates into the built-in "admin" role',
        },
        { line: 13, column: 13, object: 'ClusterRole impersonator', path: 'rules[1].verbs[0]', message: 'grants "impersonate" on "uids", "userextras/scopes"' },
      ],
    },
  ],
});
