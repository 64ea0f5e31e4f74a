import { rbacPodExec } from '../../../src/rules/rbac/rbac-pod-exec';
import { testRule, yaml } from '../../rule-tester';

testRule(rbacPodExec, {
  valid: [
    {
      name: 'logs and port-forward, exec with a verb that opens no stream',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: debugger
          namespace: shop
        rules:
          - apiGroups: [""]
            resources: ["pods", "pods/log", "pods/portforward"]
            verbs: ["get", "list", "create"]
          - apiGroups: [""]
            resources: ["pods/exec", "pods/attach"]
            verbs: ["list", "delete"]
      `,
    },
    {
      name: 'pods/exec outside the core group; resources "*" is left to rbac-wildcard',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: other
        rules:
          - apiGroups: ["apps"]
            resources: ["pods/exec"]
            verbs: ["create"]
          - apiGroups: [""]
            resources: ["*"]
            verbs: ["create"]
      `,
    },
    {
      name: 'hostile shapes do not throw',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: { name: { a: 1 }, namespace: 5 }
        rules: [{ apiGroups: [""], resources: [["pods/exec"]], verbs: { create: true } }, "pods/exec", 0]
        spec: []
      `,
    },
  ],
  invalid: [
    {
      name: 'create on pods/exec and get on pods/attach in a Role',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: debugger
          namespace: shop
        rules:
          - apiGroups: [""]
            resources: ["pods", "pods/exec"]
            verbs: ["get", "create"]
          - apiGroups: [""]
            resources:
              - pods/attach
            verbs: ["get"]
      `,
      errors: [
        {
          line: 8,
          column: 25,
          object: 'Role shop/debugger',
          path: 'rules[0].resources[1]',
          message: 'rule 0 of Role "debugger" grants "get", "create" on "pods/exec": the holder can run any command in any container in namespace "shop"',
        },
        {
          line: 12,
          column: 9,
          object: 'Role shop/debugger',
          path: 'rules[1].resources[0]',
          message: 'rule 1 of Role "debugger" grants "get" on "pods/attach": the holder can attach to the running process of any container in namespace "shop"',
        },
      ],
    },
    {
      name: '* verbs on */exec and */attach in a ClusterRole aggregated into edit',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: shell
          labels:
            rbac.authorization.k8s.io/aggregate-to-edit: "true"
        rules:
          - apiGroups: ["*"]
            resources: ["*/attach", "*/exec"]
            verbs: ["*"]
      `,
      errors: [
        { line: 9, column: 17, object: 'ClusterRole shell', path: 'rules[0].resources[0]', message: 'grants "*" on "*/attach": the holder can attach to the running process of any container in every namespace it is bound in and aggregates into the built-in "edit" role (and through it "admin")' },
        { line: 9, column: 29, object: 'ClusterRole shell', path: 'rules[0].resources[1]', message: 'grants "*" on "*/exec": the holder can run any command' },
      ],
    },
  ],
});
