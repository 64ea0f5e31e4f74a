import { argocdMovingTargetRevision } from '../../../src/rules/gitops/argocd-moving-target-revision';
import { runRule, testRule, yaml } from '../../rule-tester';

testRule(argocdMovingTargetRevision, {
  valid: [
    {
      name: 'automated sync pinned to a commit, a tag and exact chart versions',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: pinned
          namespace: argocd
        spec:
          project: shop
          sources:
            - repoURL: https://github.com/example/shop.git
              path: deploy
              targetRevision: 3f9c2a4e5b1d7c8e9f0a1b2c3d4e5f60718293a4
            - repoURL: https://github.com/example/values.git
              targetRevision: v1.4.2
              ref: values
            - repoURL: https://charts.example.com
              chart: redis
              targetRevision: 19.6.4
            - repoURL: registry.example.com/charts
              chart: postgres
              targetRevision: "=15.2.0"
            - repoURL: oci://ghcr.io/example/manifests
              targetRevision: v2
            - repoURL: https://charts.example.com
              chart: no-version
          syncPolicy:
            automated:
              prune: true
              selfHeal: true
      `,
    },
    {
      name: 'moving revisions without automated sync, or with it switched off',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: manual
        spec:
          source:
            repoURL: https://github.com/example/shop.git
            targetRevision: HEAD
          syncPolicy:
            syncOptions: [CreateNamespace=true]
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: switched-off
        spec:
          source:
            repoURL: https://github.com/example/shop.git
            targetRevision: main
          syncPolicy:
            automated:
              enabled: false
              prune: true
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: null-automated
        spec:
          source:
            repoURL: https://github.com/example/shop.git
          syncPolicy:
            automated:
      `,
    },
    {
      name: 'spec.source is ignored when spec.sources is set; templated revisions; other API groups',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: both
        spec:
          source:
            repoURL: https://github.com/example/shop.git
            targetRevision: main
          sources:
            - repoURL: https://github.com/example/shop.git
              targetRevision: v1.0.0
          syncPolicy:
            automated: {}
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: versions
        spec:
          template:
            metadata: { name: "istio-{{revision}}" }
            spec:
              source:
                repoURL: https://istio-release.storage.googleapis.com/charts
                chart: istiod
                targetRevision: "{{version}}"
              syncPolicy:
                automated: {}
        ---
        apiVersion: example.io/v1
        kind: Application
        metadata:
          name: lookalike
        spec:
          source:
            targetRevision: HEAD
          syncPolicy:
            automated: {}
      `,
    },
    {
      name: 'hostile shapes do not throw',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: odd
        spec:
          source: [main]
          sources: "HEAD"
          syncPolicy:
            automated: true
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: odder
        spec:
          sources: [null, 3, { targetRevision: [main], chart: { name: x } }]
          sourceHydrator: { drySource: [HEAD] }
          syncPolicy:
            automated: { enabled: "false" }
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: no-template
        spec:
          template: []
      `,
    },
  ],
  invalid: [
    {
      name: 'a branch, and no targetRevision at all (HEAD)',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: shop
          namespace: argocd
        spec:
          project: shop
          source:
            repoURL: https://github.com/example/shop.git
            path: deploy
            targetRevision: main
          syncPolicy:
            automated: {}
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: implicit-head
          namespace: argocd
        spec:
          project: shop
          source:
            repoURL: https://github.com/example/shop.git
            path: deploy
          syncPolicy:
            automated:
              enabled: true
      `,
      errors: [
        { line: 11, column: 5, object: 'Application argocd/shop', path: 'spec.source.targetRevision', message: 'automated sync deploys every push to "main" of "https://github.com/example/shop.git"' },
        { line: 22, column: 3, object: 'Application argocd/implicit-head', path: 'spec.source.targetRevision', message: 'the source sets no targetRevision' },
      ],
    },
    {
      name: 'multiple sources: a chart range, a HEAD values ref, a git tag range and an OCI latest tag',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: platform
          namespace: argocd
        spec:
          project: platform
          sources:
            - repoURL: https://charts.example.com
              chart: ingress-nginx
              targetRevision: 4.11.*
              helm:
                valueFiles: [$values/ingress/values.yaml]
            - repoURL: https://github.com/example/platform.git
              targetRevision: HEAD
              ref: values
            - repoURL: https://github.com/example/platform.git
              path: extras
              targetRevision: v2.3.0
            - repoURL: https://github.com/example/policies.git
              path: policies
              targetRevision: ">=1.0.0 <2.0.0"
            - repoURL: oci://ghcr.io/example/manifests
              path: .
              targetRevision: latest
          syncPolicy:
            automated:
              prune: true
      `,
      errors: [
        { line: 11, column: 7, object: 'Application argocd/platform', path: 'spec.sources[0].targetRevision', message: 'newest version of chart "ingress-nginx" that matches "4.11.*"' },
        { line: 15, column: 7, object: 'Application argocd/platform', path: 'spec.sources[1].targetRevision', message: '"HEAD"' },
        { line: 22, column: 7, object: 'Application argocd/platform', path: 'spec.sources[3].targetRevision', message: 'newest tag of "https://github.com/example/policies.git"' },
        { line: 25, column: 7, object: 'Application argocd/platform', path: 'spec.sources[4].targetRevision', message: 'tagged "latest"' },
      ],
    },
    {
      name: 'an ApplicationSet template on refs/heads/master, and a hydrator dry source on HEAD (its source is ignored)',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: clusters
          namespace: argocd
        spec:
          generators:
            - clusters: {}
          template:
            metadata:
              name: "addons-{{name}}"
            spec:
              project: addons
              source:
                repoURL: https://github.com/example/addons.git
                path: addons
                targetRevision: refs/heads/master
              destination:
                server: "{{server}}"
                namespace: addons
              syncPolicy:
                automated:
                  selfHeal: true
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: hydrated
          namespace: argocd
        spec:
          project: shop
          sourceHydrator:
            drySource:
              repoURL: https://github.com/example/shop.git
              path: helm
              targetRevision: HEAD
            syncSource:
              targetBranch: environments/prod
              path: prod
          source:
            repoURL: https://github.com/example/shop.git
            targetRevision: main
          syncPolicy:
            automated: {}
      `,
      errors: [
        { line: 17, column: 9, object: 'ApplicationSet argocd/clusters', path: 'spec.template.spec.source.targetRevision', message: '"refs/heads/master"' },
        { line: 36, column: 7, object: 'Application argocd/hydrated', path: 'spec.sourceHydrator.drySource.targetRevision' },
      ],
    },
    {
      name: 'default movingRevisions: main is moving, develop is not known to be',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: dev
          namespace: argocd
        spec:
          project: dev
          sources:
            - repoURL: https://github.com/example/app.git
              targetRevision: develop
            - repoURL: https://github.com/example/app.git
              targetRevision: main
          syncPolicy:
            automated: {}
      `,
      errors: [{ line: 12, column: 7, object: 'Application argocd/dev', path: 'spec.sources[1].targetRevision' }],
    },
    {
      name: 'movingRevisions option replaces the list',
      options: { movingRevisions: ['develop'] },
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: dev
          namespace: argocd
        spec:
          project: dev
          sources:
            - repoURL: https://github.com/example/app.git
              targetRevision: develop
            - repoURL: https://github.com/example/app.git
              targetRevision: main
          syncPolicy:
            automated: {}
      `,
      errors: [{ line: 10, column: 7, object: 'Application argocd/dev', path: 'spec.sources[0].targetRevision', message: '"develop"' }],
    },
    {
      name: 'credentials written in repoURL are masked in the message',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: tokens
          namespace: argocd
        spec:
          project: shop
          sources:
            - repoURL: https://x-access-token:ghs_Zq7ArgoToken@github.com/example/shop.git
              targetRevision: main
            - repoURL: oci://robot:Zq7OciPassword@registry.example.com/manifests
              targetRevision: latest
          syncPolicy:
            automated: {}
      `,
      errors: [
        { line: 10, column: 7, object: 'Application argocd/tokens', path: 'spec.sources[0].targetRevision', message: 'automated sync deploys every push to "main" of "https://***@github.com/example/shop.git"' },
        { line: 12, column: 7, object: 'Application argocd/tokens', path: 'spec.sources[1].targetRevision', message: 'whatever is tagged "latest" of OCI artifact "oci://***@registry.example.com/manifests"' },
      ],
    },
  ],
});

test('argocd-moving-target-revision never prints credentials of a repoURL', async () => {
  const code = yaml`
    apiVersion: argoproj.io/v1alpha1
    kind: ApplicationSet
    metadata:
      name: tokens
    spec:
      template:
        spec:
          source:
            repoURL: "https://deploy:Zq7Set%40Password@git.example.com/org/apps.git?private_token=Zq7QueryToken&ref=x"
            targetRevision: HEAD
          syncPolicy:
            automated: {}
  `;
  const findings = await runRule(argocdMovingTargetRevision, { name: 'tokens', code });
  expect(findings.map((finding) => finding.message)).toEqual([
    'automated sync deploys every push to "HEAD" of "https://***@git.example.com/org/apps.git?private_token=***&ref=x"',
  ]);
});
