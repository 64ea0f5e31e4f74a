import { REF } from '../references';
import type { Rule } from '../rule';
import { CONTROL_PLANE_REF } from '../../model/control-plane/references';
import { encryptionEntries, entryFor, isEncryptionConfig } from '../../model/encryption-config';
import { formatPath } from '../../path';

export const encryptionSecretsNotEncrypted: Rule = {
  meta: {
    id: 'encryption-secrets-not-encrypted',
    title: 'Encryption configuration leaves Secrets unencrypted',
    description: 'An EncryptionConfiguration does not cover `secrets`, or its first provider for them is `identity`.',
    severity: 'warning',
    category: 'cluster-config',
    tags: ['cis', 'control-plane', 'encryption', 'secrets'],
    help: `The API server encrypts a resource with the first provider of the first \`resources\` entry
that lists it (\`secrets\`, or the wildcards \`*.\` for the core group and \`*.*\` for all). The other
providers only decrypt what was written before. When no entry lists Secrets, or the first provider
is \`identity\`, Secrets are written to etcd as plain base64: an etcd backup or a copied data
directory reveals every credential, even though \`--encryption-provider-config\` is set.

\`identity\` first is right only for a moment, while migrating off encryption; keep it after the
real provider otherwise, so that Secrets written before encryption was turned on can still be read.

**Fix:** list Secrets with an encrypting provider first, \`identity\` last:

\`\`\`yaml
apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
- resources: [secrets]
  providers:
  - kms:
      apiVersion: v2
      name: vault
      endpoint: unix:///var/run/kms/vault.sock
  - identity: {}
\`\`\``,
    references: [REF.cis('1.2.28', 'Ensure that encryption providers are appropriately configured'), CONTROL_PLANE_REF.encryption],
  },
  defaultOptions: {},
  check(context) {
    for (const resource of context.resources) {
      if (!isEncryptionConfig(resource)) continue;
      const entry = entryFor(encryptionEntries(resource), 'secrets', '');
      const first = entry?.providers[0];
      if (!entry) context.report(resource, ['resources'], 'Secrets are stored unencrypted: no `resources` entry lists secrets (nor `*.` or `*.*`)');
      else if (!first) context.report(resource, [...entry.path, 'providers'], `Secrets are stored unencrypted: ${formatPath(entry.path)} has no provider`);
      else if (first.type === 'identity') {
        context.report(resource, first.path, `Secrets are stored unencrypted: the first provider of ${formatPath(entry.path)} is identity (later providers only decrypt)`);
      }
    }
  },
};
