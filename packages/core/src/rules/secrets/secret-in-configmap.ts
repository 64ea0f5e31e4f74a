import { REF } from '../references';
import type { Rule } from '../rule';
import { looksLikeCredential } from '../../text/credential-name';
import { isOnOffFlag, isPlaceholder, isSopsEncrypted, literalText, PLACEHOLDER_HELP } from '../../text/secret-placeholder';
import { SECRET_FORMATS_HELP, secretFormatIn } from '../../text/secret-formats';
import { asRecord } from '../../values';


export const secretInConfigmap: Rule = {
  meta: {
    id: 'secret-in-configmap',
    title: 'Credential in a ConfigMap',
    description: 'A ConfigMap key whose name looks like a credential has a value, or a value holds a private key or a well-known token.',
    severity: 'error',
    category: 'secrets',
    tags: ['secrets', 'gitops'],
    help: `ConfigMaps are for configuration that is not secret: they are in plain text in Git, readable by
everyone with \`get\` on ConfigMaps (far more than on Secrets), printed by \`kubectl describe\`
and never encrypted at rest. A credential in one is exposed to all of them.

A key counts as a credential when its name contains \`PASSWORD\`, \`PASSWD\`, \`TOKEN\`, \`SECRET\`,
\`CREDENTIAL(S)\`, \`API_KEY\`/\`APIKEY\`, \`ACCESS_KEY\`, \`PRIVATE_KEY\`, \`BEARER\` or ends in
\`_PWD\` (case-insensitive, as for \`secret-in-env-literal\`), or is \`AZURE_..._KEY\` or
\`OCI_CLI_KEY_CONTENT\`, and its value is not empty, an on/off flag, an absolute file path (where
the credential is, as in \`GOOGLE_APPLICATION_CREDENTIALS\`), a SOPS value or one of the
${PLACEHOLDER_HELP}. Whatever the key, a value is also reported
when it contains ${SECRET_FORMATS_HELP}. Only \`data\` is read (\`binaryData\` is base64 of
arbitrary bytes). Messages name the key and the format, never the value.

**Fix:** move the value into a Secret (encrypted in Git, see \`plaintext-secret\`) and mount or
reference that instead:

\`\`\`yaml
env:
  - name: DB_PASSWORD
    valueFrom:
      secretKeyRef: { name: db, key: password }   # instead of configMapKeyRef
\`\`\``,
    references: [REF.secretsGoodPractices, REF.mitre('T1552.001', 'Unsecured Credentials: Credentials In Files')],
  },
  defaultOptions: {},
  check(context) {
    for (const resource of context.resources) {
      if (resource.kind !== 'ConfigMap' || resource.apiVersion !== 'v1') continue;
      for (const [key, raw] of Object.entries(asRecord(resource.object.data) ?? {})) {
        const text = literalText(raw);
        if (text === undefined || isPlaceholder(text) || isSopsEncrypted(text)) continue;
        const format = secretFormatIn(text);
        if (format) {
          context.report(resource, ['data', key], `key "${key}" of ConfigMap "${resource.name ?? '<unnamed>'}" holds ${format}; keep it in a Secret`);
          continue;
        }
        if (!looksLikeCredentialKey(key) || isOnOffFlag(text) || isFilePath(text)) continue;
        context.report(resource, ['data', key], `key "${key}" of ConfigMap "${resource.name ?? '<unnamed>'}" looks like a credential and has a value; keep it in a Secret`);
      }
    }
  },
};

/** Cloud SDK variables whose name does not say "secret" but whose value is the key. */
const CLOUD_KEYS = [/^AZURE_.+_KEY$/i, /^OCI_CLI_KEY_CONTENT$/i];

function looksLikeCredentialKey(key: string): boolean {
  return looksLikeCredential(key) || /bearer/i.test(key) || CLOUD_KEYS.some((pattern) => pattern.test(key));
}

/** `/var/secrets/key.json`: where the credential is, not the credential (GOOGLE_APPLICATION_CREDENTIALS). */
function isFilePath(text: string): boolean {
  return /^\/\S*$/.test(text.trim());
}
