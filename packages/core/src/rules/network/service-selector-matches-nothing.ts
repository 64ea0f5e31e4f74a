import { asRecord, asString } from '../../values';
import type { Rule } from '../rule';
import { LINKS } from '../network-links';
import { isService, labelMapMatches, workloadPodIndex } from '../../model/workload-index';

export const serviceSelectorMatchesNothing: Rule = {
  meta: {
    id: 'service-selector-matches-nothing',
    title: 'Service selector matches no pods',
    description: 'A Service\'s `spec.selector` matches the pod template labels of no workload in its namespace in the linted set.',
    severity: 'note',
    category: 'network',
    tags: ['typo', 'service'],
    enabledByDefault: false,
    help: `A Service sends traffic to the pods whose labels include every key and value of its
\`spec.selector\`, in the Service's own namespace. When no workload matches, the Service has no
endpoints: clients get connection errors, and NetworkPolicies written for the labels the Service
was expected to use may not match either. It is usually a typo or a label renamed on one side
only; it can also be a Service for pods managed elsewhere (another repository, an operator),
which is why this is a note. Services without a selector (endpoints managed by hand) and
\`ExternalName\` Services are not checked.

**Off by default:** the rule is for repositories that hold every object of the cluster.
Elsewhere most of its findings are false: pods created by operators, charts installed from
elsewhere and static pods (such as kube-apiserver's) are not in the repository, so the Services
for them seem to select nothing. Enable it with a severity in \`.k8s-lint.yaml\`
(\`rules: { service-selector-matches-nothing: note }\`).

**Fix:** make the selector a subset of the pod template labels:

\`\`\`yaml
spec:
  selector:
    app.kubernetes.io/name: web   # as in spec.template.metadata.labels of the Deployment
\`\`\``,
    references: [LINKS.service, LINKS.labels],
  },
  defaultOptions: {},
  check(context) {
    const pods = workloadPodIndex(context);
    for (const service of context.resources) {
      if (!isService(service)) continue;
      const spec = asRecord(service.object.spec);
      const selector = asRecord(spec?.selector);
      if (!spec || !selector || Object.keys(selector).length === 0 || asString(spec.type) === 'ExternalName') continue;
      if ((pods.get(service.namespaceKey)?.candidatesForMap(selector) ?? []).some((pod) => labelMapMatches(selector, pod.labels))) continue;
      context.report(service, ['spec', 'selector'], `the selector of Service "${service.name ?? '<unnamed>'}" matches no workload of ${service.namespaceDescription} in the linted files`);
    }
  },
};
