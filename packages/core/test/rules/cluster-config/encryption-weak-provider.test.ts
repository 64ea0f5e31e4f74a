import { encryptionWeakProvider } from '../../../src/rules/cluster-config/encryption-weak-provider';
import { testRule, yaml } from '../../rule-tester';
import { HARDENED_CASES } from './fixtures';
import { HARDENED_FILE_CASES } from './config-file-fixtures';

testRule(encryptionWeakProvider, {
  valid: [
    ...HARDENED_CASES,
    ...HARDENED_FILE_CASES,
    {
      name: 'aescbc after the provider that encrypts, to read older data',
      code: yaml`
        apiVersion: apiserver.config.k8s.io/v1
        kind: EncryptionConfiguration
        resources:
        - resources: [secrets]
          providers:
          - secretbox:
              keys:
              - { name: key2, secret: q2mKDvnLqmCWNb5aFUgwlt1sVsnzHFGBx61VfwlT1SU= }
          - aescbc:
              keys:
              - { name: key1, secret: q2mKDvnLqmCWNb5aFUgwlt1sVsnzHFGBx61VfwlT1SU= }
      `,
    },
  ],
  invalid: [
    {
      name: 'aescbc first, in each entry',
      code: yaml`
        apiVersion: apiserver.config.k8s.io/v1
        kind: EncryptionConfiguration
        resources:
        - resources: [secrets]
          providers:
          - aescbc:
              keys:
              - { name: key1, secret: q2mKDvnLqmCWNb5aFUgwlt1sVsnzHFGBx61VfwlT1SU= }
          - identity: {}
        - resources: ['*.*']
          providers:
          - aescbc:
              keys:
              - { name: key1, secret: q2mKDvnLqmCWNb5aFUgwlt1sVsnzHFGBx61VfwlT1SU= }
      `,
      errors: [
        { line: 6, column: 5, object: 'EncryptionConfiguration ', path: 'resources[0].providers[0].aescbc', message: 'resources[0] (secrets) is encrypted with aescbc, which is unauthenticated and open to padding-oracle attacks: prefer kms v2 or secretbox' },
        { line: 12, column: 5, object: 'EncryptionConfiguration ', path: 'resources[1].providers[0].aescbc', message: 'resources[1] (*.*)' },
      ],
    },
  ],
});
