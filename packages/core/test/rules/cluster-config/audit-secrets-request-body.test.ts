import { auditSecretsRequestBody } from '../../../src/rules/cluster-config/audit-secrets-request-body';
import { testRule, yaml } from '../../rule-tester';
import { HARDENED_CASES } from './fixtures';
import { HARDENED_FILE_CASES } from './config-file-fixtures';

testRule(auditSecretsRequestBody, {
  valid: [
    ...HARDENED_CASES,
    ...HARDENED_FILE_CASES,
    {
      name: 'bodies only for other resources, subresources or non-resource URLs; Request on reading verbs',
      code: yaml`
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
        - level: RequestResponse
          resources:
          - group: ""
            resources: [pods, '*/status']
          - group: apps
            resources: [secrets]
        - level: RequestResponse
          nonResourceURLs: [/version]
        - level: Request
          verbs: [get, list, watch]
        - level: Metadata
      `,
    },
    {
      name: 'a None rule that matches all their requests first',
      code: yaml`
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
        - level: None
          resources:
          - group: ""
          - group: authentication.k8s.io
            resources: ['*']
        - level: RequestResponse
      `,
    },
  ],
  invalid: [
    {
      name: 'a rule without resources logs bodies of everything',
      code: yaml`
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
        - level: None
          users: [system:kube-proxy]
        - level: RequestResponse
      `,
      errors: [{ line: 6, column: 3, object: 'Policy ', path: 'rules[1].level', message: 'rules[1] logs Secrets, ConfigMaps, TokenReviews at RequestResponse: their values are written to the audit log' }],
    },
    {
      name: 'each rule reached before one that matches all requests',
      code: yaml`
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
        - level: Request
          namespaces: [kube-system]
          verbs: [create, update]
        - level: RequestResponse
          resources:
          - group: ""
            resources: [secrets/*]
            resourceNames: [db]
        - level: Metadata
          resources:
          - group: ""
            resources: [secrets]
        - level: Request
          resources:
          - group: ""
            resources: [configmaps, secrets]
          - group: authentication.k8s.io
            resources: [tokenreviews]
      `,
      errors: [
        { line: 4, column: 3, object: 'Policy ', path: 'rules[0].level', message: 'rules[0] logs Secrets, ConfigMaps, TokenReviews at Request' },
        { line: 7, column: 3, object: 'Policy ', path: 'rules[1].level', message: 'rules[1] logs Secrets at RequestResponse' },
        { line: 16, column: 3, object: 'Policy ', path: 'rules[3].level', message: 'rules[3] logs ConfigMaps, TokenReviews at Request' },
      ],
    },
  ],
});
