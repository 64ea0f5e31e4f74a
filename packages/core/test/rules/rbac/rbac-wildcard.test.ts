import { EMPTY_CONFIG, lint } from '../../../src';
import { rbacWildcard } from '../../../src/rules/rbac/rbac-wildcard';
import { makeTree } from '../../helpers';
import { testRule, yaml } from '../../rule-tester';

testRule(rbacWildcard, {
  valid: [
    {
      name: 'explicit verbs, resources and API groups; */scale and nonResourceURLs are not a bare *',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: reader
          namespace: shop
        rules:
          - apiGroups: ["", "apps"]
            resources: ["pods", "deployments", "*/scale"]
            verbs: ["get", "list", "watch"]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: metrics
        rules:
          - nonResourceURLs: ["*"]
            verbs: ["get"]
      `,
    },
    {
      name: 'the written rules of an aggregated ClusterRole are replaced by the controller',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: monitoring
        aggregationRule:
          clusterRoleSelectors:
            - matchLabels:
                rbac.example.com/aggregate-to-monitoring: "true"
        rules:
          - apiGroups: ["*"]
            resources: ["*"]
            verbs: ["*"]
      `,
    },
    {
      name: 'removed RBAC versions and other kinds are not checked',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1beta1
        kind: ClusterRole
        metadata:
          name: old
        rules:
          - apiGroups: ["*"]
            resources: ["*"]
            verbs: ["*"]
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: rules
        data:
          rules: '["*"]'
      `,
    },
    {
      name: 'hostile shapes do not throw',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: null
        rules: "*"
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: { name: 7, namespace: [] }
        rules: [null, 5, "*", [], { verbs: "*", resources: { a: "*" }, apiGroups: [1, null, ["*"]] }]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: { name: weird, labels: [] }
        aggregationRule: []
        spec: []
      `,
    },
  ],
  invalid: [
    {
      name: 'every * entry of verbs, resources and apiGroups, in block and flow style',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: ops
        rules:
          - apiGroups: ["apps"]
            resources: ["deployments"]
            verbs:
              - get
              - "*"
          - apiGroups:
              - "*"
            resources: ["*"]
            verbs: ["*"]
      `,
      errors: [
        { line: 10, column: 9, object: 'ClusterRole ops', path: 'rules[0].verbs[1]', message: 'rule 0 of ClusterRole "ops" grants "*" verbs (every verb' },
        { line: 12, column: 9, object: 'ClusterRole ops', path: 'rules[1].apiGroups[0]', message: 'rule 1 of ClusterRole "ops" grants "*" apiGroups' },
        { line: 13, column: 17, object: 'ClusterRole ops', path: 'rules[1].resources[0]', message: 'rule 1 of ClusterRole "ops" grants "*" resources' },
        { line: 14, column: 13, object: 'ClusterRole ops', path: 'rules[1].verbs[0]', message: 'grants "*" verbs' },
      ],
    },
    {
      name: 'a namespaced Role in flow style, second rule',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: { name: deployer, namespace: shop }
        rules:
          - { apiGroups: [""], resources: ["configmaps"], verbs: ["get"] }
          - { apiGroups: ["apps"], resources: ["deployments", "*"], verbs: ["get", "patch"] }
      `,
      errors: [
        { line: 6, column: 55, object: 'Role shop/deployer', path: 'rules[1].resources[1]', message: 'rule 1 of Role "deployer" grants "*" resources' },
      ],
    },
    {
      name: 'aggregate-to-view: the message says the wildcard reaches view, edit and admin',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: crd-viewer
          labels:
            rbac.authorization.k8s.io/aggregate-to-view: "true"
        rules:
          - apiGroups: ["example.com"]
            resources: ["*"]
            verbs: ["get", "list"]
      `,
      errors: [
        {
          line: 9,
          column: 17,
          object: 'ClusterRole crd-viewer',
          path: 'rules[0].resources[0]',
          message: 'and aggregates into the built-in "view" role (and through it "edit" and "admin"), granting it to everyone bound to them',
        },
      ],
    },
    {
      name: 'aggregate-to-admin and an aggregated ClusterRole of the linted set, in several documents',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: monitoring
        aggregationRule:
          clusterRoleSelectors:
            - matchLabels:
                rbac.example.com/aggregate-to-monitoring: "true"
        rules: []
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: prometheus-extra
          labels:
            rbac.example.com/aggregate-to-monitoring: "true"
            rbac.authorization.k8s.io/aggregate-to-admin: "true"
        rules:
          - apiGroups: ["monitoring.coreos.com"]
            resources: ["prometheusrules"]
            verbs: ["*"]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: not-selected
          labels:
            rbac.example.com/aggregate-to-monitoring: "false"
        rules:
          - apiGroups: ["*"]
            resources: ["pods"]
            verbs: ["get"]
      `,
      errors: [
        {
          line: 21,
          column: 13,
          object: 'ClusterRole prometheus-extra',
          path: 'rules[0].verbs[0]',
          message: 'and aggregates into the built-in "admin" role and ClusterRole "monitoring", granting it to everyone bound to them',
        },
        { line: 30, column: 17, object: 'ClusterRole not-selected', path: 'rules[0].apiGroups[0]', message: 'grants "*" apiGroups (every API group, including those of CustomResourceDefinitions installed later)' },
      ],
    },
    {
      name: 'ClusterRoleList items',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleList
        items:
          - apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: listed
            rules:
              - apiGroups: [""]
                resources: ["pods"]
                verbs: ["*"]
      `,
      errors: [{ line: 11, column: 17, object: 'ClusterRole listed', path: 'rules[0].verbs[0]' }],
    },
  ],
});

describe('rbac-wildcard across files', () => {
  test('a ClusterRole aggregated by a ClusterRole of another file and directory', async () => {
    const cwd = makeTree({
      'platform/monitoring.yaml': yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: monitoring
        aggregationRule:
          clusterRoleSelectors:
            - matchExpressions:
                - { key: team, operator: In, values: [observability] }
      `,
      'apps/exporter/rbac.yaml': yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: exporter
          labels: { team: observability }
        rules:
          - apiGroups: [""]
            resources: ["*"]
            verbs: ["list"]
      `,
    });
    const config = { ...EMPTY_CONFIG, rules: { 'rbac-wildcard': { severity: 'warning' as const } } };
    const result = await lint({ paths: ['.'], cwd, config, rules: [rbacWildcard] });
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.path} ${f.message}`)).toEqual([
      'apps/exporter/rbac.yaml:8:17 rules[0].resources[0] rule 0 of ClusterRole "exporter" grants "*" resources (every resource and subresource of its API groups, including Secrets and any added later) and aggregates into ClusterRole "monitoring", granting it to everyone bound to it',
    ]);
  });
});
