import type { Resource } from '../../model/resource';
import { asRecord } from '../../values';
import { REF } from '../references';
import type { Rule } from '../rule';
import { isPlaceholder, isSopsEncrypted, literalText, PLACEHOLDER_HELP } from '../../text/secret-placeholder';

/** Only the core `v1` Secret holds its data in the object; SealedSecret, ExternalSecret, ... never match. */
function isSecret(resource: Resource): boolean {
  return resource.kind === 'Secret' && resource.apiVersion === 'v1';
}

export const plaintextSecret: Rule = {
  meta: {
    id: 'plaintext-secret',
    title: 'Secret committed in plain text',
    description: 'A `v1` Secret carries values in `data` or `stringData` that are not encrypted, so anyone who can read the repository can read them.',
    severity: 'error',
    category: 'secrets',
    tags: ['secrets', 'gitops', 'nsa'],
    help: `Base64 in \`data\` is an encoding, not encryption: a Secret committed to Git exposes its
values to everyone with read access to the repository, its forks, clones, CI logs and backups,
forever (removing it later does not remove it from history). Each key with a value is reported
once, at the key; messages name the key and never print the value.

Not reported:

- SOPS-encrypted files: the object has a top-level \`sops\` mapping, or the value is
  \`ENC[AES256_GCM,...]\`;
- other kinds that keep secrets out of Git (\`SealedSecret\`, \`ExternalSecret\`, ...);
- empty values, and ${PLACEHOLDER_HELP.replace(/\n/g, '\n  ')};
- Secrets without values, such as a \`kubernetes.io/service-account-token\` Secret that the
  control plane fills in.

**Fix:** encrypt the Secret (SOPS, Sealed Secrets) or fetch it from a secret manager (External
Secrets Operator, Vault), then rotate every value that was ever committed:

\`\`\`yaml
apiVersion: external-secrets.io/v1beta1
kind: ExternalSecret
metadata:
  name: db
spec:
  secretStoreRef: { name: vault, kind: ClusterSecretStore }
  target: { name: db }
  data:
    - secretKey: password
      remoteRef: { key: prod/db, property: password }
\`\`\``,
    references: [REF.secretsGoodPractices, REF.nsaHardening, REF.mitre('T1552.001', 'Unsecured Credentials: Credentials In Files')],
  },
  defaultOptions: {},
  check(context) {
    for (const resource of context.resources) {
      if (!isSecret(resource) || asRecord(resource.object.sops)) continue;
      for (const field of ['data', 'stringData']) {
        const values = asRecord(resource.object[field]) ?? {};
        for (const [key, value] of Object.entries(values)) {
          const text = literalText(value);
          if (text === undefined || isSopsEncrypted(text) || isPlaceholder(text)) continue;
          context.report(resource, [field, key], `key "${key}" in ${field} of Secret "${resource.name ?? '<unnamed>'}" is committed unencrypted`);
        }
      }
    }
  },
};
