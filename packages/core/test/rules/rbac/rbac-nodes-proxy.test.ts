import { rbacNodesProxy } from '../../../src/rules/rbac/rbac-nodes-proxy';
import { testRule, yaml } from '../../rule-tester';

testRule(rbacNodesProxy, {
  valid: [
    {
      name: 'metrics and stats of nodes, proxy of services',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: prometheus
        rules:
          - apiGroups: [""]
            resources: ["nodes", "nodes/metrics", "nodes/stats", "services/proxy"]
            verbs: ["get", "list", "watch"]
      `,
    },
    {
      name: 'a namespaced Role cannot grant a cluster-scoped resource; other API groups; no verbs',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: useless
          namespace: monitoring
        rules:
          - apiGroups: [""]
            resources: ["nodes/proxy"]
            verbs: ["get"]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: odd
        rules:
          - apiGroups: ["metrics.k8s.io"]
            resources: ["nodes/proxy"]
            verbs: ["get"]
          - apiGroups: [""]
            resources: ["nodes/proxy"]
            verbs: []
      `,
    },
    {
      name: 'hostile shapes do not throw',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: { name: null, labels: { rbac.authorization.k8s.io/aggregate-to-view: [] } }
        rules:
          - apiGroups: [""]
            resources: nodes/proxy
            verbs: [get]
          - apiGroups: ""
            resources: [nodes/proxy]
            verbs: [get]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: { name: selector }
        aggregationRule: { clusterRoleSelectors: [null, 1, { matchExpressions: "x" }] }
      `,
    },
  ],
  invalid: [
    {
      name: 'get on nodes/proxy',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: kubelet-debug
        rules:
          - apiGroups: [""]
            resources:
              - nodes
              - nodes/proxy
            verbs: ["get", "list"]
      `,
      errors: [
        {
          line: 9,
          column: 9,
          object: 'ClusterRole kubelet-debug',
          path: 'rules[0].resources[1]',
          message: 'rule 0 of ClusterRole "kubelet-debug" grants "get", "list" on "nodes/proxy": the holder can run commands in any pod through the kubelet API, bypassing audit logging and admission control',
        },
      ],
    },
    {
      name: '* verbs on */proxy with * API groups, aggregated into view',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: proxy-all
          labels: { rbac.authorization.k8s.io/aggregate-to-view: "true" }
        rules:
          - apiGroups: ["*"]
            resources: ["*/proxy"]
            verbs: ["*"]
      `,
      errors: [
        { line: 8, column: 17, object: 'ClusterRole proxy-all', path: 'rules[0].resources[0]', message: 'grants "*" on "*/proxy": the holder can run commands in any pod through the kubelet API, bypassing audit logging and admission control and aggregates into the built-in "view" role' },
      ],
    },
  ],
});
