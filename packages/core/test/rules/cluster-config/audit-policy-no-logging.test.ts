import { auditPolicyNoLogging } from '../../../src/rules/cluster-config/audit-policy-no-logging';
import { testRule, yaml } from '../../rule-tester';
import { HARDENED_CASES } from './fixtures';
import { HARDENED_FILE_CASES } from './config-file-fixtures';

testRule(auditPolicyNoLogging, {
  valid: [
    ...HARDENED_CASES,
    ...HARDENED_FILE_CASES,
    {
      name: 'one Metadata rule among None rules',
      code: yaml`
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
        - level: None
          verbs: [watch]
        - level: Metadata
      `,
    },
    {
      name: 'a Policy of another group is not read',
      code: yaml`
        apiVersion: policy.example.com/v1
        kind: Policy
        rules: []
      `,
    },
  ],
  invalid: [
    {
      name: 'every rule is None',
      code: yaml`
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
        - level: None
          users: [system:kube-proxy]
        - level: None
      `,
      errors: [{ line: 3, column: 1, object: 'Policy ', path: 'rules', message: 'The audit policy records no request: no rule logs at Metadata or above' }],
    },
    {
      name: 'no rules, or an empty list',
      code: yaml`
        apiVersion: audit.k8s.io/v1
        kind: Policy
        omitStages: [RequestReceived]
        ---
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules: []
      `,
      errors: [
        { line: 1, column: 1, object: 'Policy ', path: 'rules', message: 'it has no rules' },
        { line: 7, column: 1, object: 'Policy ', path: 'rules', message: 'it has no rules' },
      ],
    },
  ],
});
