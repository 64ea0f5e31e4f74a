import { REF } from '../references';
import type { Rule } from '../rule';
import { describeWorkload, serviceAccountOf } from '../../model/service-account';

export const defaultServiceAccount: Rule = {
  meta: {
    id: 'default-service-account',
    title: 'Pods run as the default ServiceAccount',
    description: 'A workload\'s pods run as the `default` ServiceAccount of their namespace, because the pod spec names no other.',
    severity: 'note',
    category: 'service-accounts',
    tags: ['cis', 'rbac'],
    help: `Every namespace has a \`default\` ServiceAccount, and every pod that names no other runs
as it. Permissions granted to \`default\` for one workload are then granted to all of them, and
the API server's audit log cannot tell the workloads apart. A dedicated ServiceAccount per
workload keeps permissions minimal and attributable. The deprecated \`serviceAccount\` field is
honoured when \`serviceAccountName\` is not set. This is a \`note\`: a workload that never uses
its identity loses little, but a named account costs nothing.

**Fix:** create a ServiceAccount for the workload (without automounted token unless it needs
one) and name it in the pod spec:

\`\`\`yaml
apiVersion: v1
kind: ServiceAccount
metadata:
  name: web
automountServiceAccountToken: false
---
# in the Deployment
spec:
  template:
    spec:
      serviceAccountName: web
\`\`\``,
    references: [REF.cis('5.1.5', 'Ensure that default service accounts are not actively used'), REF.rbacGoodPractices],
  },
  defaultOptions: {},
  check(context) {
    for (const pod of context.podTemplates) {
      const account = serviceAccountOf(pod);
      if (account.name !== 'default') continue;
      const how = account.path ? 'names' : 'names no ServiceAccount, so it uses';
      context.report(
        pod.resource,
        account.path ?? [...pod.specPath, 'serviceAccountName'],
        `pod spec of ${describeWorkload(pod)} ${how} the default ServiceAccount of ${pod.resource.namespaceDescription}`,
      );
    }
  },
};
