import { REF } from '../references';
import type { Rule } from '../rule';
import { CONTROL_PLANE_REF } from '../../model/control-plane/references';
import { KEY_LENGTHS, decodedKeyLength, encryptionEntries, isEncryptionConfig, providerKeys } from '../../model/encryption-config';

/** Why a key is unusable, without a word of its value. */
function keyProblem(secret: unknown, lengths: readonly number[]): string | undefined {
  if (secret === undefined || secret === null || secret === '') return 'has no secret';
  const length = decodedKeyLength(secret);
  const expected = `base64 of ${lengths.join(', ').replace(/, (\d+)$/, ' or $1')} bytes`;
  if (length === undefined) return `is not ${expected}: not valid base64`;
  return lengths.includes(length) ? undefined : `is not ${expected}: it decodes to ${length} bytes`;
}

export const encryptionKeyInvalid: Rule = {
  meta: {
    id: 'encryption-key-invalid',
    title: 'Encryption key is not valid base64 of the right length',
    description: 'An `aescbc`, `aesgcm` or `secretbox` key of an EncryptionConfiguration is not base64 of a key of the provider\'s size.',
    severity: 'error',
    category: 'cluster-config',
    tags: ['cis', 'control-plane', 'encryption', 'secrets'],
    help: `Each key of \`aescbc\` and \`aesgcm\` must be the standard base64 (with padding) of 16, 24 or 32
random bytes (AES-128, -192, -256); a \`secretbox\` key of exactly 32 bytes. The API server
refuses to start with any other key, and a key typed by hand (a password, a placeholder, text
that happens to be base64) has far less entropy than its length suggests.

The finding names the key and its provider, never its value: the key is a secret.

**Fix:** generate the key, and keep the file off source control or encrypted:

\`\`\`yaml
# head -c 32 /dev/urandom | base64
apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
- resources: [secrets]
  providers:
  - secretbox:
      keys:
      - name: key1
        secret: <32 random bytes, base64>
  - identity: {}
\`\`\``,
    references: [REF.cis('1.2.28', 'Ensure that encryption providers are appropriately configured'), CONTROL_PLANE_REF.encryption],
  },
  defaultOptions: {},
  check(context) {
    for (const resource of context.resources) {
      if (!isEncryptionConfig(resource)) continue;
      for (const provider of encryptionEntries(resource).flatMap((entry) => entry.providers)) {
        const lengths = KEY_LENGTHS[provider.type];
        if (!lengths) continue;
        const keys = providerKeys(provider);
        if (keys.length === 0) context.report(resource, [...provider.path, 'keys'], `${provider.type} has no key`);
        for (const key of keys) {
          const problem = keyProblem(key.secret, lengths);
          const name = key.name === undefined ? 'a key without a name' : `key "${key.name}"`;
          if (problem) context.report(resource, key.secret === undefined ? key.path : [...key.path, 'secret'], `${provider.type} ${name} ${problem}`);
        }
      }
    }
  },
};
