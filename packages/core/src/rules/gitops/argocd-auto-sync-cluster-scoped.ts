import { asName, getIn } from '../../values';
import { REF } from '../references';
import type { Rule } from '../rule';
import { ARGO_REF, argoApps, enabledAutomation, projectOf, usesDefaultProject, type ArgoApp } from '../../model/argocd';

/** Why the app is taken to manage cluster-scoped resources; undefined when it is not. */
function clusterScopedReason(app: ArgoApp): string | undefined {
  const namespace = asName(getIn(app.spec, ['destination', 'namespace']));
  const reasons: string[] = [];
  if (namespace === undefined || namespace === '') reasons.push('its destination has no namespace');
  if (usesDefaultProject(app)) {
    reasons.push(projectOf(app) === undefined ? 'it has no project, so the "default" project allows cluster-scoped resources' : 'the "default" project allows cluster-scoped resources');
  }
  return reasons.length > 0 ? reasons.join(' and ') : undefined;
}

export const argocdAutoSyncClusterScoped: Rule = {
  meta: {
    id: 'argocd-auto-sync-cluster-scoped',
    title: 'Argo CD prunes and self-heals cluster-scoped resources',
    description:
      'An Argo CD Application (or ApplicationSet template) that may manage cluster-scoped resources syncs automatically with both `prune` and `selfHeal`.',
    severity: 'note',
    category: 'gitops',
    tags: ['argocd', 'blast-radius'],
    help: `With \`prune: true\` Argo CD deletes whatever disappears from the source, and with
\`selfHeal: true\` it reverts every change made in the cluster, both without a human in the
loop. For namespaced workloads that is the point of GitOps. For cluster-scoped resources
(CustomResourceDefinitions, ClusterRoles and their bindings, Namespaces, admission webhooks,
StorageClasses) one bad commit or a compromised repository can delete a CRD together with every
custom resource of that type, remove a Namespace with everything in it, or grant cluster-admin,
and an operator's emergency fix in the cluster is reverted within seconds.

A linter cannot see which resources a source renders, so the rule takes an Application to
manage cluster-scoped resources when:

- its \`spec.destination\` has no \`namespace\`, which is how applications that deploy
  cluster-wide resources are usually written; or
- its project is \`default\` (or not set), since that project allows cluster-scoped kinds.

ApplicationSet templates are checked the same way; a templated namespace counts as set.

**Fix:** keep pruning and self-healing for namespaced applications in a restricted project, and
sync cluster-wide resources with review: without automatic \`prune\`, in a project whose
\`clusterResourceWhitelist\` lists only the kinds the application needs, and with deletion
confirmation on the critical resources themselves:

\`\`\`yaml
# The Application
spec:
  project: platform-crds
  destination:
    server: https://kubernetes.default.svc
  syncPolicy:
    automated:
      prune: false
      selfHeal: true
---
# A critical cluster-scoped resource in its source
metadata:
  annotations:
    argocd.argoproj.io/sync-options: Prune=confirm,Delete=confirm
\`\`\``,
    references: [ARGO_REF.autoSync, ARGO_REF.projects, REF.rbacGoodPractices, REF.mitre('T1195', 'Supply Chain Compromise'), REF.mitre('T1485', 'Data Destruction')],
  },
  defaultOptions: {},
  check(context) {
    for (const app of argoApps(context.resources)) {
      const automated = enabledAutomation(app);
      if (!automated || automated.prune !== true || automated.selfHeal !== true) continue;
      const reason = clusterScopedReason(app);
      if (!reason) continue;
      context.report(
        app.resource,
        [...app.specPath, 'syncPolicy', 'automated'],
        `automated sync with prune and selfHeal can delete and overwrite cluster-scoped resources without review: ${reason}`,
      );
    }
  },
};
