import type { Rule } from '../rule';
import { CONTROL_PLANE_REF } from '../../model/control-plane/references';
import { encryptionEntries, isEncryptionConfig } from '../../model/encryption-config';
import { formatPath } from '../../path';

export const encryptionWeakProvider: Rule = {
  meta: {
    id: 'encryption-weak-provider',
    title: 'Encryption configuration writes with aescbc',
    description: 'The first provider of an EncryptionConfiguration entry, the one that encrypts, is `aescbc`.',
    severity: 'note',
    category: 'cluster-config',
    tags: ['control-plane', 'encryption', 'secrets'],
    help: `\`aescbc\` is what the Kubernetes documentation no longer recommends: CBC mode without
authentication is open to padding-oracle attacks, and its key sits in a file on every control-plane
node, next to the etcd data it protects. It stays useful as a later provider, to read what it
encrypted before.

Better first providers:

- \`kms\` with \`apiVersion: v2\`: keys held by an external key service, rotated there, and a fresh
  data key per API server start (the recommended choice);
- \`secretbox\` (XSalsa20 and Poly1305): authenticated, with a local key;
- \`aesgcm\`: authenticated, but its key must be rotated every 200,000 writes, since random nonces
  repeat after that.

**Fix:** put a KMS v2 provider (or \`secretbox\`) first and keep \`aescbc\` after it until every
Secret has been rewritten (\`kubectl get secrets -A -o json | kubectl replace -f -\`):

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
  - aescbc:
      keys:
      - name: old
        secret: <the existing key>
  - identity: {}
\`\`\``,
    references: [CONTROL_PLANE_REF.encryption, { title: 'Kubernetes: Using a KMS provider for data encryption', url: 'https://kubernetes.io/docs/tasks/administer-cluster/kms-provider/' }],
  },
  defaultOptions: {},
  check(context) {
    for (const resource of context.resources) {
      if (!isEncryptionConfig(resource)) continue;
      for (const entry of encryptionEntries(resource)) {
        const first = entry.providers[0];
        if (first?.type !== 'aescbc') continue;
        context.report(resource, first.path, `${formatPath(entry.path)} (${entry.resources.join(', ')}) is encrypted with aescbc, which is unauthenticated and open to padding-oracle attacks: prefer kms v2 or secretbox`);
      }
    }
  },
};
