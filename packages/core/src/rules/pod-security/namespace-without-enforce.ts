import { clusterPodSecurity, type ClusterPodSecurityOfRun } from '../../pss/cluster-defaults';
import { isNamespaceObject, LABEL_PREFIX } from '../../pss/policy';
import type { FieldPath } from '../../types';
import { asRecord } from '../../values';
import { REF } from '../references';
import type { Rule } from '../rule';

const ENFORCE_LABEL = `${LABEL_PREFIX}enforce`;

/**
 * Namespaces of the control plane itself: their pods are privileged by design and clusters exempt
 * them (or leave them unlabelled on purpose), so a warning there would only be noise.
 */
const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

/** Why no cluster default protects the namespace, or undefined when one enforces a level. */
function noEnforcingDefault(cluster: ClusterPodSecurityOfRun): string | undefined {
  const { config, found } = cluster;
  if (config) return config.modes.enforce.level === 'privileged' ? `the cluster default (${config.file}) enforces "privileged"` : undefined;
  if (found.length > 1) return `the PodSecurity configurations of the set disagree (${[...new Set(found.map((entry) => entry.file))].join(', ')}), so no cluster default is assumed`;
  return 'no cluster default enforces a level';
}

export const namespaceWithoutEnforce: Rule = {
  meta: {
    id: 'namespace-without-enforce',
    title: 'Namespace without a Pod Security enforce label',
    description: 'A Namespace has no `pod-security.kubernetes.io/enforce` label and no cluster default of the linted set enforces a level.',
    severity: 'warning',
    category: 'pod-security',
    tags: ['pss'],
    help: `Pod Security Admission checks a pod only against the level its namespace enforces: the
namespace's \`pod-security.kubernetes.io/enforce\` label or, without one, the cluster default of the
API server's \`AdmissionConfiguration\` (\`privileged\` unless configured). Without either, nothing
stops a privileged pod, a host-network pod or a host-path mount in that namespace.

The cluster default counts when the linted set (the repository's context included) holds the
\`AdmissionConfiguration\` (or a standalone \`PodSecurityConfiguration\`) and its \`enforce\`
default is \`baseline\` or \`restricted\`. Namespaces that configuration exempts are not reported,
nor are \`kube-system\`, \`kube-public\` and \`kube-node-lease\`: the control plane's own pods are
privileged by design, and clusters exempt those namespaces or leave them unlabelled on purpose.
A namespace labelled \`enforce: privileged\` made that choice explicitly and is not reported either.

**Fix:** label the namespace with the strictest level its workloads pass (\`pss/\` findings say
what \`restricted\` would reject), or set a cluster default:

\`\`\`yaml
apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: restricted
    pod-security.kubernetes.io/enforce-version: latest
\`\`\``,
    references: [
      REF.podSecurityAdmission,
      { title: 'Kubernetes: Enforce Pod Security Standards by Configuring the Built-in Admission Controller', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/enforce-standards-admission-controller/' },
    ],
  },
  defaultOptions: {},
  check(context) {
    const cluster = clusterPodSecurity(context.resources);
    const why = noEnforcingDefault(cluster);
    if (why === undefined) return;
    for (const namespace of context.resources) {
      if (!isNamespaceObject(namespace) || namespace.name === null || SYSTEM_NAMESPACES.has(namespace.name)) continue;
      if (namespace.labels[ENFORCE_LABEL] !== undefined || cluster.config?.exemptNamespaces.has(namespace.name)) continue;
      const path: FieldPath = asRecord(asRecord(namespace.object.metadata)?.labels) ? ['metadata', 'labels'] : ['metadata'];
      context.report(namespace, path, `namespace "${namespace.name}" has no ${ENFORCE_LABEL} label and ${why}: nothing stops privileged pods here`);
    }
  },
};
