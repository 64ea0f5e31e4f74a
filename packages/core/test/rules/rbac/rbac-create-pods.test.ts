import { rbacCreatePods } from '../../../src/rules/rbac/rbac-create-pods';
import { testRule, yaml } from '../../rule-tester';

testRule(rbacCreatePods, {
  valid: [
    {
      name: 'reading and scaling workloads, evicting pods, creating objects that run nothing',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: operator
        rules:
          - apiGroups: ["", "apps", "batch"]
            resources: ["pods", "deployments", "jobs"]
            verbs: ["get", "list", "watch", "patch", "delete"]
          - apiGroups: [""]
            resources: ["pods/eviction", "configmaps", "services"]
            verbs: ["create"]
          - apiGroups: ["apps"]
            resources: ["deployments/scale"]
            verbs: ["create", "update"]
      `,
    },
    {
      name: 'workload resources in the wrong API group; resources "*" is left to rbac-wildcard',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: odd
          namespace: shop
        rules:
          - apiGroups: [""]
            resources: ["deployments", "jobs"]
            verbs: ["create"]
          - apiGroups: ["apps"]
            resources: ["pods", "cronjobs"]
            verbs: ["create"]
          - apiGroups: ["batch"]
            resources: ["*"]
            verbs: ["create"]
      `,
    },
    {
      name: 'hostile shapes do not throw',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: "x"
        rules:
          - apiGroups: [""]
            resources: [pods]
            verbs: [[create]]
          - { apiGroups: null, resources: null, verbs: null }
          - ~
      `,
    },
  ],
  invalid: [
    {
      name: 'create on pods in a Role',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: runner
          namespace: ci
        rules:
          - apiGroups: [""]
            resources: ["pods", "pods/log"]
            verbs: ["get", "create", "delete"]
      `,
      errors: [
        {
          line: 8,
          column: 17,
          object: 'Role ci/runner',
          path: 'rules[0].resources[0]',
          message: 'rule 0 of Role "runner" grants "create" on "pods": the holder can run any pod in namespace "ci", with any of its service accounts and Secrets',
        },
      ],
    },
    {
      name: 'every workload resource, through * verbs and * API groups',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: deployer
        rules:
          - apiGroups: ["apps"]
            resources:
              - deployments
              - daemonsets
              - statefulsets
              - replicasets
              - controllerrevisions
            verbs: ["*"]
          - apiGroups: ["batch"]
            resources: ["jobs", "cronjobs"]
            verbs: ["create"]
          - apiGroups: ["*"]
            resources: ["replicationcontrollers", "pods", "jobs"]
            verbs: ["patch", "create"]
      `,
      errors: [
        { line: 8, column: 9, object: 'ClusterRole deployer', path: 'rules[0].resources[0]', message: 'rule 0 of ClusterRole "deployer" grants "*" on "deployments": the holder can run any pod in every namespace it is bound in' },
        { line: 9, column: 9, object: 'ClusterRole deployer', path: 'rules[0].resources[1]', message: '"daemonsets"' },
        { line: 10, column: 9, object: 'ClusterRole deployer', path: 'rules[0].resources[2]', message: '"statefulsets"' },
        { line: 11, column: 9, object: 'ClusterRole deployer', path: 'rules[0].resources[3]', message: '"replicasets"' },
        { line: 15, column: 17, object: 'ClusterRole deployer', path: 'rules[1].resources[0]', message: 'rule 1 of ClusterRole "deployer" grants "create" on "jobs"' },
        { line: 15, column: 25, object: 'ClusterRole deployer', path: 'rules[1].resources[1]', message: '"cronjobs"' },
        { line: 18, column: 17, object: 'ClusterRole deployer', path: 'rules[2].resources[0]', message: '"replicationcontrollers"' },
        { line: 18, column: 43, object: 'ClusterRole deployer', path: 'rules[2].resources[1]', message: '"pods"' },
        { line: 18, column: 51, object: 'ClusterRole deployer', path: 'rules[2].resources[2]', message: 'rule 2 of ClusterRole "deployer" grants "create" on "jobs"' },
      ],
    },
    {
      name: 'a Role without namespace, in the configured default namespace',
      defaultNamespace: 'build',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: { name: job-starter }
        rules: [{ apiGroups: [batch], resources: [cronjobs], verbs: [create] }]
      `,
      errors: [{ line: 4, column: 43, object: 'Role build/job-starter', path: 'rules[0].resources[0]', message: 'grants "create" on "cronjobs": the holder can run any pod in namespace "build"' }],
    },
  ],
});
