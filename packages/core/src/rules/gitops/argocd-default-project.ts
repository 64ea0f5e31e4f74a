import { REF } from '../references';
import type { Rule } from '../rule';
import { ARGO_REF, argoApps, projectOf, usesDefaultProject } from '../../model/argocd';

export const argocdDefaultProject: Rule = {
  meta: {
    id: 'argocd-default-project',
    title: 'Argo CD application in the default project',
    description: 'An Argo CD Application, or the template of an ApplicationSet, uses the `default` project, by name or by leaving `project` out.',
    severity: 'warning',
    category: 'gitops',
    tags: ['argocd', 'least-privilege', 'multi-tenancy'],
    help: `Argo CD projects are its security boundary: an AppProject lists the repositories an
application may deploy from, the clusters and namespaces it may deploy to, and the kinds of
resources it may create. The \`default\` project that Argo CD creates allows everything: any
source repository, any destination, and cluster-scoped resources such as ClusterRoles,
CRDs and Namespaces. An application in it (including one that omits \`spec.project\`, which
Argo CD reads as \`default\`) is limited only by what Argo CD itself may do, usually
cluster-admin, so whoever can change its source or its manifest controls the cluster.

ApplicationSet templates are checked at \`spec.template.spec.project\`; templated values such
as \`'{{project}}'\` are not known before generation and are not reported. If your \`default\`
project has been locked down (the Argo CD docs show how), you may turn the rule off, but a
dedicated project per team or purpose is still clearer.

**Fix:** create a project that allows only what the application needs, and use it:

\`\`\`yaml
apiVersion: argoproj.io/v1alpha1
kind: AppProject
metadata:
  name: shop
  namespace: argocd
spec:
  sourceRepos: ["https://github.com/example/shop-deploy.git"]
  destinations:
    - server: https://kubernetes.default.svc
      namespace: shop
  clusterResourceWhitelist: []
---
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: shop
  namespace: argocd
spec:
  project: shop
  # source, destination, syncPolicy ...
\`\`\``,
    references: [ARGO_REF.projects, ARGO_REF.security, REF.nsaHardening, REF.mitre('T1195', 'Supply Chain Compromise')],
  },
  defaultOptions: {},
  check(context) {
    for (const app of argoApps(context.resources)) {
      if (!usesDefaultProject(app)) continue;
      const generated = app.resource.kind === 'ApplicationSet';
      const who = generated ? `the Applications of ${app.label}` : app.label;
      const what = 'any repository, any destination and cluster-scoped resources';
      const message =
        projectOf(app) === undefined
          ? `no project is set, so ${who} ${generated ? 'fall' : 'falls'} into the "default" project, which allows ${what}`
          : `project "default" allows ${who} ${what}`;
      context.report(app.resource, [...app.specPath, 'project'], message);
    }
  },
};
