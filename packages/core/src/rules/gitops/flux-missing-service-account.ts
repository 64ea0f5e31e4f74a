import { asName, asRecord } from '../../values';
import type { Rule } from '../rule';
import { REF } from '../references';
import { apiGroup } from '../../model/api-group';
import { FLUX_HELM_GROUP, FLUX_KUSTOMIZE_GROUP, FLUX_REF } from '../../model/flux';

/** Flux objects that apply resources, by kind, with the group they must belong to and their controller. */
const APPLIERS: ReadonlyMap<string, { group: string; controller: string }> = new Map([
  // Only Flux's Kustomization: `kustomize.config.k8s.io` kustomization.yaml files are build input, not objects.
  ['Kustomization', { group: FLUX_KUSTOMIZE_GROUP, controller: 'kustomize-controller' }],
  ['HelmRelease', { group: FLUX_HELM_GROUP, controller: 'helm-controller' }],
]);

export const fluxMissingServiceAccount: Rule = {
  meta: {
    id: 'flux-missing-service-account',
    title: 'Flux Kustomization or HelmRelease without a service account',
    description: 'A Flux Kustomization or HelmRelease does not set `spec.serviceAccountName`, so it is not applied under a tenant\'s own permissions.',
    severity: 'note',
    category: 'gitops',
    tags: ['flux', 'least-privilege', 'multi-tenancy'],
    enabledByDefault: false,
    help: `Without \`spec.serviceAccountName\`, kustomize-controller and helm-controller apply a
Kustomization or HelmRelease with their own service account, which is bound to cluster-admin
by default. Anyone who can change the object's source can then create any resource in any
namespace, ClusterRoleBindings included. With a service account named, the controller
impersonates it, and Kubernetes RBAC limits what the object may change.

**Off by default:** the rule is only useful in multi-tenant setups that follow Flux's
multi-tenancy lockdown, where every tenant's Kustomizations and HelmReleases must run under a
tenant service account. In a single-team repository the platform's own Flux objects
legitimately run with the controllers' permissions. Enable it with a severity in
\`.k8s-lint.yaml\` (\`rules: { flux-missing-service-account: warning }\`). Objects with
\`spec.kubeConfig\` are skipped: they act on a remote cluster with the kubeconfig's identity.
With the controllers' \`--default-service-account\` flag, objects without a name impersonate
that account instead; naming it explicitly still documents which permissions apply.

Only \`kustomize.toolkit.fluxcd.io\` Kustomizations are checked, not the
\`kustomize.config.k8s.io\` kustomization.yaml files of Kustomize.

**Fix:** give the tenant a service account bound to a namespaced role, and name it:

\`\`\`yaml
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: shop
  namespace: shop
spec:
  serviceAccountName: shop-reconciler
  interval: 10m
  path: ./deploy
  prune: true
  sourceRef:
    kind: GitRepository
    name: shop
\`\`\``,
    references: [FLUX_REF.multiTenancy, FLUX_REF.kustomizationRbac, FLUX_REF.helmReleaseRbac, REF.rbacGoodPractices],
  },
  defaultOptions: {},
  check(context) {
    for (const resource of context.resources) {
      const applier = APPLIERS.get(resource.kind);
      if (!applier || apiGroup(resource) !== applier.group) continue;
      const spec = asRecord(resource.object.spec) ?? {};
      if (asRecord(spec.kubeConfig)) continue;
      const account = asName(spec.serviceAccountName);
      if (account !== undefined && account !== '') continue;
      context.report(
        resource,
        ['spec', 'serviceAccountName'],
        `no serviceAccountName is set, so ${applier.controller} applies ${resource.kind} "${resource.name ?? '<unnamed>'}" with its own permissions`,
      );
    }
  },
};
