import { REF } from '../references';
import type { Rule } from '../rule';
import { describeContainer, forEachContainer } from '../visit';
import { looksLikeCredential } from '../../text/credential-name';
import { envEntries } from '../../model/container-env';
import { isOnOffFlag, isPlaceholder, isSopsEncrypted, literalText, PLACEHOLDER_HELP } from '../../text/secret-placeholder';
import { SECRET_FORMATS_HELP, secretFormatIn } from '../../text/secret-formats';

/** `$(OTHER_VAR)`: Kubernetes expands it from another variable, typically one read from a Secret. */
const VARIABLE_REFERENCE = /\$\([A-Za-z_][A-Za-z0-9_.-]*\)/;


export const secretInEnvLiteral: Rule = {
  meta: {
    id: 'secret-in-env-literal',
    title: 'Credential written as a literal environment variable',
    description: 'A container environment variable whose name looks like a credential, or whose value is a private key or a well-known token, has its value written in the manifest instead of read from a Secret.',
    severity: 'error',
    category: 'secrets',
    tags: ['secrets', 'gitops', 'nsa'],
    help: `A password, token or key written as \`value:\` in a pod template is in plain text in Git,
in the workload object that every user with \`get\` on Deployments can read, in
\`kubectl describe\` output and in every ReplicaSet revision. Secrets at least have their own RBAC
permission and can be encrypted at rest.

A variable counts as a credential when its name contains \`PASSWORD\`, \`PASSWD\`, \`TOKEN\`,
\`SECRET\`, \`CREDENTIAL(S)\`, \`API_KEY\`/\`APIKEY\`, \`ACCESS_KEY\`, \`PRIVATE_KEY\` or ends in
\`_PWD\` (case-insensitive; words split at \`_\`, \`-\`, \`.\` and camelCase). Names that end in
\`_FILE\`, \`_PATH\`, \`_NAME\`, \`_REF\`, \`_DIR\`, \`_URL\`, \`_TTL\`, \`_LENGTH\` and the like
describe a credential rather than hold one and are not reported. Nor are empty values, on/off
flags (\`true\`, \`false\`, ...), values that use another variable (\`$(DB_PASSWORD)\`), SOPS
values and ${PLACEHOLDER_HELP}.

Whatever the variable's name, its value is also reported when it contains a well-known secret
format: ${SECRET_FORMATS_HELP}. The message then names the format, so that
\`CONFIG: "...ghp_..."\` is not mistaken for an ordinary setting.

Init and ephemeral containers are checked too. Messages name the variable (and the format),
never the value, not even in part.

**Fix:** move the value into a Secret (encrypted in Git, see \`plaintext-secret\`) and mount it as
a file, or at least reference it:

\`\`\`yaml
env:
  - name: DB_PASSWORD
    valueFrom:
      secretKeyRef: { name: db, key: password }
\`\`\``,
    references: [
      REF.secretsGoodPractices,
      REF.cis('5.4.1', 'Prefer using Secrets as files over Secrets as environment variables'),
      REF.nsaHardening,
      REF.mitre('T1552.001', 'Unsecured Credentials: Credentials In Files'),
    ],
  },
  defaultOptions: {},
  check(context) {
    forEachContainer(context, (container, pod) => {
      for (const { name, entry, path } of envEntries(container)) {
        const text = literalText(entry.value);
        if (text === undefined || isPlaceholder(text) || isSopsEncrypted(text)) continue;
        const format = secretFormatIn(text);
        if (format) {
          context.report(pod.resource, [...path, 'value'], `env var "${name}" of ${describeContainer(container)} holds ${format} as a literal value; read it from a Secret instead`);
          continue;
        }
        if (!looksLikeCredential(name) || isOnOffFlag(text) || VARIABLE_REFERENCE.test(text)) continue;
        context.report(pod.resource, [...path, 'value'], `env var "${name}" of ${describeContainer(container)} has a literal value; read it from a Secret instead`);
      }
    });
  },
};
