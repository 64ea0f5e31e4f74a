import { encryptionKeyInvalid } from '../../../src/rules/cluster-config/encryption-key-invalid';
import { runRule, testRule, yaml } from '../../rule-tester';
import { HARDENED_CASES } from './fixtures';
import { HARDENED_FILE_CASES } from './config-file-fixtures';

/** Key values the messages must never quote (each would also be caught by a prefix). */
const VALUES = ['Zq7NotBase64Key!', 'WnE3U2hvcnRLZXk=', 'WnE3Tm9QYWRkaW5nS2V5eHh4eHh4eHh4eHh4eHh4eHh4eHg'];

const INVALID_KEYS = yaml`
  apiVersion: apiserver.config.k8s.io/v1
  kind: EncryptionConfiguration
  resources:
  - resources: [secrets]
    providers:
    - aesgcm:
        keys:
        - name: typed
          secret: ${VALUES[0]}
        - name: short
          secret: ${VALUES[1]}
    - secretbox:
        keys:
        - name: aes-sized
          secret: 8Gz/2H0ZiWWxeP4WXIfmNA==
        - name: unpadded
          secret: ${VALUES[2]}
        - name: missing
    - aescbc:
        keys: []
`;

testRule(encryptionKeyInvalid, {
  valid: [
    ...HARDENED_CASES,
    ...HARDENED_FILE_CASES,
    {
      name: 'AES-192 and AES-256 keys for aescbc; kms and identity have no keys',
      code: yaml`
        apiVersion: apiserver.config.k8s.io/v1
        kind: EncryptionConfiguration
        resources:
        - resources: [secrets]
          providers:
          - kms: { apiVersion: v2, name: vault, endpoint: unix:///var/run/kms.sock }
          - aescbc:
              keys:
              - { name: key2, secret: 2dwSYbdGcbTwvhQ9G3lxFaX5oG9HOEDm }
              - { name: key1, secret: q2mKDvnLqmCWNb5aFUgwlt1sVsnzHFGBx61VfwlT1SU= }
          - identity: {}
      `,
    },
  ],
  invalid: [
    {
      name: 'keys that are not base64, of the wrong size, unpadded, absent; a provider without keys',
      code: INVALID_KEYS,
      errors: [
        { line: 9, column: 9, object: 'EncryptionConfiguration ', path: 'resources[0].providers[0].aesgcm.keys[0].secret', message: 'aesgcm key "typed" is not base64 of 16, 24 or 32 bytes: not valid base64' },
        { line: 11, column: 9, object: 'EncryptionConfiguration ', path: 'resources[0].providers[0].aesgcm.keys[1].secret', message: 'aesgcm key "short" is not base64 of 16, 24 or 32 bytes: it decodes to 11 bytes' },
        { line: 15, column: 9, object: 'EncryptionConfiguration ', path: 'resources[0].providers[1].secretbox.keys[0].secret', message: 'secretbox key "aes-sized" is not base64 of 32 bytes: it decodes to 16 bytes' },
        { line: 17, column: 9, object: 'EncryptionConfiguration ', path: 'resources[0].providers[1].secretbox.keys[1].secret', message: 'not valid base64' },
        { line: 18, column: 9, object: 'EncryptionConfiguration ', path: 'resources[0].providers[1].secretbox.keys[2]', message: 'secretbox key "missing" has no secret' },
        { line: 20, column: 7, object: 'EncryptionConfiguration ', path: 'resources[0].providers[2].aescbc.keys', message: 'aescbc has no key' },
      ],
    },
  ],
});

test('no finding quotes a key value', async () => {
  const findings = await runRule(encryptionKeyInvalid, { name: 'invalid keys', code: INVALID_KEYS });
  const text = JSON.stringify(findings);
  expect(VALUES.filter((value) => text.includes(value) || text.includes(value.slice(0, 8)))).toEqual([]);
});
