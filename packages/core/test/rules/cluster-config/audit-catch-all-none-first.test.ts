import { auditCatchAllNoneFirst } from '../../../src/rules/cluster-config/audit-catch-all-none-first';
import { testRule, yaml } from '../../rule-tester';
import { HARDENED_CASES } from './fixtures';
import { HARDENED_FILE_CASES } from './config-file-fixtures';

testRule(auditCatchAllNoneFirst, {
  valid: [
    ...HARDENED_CASES,
    ...HARDENED_FILE_CASES,
    {
      name: 'a catch-all None at the end; None rules narrowed by a selector earlier',
      code: yaml`
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
        - level: None
          nonResourceURLs: [/healthz*]
        - level: None
          namespaces: [kube-system]
        - level: Metadata
          resources:
          - group: ""
            resources: [secrets]
        - level: None
      `,
    },
    {
      name: 'only None rules after the catch-all',
      code: yaml`
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
        - level: Metadata
        - level: None
          users: [system:kube-proxy]
      `,
    },
  ],
  invalid: [
    {
      name: 'a catch-all None before the rules that log',
      code: yaml`
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
        - level: None
          users: [system:kube-proxy]
        - level: None
          omitStages: [RequestReceived]
        - level: Metadata
          resources:
          - group: ""
            resources: [secrets]
        - level: None
          verbs: [get]
        - level: RequestResponse
      `,
      errors: [{ line: 6, column: 3, object: 'Policy ', path: 'rules[1].level', message: 'rules[1] drops every request (level None, no selector): rules[2], rules[4] never apply' }],
    },
  ],
});
