import { rbacPodExec } from '../../../src/rules/rbac/rbac-pod-exec';
import { testRule, yaml } from '../../rule-tester';

testRule(rbacPodExec, {
  valid: [
    {
      name: 'logs, and exec, attach and port-forward with verbs that open no stream',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: debugger
          namespace: shop
        rules:
          - apiGroups: [""]
            resources: ["pods", "pods/log"]
            verbs: ["get", "list", "create"]
          - apiGroups: [""]
            resources: ["pods/exec", "pods/attach", "pods/portforward", "*"]
            verbs: ["list", "delete"]
      `,
    },
    {
      name: 'pods/exec and "*" outside the core group; "pods/*" is no wildcard for the API server',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: other
        rules:
          - apiGroups: ["apps"]
            resources: ["pods/exec", "*"]
            verbs: ["create"]
          - apiGroups: [""]
            resources: ["pods/*"]
            verbs: ["*"]
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
          - apiGroups: ["*"]
            resources: ["*"]
            verbs: ["*"]
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
      name: 'create on pods/exec, get on pods/attach and create on pods/portforward in a Role',
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
          - apiGroups: [""]
            resources: ["pods/portforward"]
            verbs: ["create"]
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
        {
          line: 15,
          column: 17,
          object: 'Role shop/debugger',
          path: 'rules[2].resources[0]',
          message: 'rule 2 of Role "debugger" grants "create" on "pods/portforward": the holder can open connections to any port of any container in namespace "shop"',
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
    {
      name: 'resources "*" in the core group reaches all three, through get or a verb wildcard',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: reader
        rules:
          - apiGroups: [""]
            resources: ["configmaps", "*"]
            verbs: ["get", "list"]
          - apiGroups: ["*"]
            resources: ["*"]
            verbs: ["*"]
      `,
      errors: [
        {
          line: 7,
          column: 31,
          object: 'ClusterRole reader',
          path: 'rules[0].resources[1]',
          message: 'rule 0 of ClusterRole "reader" grants "get" on "*" (reaching "pods/exec", "pods/attach", "pods/portforward"): the holder can run any command in, attach to the running process of and open connections to any port of any container in every namespace it is bound in',
        },
        { line: 10, column: 17, object: 'ClusterRole reader', path: 'rules[1].resources[0]', message: 'rule 1 of ClusterRole "reader" grants "*" on "*" (reaching "pods/exec", "pods/attach", "pods/portforward")' },
      ],
    },
  ],
});
