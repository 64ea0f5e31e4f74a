import { asArray, asName, asRecord } from '../../values';
import { REF } from '../references';
import type { Rule } from '../rule';
import { describeContainer, forEachContainer } from '../visit';
import { envEntries } from '../../model/container-env';

export const secretAsEnvVar: Rule = {
  meta: {
    id: 'secret-as-env-var',
    title: 'Secret exposed as environment variables',
    description: 'A container reads a Secret into environment variables (`secretKeyRef` or `envFrom.secretRef`) instead of mounting it as a file.',
    severity: 'note',
    category: 'secrets',
    tags: ['secrets', 'cis'],
    help: `Environment variables leak more easily than files: applications print them in debug
pages, error reports and crash dumps, every child process inherits them, and anyone who can
exec into the container or read \`/proc/<pid>/environ\` sees them. A Secret mounted as a volume
is a file with its own permissions, and kubelet updates it when the Secret changes, which env
vars never see without a restart. This is a \`note\`: many applications only take
configuration from the environment.

**Fix:** mount the Secret and point the application at the file:

\`\`\`yaml
containers:
  - name: app
    env:
      - name: DB_PASSWORD_FILE
        value: /var/run/secrets/db/password
    volumeMounts:
      - name: db
        mountPath: /var/run/secrets/db
        readOnly: true
volumes:
  - name: db
    secret:
      secretName: db
      defaultMode: 0400
\`\`\``,
    references: [
      REF.cis('5.4.1', 'Prefer using Secrets as files over Secrets as environment variables'),
      REF.secretsGoodPractices,
      REF.mitre('T1552.007', 'Unsecured Credentials: Container API'),
    ],
  },
  defaultOptions: {},
  check(context) {
    forEachContainer(context, (container, pod) => {
      const who = describeContainer(container);
      for (const { name, entry, path } of envEntries(container)) {
        const ref = asRecord(asRecord(entry.valueFrom)?.secretKeyRef);
        if (!ref) continue;
        const secret = asName(ref.name) ?? '<unnamed>';
        const key = asName(ref.key) ?? '<no key>';
        context.report(pod.resource, [...path, 'valueFrom', 'secretKeyRef'], `env var "${name}" of ${who} reads key "${key}" of Secret "${secret}"; mount the Secret as a file instead`);
      }
      asArray(container.spec.envFrom).forEach((item, index) => {
        const ref = asRecord(asRecord(item)?.secretRef);
        if (!ref) return;
        const secret = asName(ref.name) ?? '<unnamed>';
        context.report(pod.resource, [...container.path, 'envFrom', index, 'secretRef'], `${who} loads every key of Secret "${secret}" as env vars; mount the Secret as a file instead`);
      });
    });
  },
};
