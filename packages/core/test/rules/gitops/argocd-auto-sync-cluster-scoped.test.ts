import { argocdAutoSyncClusterScoped } from '../../../src/rules/gitops/argocd-auto-sync-cluster-scoped';
import { testRule, yaml } from '../../rule-tester';

testRule(argocdAutoSyncClusterScoped, {
  valid: [
    {
      name: 'prune and selfHeal on a namespaced application in its own project',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: shop
          namespace: argocd
        spec:
          project: shop
          destination:
            server: https://kubernetes.default.svc
            namespace: shop
          syncPolicy:
            automated:
              prune: true
              selfHeal: true
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: tenants
          namespace: argocd
        spec:
          template:
            metadata: { name: "tenant-{{name}}" }
            spec:
              project: tenants
              destination:
                server: https://kubernetes.default.svc
                namespace: "{{name}}"
              syncPolicy:
                automated: { prune: true, selfHeal: true }
      `,
    },
    {
      name: 'cluster-scoped destinations without both prune and selfHeal, or with automation off',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: crds-prune-only
        spec:
          project: default
          destination:
            server: https://kubernetes.default.svc
          syncPolicy:
            automated:
              prune: true
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: crds-self-heal-only
        spec:
          destination:
            server: https://kubernetes.default.svc
          syncPolicy:
            automated: { selfHeal: true, prune: false }
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: crds-off
        spec:
          destination:
            server: https://kubernetes.default.svc
          syncPolicy:
            automated: { enabled: false, prune: true, selfHeal: true }
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: strings
        spec:
          syncPolicy:
            automated: { prune: "true", selfHeal: "true" }
      `,
    },
    {
      name: 'hostile shapes do not throw',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata: null
        spec: "x"
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: odd
        spec:
          project: [default]
          destination: [shop]
          syncPolicy: [automated]
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: odd
        spec:
          template:
            spec: null
      `,
    },
  ],
  invalid: [
    {
      name: 'no destination namespace; project default; both and no project',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: crds
          namespace: argocd
        spec:
          project: platform
          source:
            repoURL: https://github.com/example/platform.git
            path: crds
            targetRevision: v1.0.0
          destination:
            server: https://kubernetes.default.svc
          syncPolicy:
            automated:
              prune: true
              selfHeal: true
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: shop
          namespace: argocd
        spec:
          project: default
          destination:
            server: https://kubernetes.default.svc
            namespace: shop
          syncPolicy:
            automated: { prune: true, selfHeal: true }
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: everything
          namespace: argocd
        spec:
          destination:
            name: in-cluster
            namespace: ""
          syncPolicy:
            automated:
              selfHeal: true
              prune: true
              enabled: true
      `,
      errors: [
        { line: 15, column: 5, object: 'Application argocd/crds', path: 'spec.syncPolicy.automated', message: 'without review: its destination has no namespace' },
        { line: 30, column: 5, object: 'Application argocd/shop', path: 'spec.syncPolicy.automated', message: 'without review: the "default" project allows cluster-scoped resources' },
        { line: 42, column: 5, object: 'Application argocd/everything', path: 'spec.syncPolicy.automated', message: 'its destination has no namespace and it has no project' },
      ],
    },
    {
      name: 'an ApplicationSet template deploying to each cluster without a namespace',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: cluster-addons
          namespace: argocd
        spec:
          generators:
            - clusters: {}
          template:
            metadata:
              name: "addons-{{name}}"
            spec:
              project: addons
              destination:
                server: "{{server}}"
              syncPolicy:
                automated:
                  prune: true
                  selfHeal: true
      `,
      errors: [{ line: 17, column: 9, object: 'ApplicationSet argocd/cluster-addons', path: 'spec.template.spec.syncPolicy.automated', message: 'no namespace' }],
    },
  ],
});
