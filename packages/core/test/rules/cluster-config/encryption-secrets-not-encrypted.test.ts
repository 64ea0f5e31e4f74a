import { encryptionSecretsNotEncrypted } from '../../../src/rules/cluster-config/encryption-secrets-not-encrypted';
import { testRule, yaml } from '../../rule-tester';
import { HARDENED_CASES } from './fixtures';
import { HARDENED_FILE_CASES } from './config-file-fixtures';

testRule(encryptionSecretsNotEncrypted, {
  valid: [
    ...HARDENED_CASES,
    ...HARDENED_FILE_CASES,
    {
      name: 'secrets covered by the core-group wildcard, identity only as a later provider',
      code: yaml`
        apiVersion: apiserver.config.k8s.io/v1
        kind: EncryptionConfiguration
        resources:
        - resources: [deployments.apps]
          providers:
          - identity: {}
        - resources: ['*.']
          providers:
          - secretbox:
              keys:
              - { name: key1, secret: q2mKDvnLqmCWNb5aFUgwlt1sVsnzHFGBx61VfwlT1SU= }
          - identity: {}
      `,
    },
    {
      name: 'another kind or version is not read',
      code: yaml`
        apiVersion: apiserver.config.k8s.io/v1beta1
        kind: EncryptionConfiguration
        resources:
        - resources: [secrets]
          providers:
          - identity: {}
      `,
    },
  ],
  invalid: [
    {
      name: 'identity first for secrets',
      code: yaml`
        apiVersion: apiserver.config.k8s.io/v1
        kind: EncryptionConfiguration
        resources:
        - resources: [configmaps, secrets]
          providers:
          - identity: {}
          - aesgcm:
              keys:
              - { name: key1, secret: 8Gz/2H0ZiWWxeP4WXIfmNA== }
      `,
      errors: [
        { line: 6, column: 5, object: 'EncryptionConfiguration ', path: 'resources[0].providers[0].identity', message: 'Secrets are stored unencrypted: the first provider of resources[0] is identity (later providers only decrypt)' },
      ],
    },
    {
      name: 'the first entry that covers secrets decides: *.* with identity before secrets',
      code: yaml`
        apiVersion: apiserver.config.k8s.io/v1
        kind: EncryptionConfiguration
        resources:
        - resources: ['*.*']
          providers:
          - identity: {}
        - resources: [secrets]
          providers:
          - aesgcm:
              keys:
              - { name: key1, secret: 8Gz/2H0ZiWWxeP4WXIfmNA== }
      `,
      errors: [{ line: 6, column: 5, object: 'EncryptionConfiguration ', path: 'resources[0].providers[0].identity' }],
    },
    {
      name: 'secrets not listed',
      code: yaml`
        apiVersion: apiserver.config.k8s.io/v1
        kind: EncryptionConfiguration
        resources:
        - resources: [configmaps, '*.apps']
          providers:
          - aesgcm:
              keys:
              - { name: key1, secret: 8Gz/2H0ZiWWxeP4WXIfmNA== }
      `,
      errors: [{ line: 3, column: 1, object: 'EncryptionConfiguration ', path: 'resources', message: 'no `resources` entry lists secrets' }],
    },
    {
      name: 'no resources at all, and an entry without providers',
      code: yaml`
        apiVersion: apiserver.config.k8s.io/v1
        kind: EncryptionConfiguration
        ---
        apiVersion: apiserver.config.k8s.io/v1
        kind: EncryptionConfiguration
        resources:
        - resources: [secrets]
          providers: []
      `,
      errors: [
        { line: 1, column: 1, object: 'EncryptionConfiguration ', path: 'resources' },
        { line: 8, column: 3, object: 'EncryptionConfiguration ', path: 'resources[0].providers', message: 'resources[0] has no provider' },
      ],
    },
  ],
});
