import type { Resource } from '../../model/resource';
import { REF } from '../references';
import { REPORT_UNSET_DEFAULTS, REPORT_UNSET_SCHEMA, type ReportUnsetOptions } from '../report-unset';
import type { Rule } from '../rule';
import { describeWorkload, serviceAccountOf } from '../../model/service-account';

const FIELD = 'automountServiceAccountToken';

/** `namespace/name` of every ServiceAccount of the linted set that turns automounting off. */
function accountsWithoutAutomount(resources: readonly Resource[]): Set<string> {
  const keys = new Set<string>();
  for (const resource of resources) {
    if (resource.kind !== 'ServiceAccount' || resource.apiVersion !== 'v1' || resource.name === null) continue;
    if (resource.object[FIELD] === false) keys.add(`${resource.namespaceKey}/${resource.name}`);
  }
  return keys;
}

export const automountServiceAccountToken: Rule<ReportUnsetOptions> = {
  meta: {
    id: 'automount-service-account-token',
    title: 'Service account token mounted automatically',
    description:
      'A workload\'s pods get an API token mounted because neither the pod spec nor its ServiceAccount in the linted set sets `automountServiceAccountToken: false`.',
    severity: 'warning',
    category: 'service-accounts',
    tags: ['cis', 'nsa', 'rbac'],
    help: `Unless told otherwise, the kubelet mounts a token of the pod's ServiceAccount at
\`/var/run/secrets/kubernetes.io/serviceaccount\`. Most applications never call the Kubernetes
API, but anyone who gets code execution in the container (or can read its files) can use the
token with all the permissions of the ServiceAccount — enough, in many clusters, to read Secrets
or create pods elsewhere.

The field on the pod spec wins when it is set: \`true\` is reported even if the ServiceAccount
says \`false\`. When the pod spec does not set it, the rule looks for the pod's ServiceAccount
(\`serviceAccountName\`, \`default\` when absent) in the workload's namespace among the linted
objects; pods are not reported when that ServiceAccount sets \`automountServiceAccountToken:
false\`. Lint the directory that holds the ServiceAccounts together with the workloads.

**Fix:** turn automounting off on the pod spec (or on the ServiceAccount), and mount a projected
token only in the pods that talk to the API server:

\`\`\`yaml
spec:
  template:
    spec:
      serviceAccountName: web
      automountServiceAccountToken: false
\`\`\``,
    optionsSchema: REPORT_UNSET_SCHEMA,
    references: [
      REF.cis('5.1.6', 'Ensure that Service Account Tokens are only mounted where necessary'),
      REF.rbacGoodPractices,
      REF.nsaHardening,
      REF.mitre('T1528', 'Steal Application Access Token'),
    ],
  },
  defaultOptions: REPORT_UNSET_DEFAULTS,
  check(context) {
    const disabled = accountsWithoutAutomount(context.resources);
    for (const pod of context.podTemplates) {
      const podSetting = pod.spec[FIELD];
      if (podSetting === false) continue;
      const path = [...pod.specPath, FIELD];
      const workload = describeWorkload(pod);
      if (podSetting === true) {
        context.report(pod.resource, path, `pods of ${workload} mount a service account token: automountServiceAccountToken is true`);
        continue;
      }
      if (!context.options.reportUnset) continue;
      const account = serviceAccountOf(pod).name;
      if (disabled.has(`${pod.resource.namespaceKey}/${account}`)) continue;
      context.report(
        pod.resource,
        path,
        `pods of ${workload} mount a token of ServiceAccount "${account}": neither the pod spec nor that ServiceAccount in ${pod.resource.namespaceDescription} sets automountServiceAccountToken: false`,
      );
    }
  },
};
