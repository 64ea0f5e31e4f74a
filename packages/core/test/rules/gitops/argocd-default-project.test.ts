import { argocdDefaultProject } from '../../../src/rules/gitops/argocd-default-project';
import { testRule, yaml } from '../../rule-tester';

testRule(argocdDefaultProject, {
  valid: [
    {
      name: 'dedicated projects, named or templated',
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
            targetRevision: v1.4.2
          destination:
            server: https://kubernetes.default.svc
            namespace: shop
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: teams
          namespace: argocd
        spec:
          goTemplate: true
          template:
            metadata:
              name: "team-{{ .team }}"
            spec:
              project: "{{ .team }}"
              destination:
                namespace: "{{ .team }}"
      `,
    },
    {
      name: 'the default AppProject itself, and Applications of other API groups',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: AppProject
        metadata:
          name: default
          namespace: argocd
        spec:
          sourceRepos: ["*"]
        ---
        apiVersion: app.k8s.io/v1beta1
        kind: Application
        metadata:
          name: sig-apps
        spec:
          descriptor:
            type: web
      `,
    },
    {
      name: 'hostile shapes do not throw',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata: null
        spec: []
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: odd
        spec:
          project: { name: default }
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: patched
        spec:
          template: null
          templatePatch: |
            spec:
              project: default
      `,
    },
  ],
  invalid: [
    {
      name: 'Applications with project default, without project, and with an empty project',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: shop
          namespace: argocd
        spec:
          project: default
          source:
            repoURL: https://github.com/example/shop.git
            path: deploy
            targetRevision: v1.4.2
          destination:
            server: https://kubernetes.default.svc
            namespace: shop
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: no-project
          namespace: argocd
        spec:
          source:
            repoURL: https://github.com/example/shop.git
            path: deploy
          destination:
            namespace: shop
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: empty
          namespace: argocd
        spec:
          project: ""
      `,
      errors: [
        { line: 7, column: 3, object: 'Application argocd/shop', path: 'spec.project', message: 'project "default" allows Application "shop" any repository' },
        { line: 21, column: 1, object: 'Application argocd/no-project', path: 'spec.project', message: 'no project is set, so Application "no-project" falls into the "default" project' },
        { line: 34, column: 3, object: 'Application argocd/empty', path: 'spec.project', message: 'no project is set' },
      ],
    },
    {
      name: 'ApplicationSet templates without project and with project default',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: teams
          namespace: argocd
        spec:
          generators:
            - list:
                elements: [{ team: a }, { team: b }]
          template:
            metadata:
              name: "team-{{team}}"
            spec:
              source:
                repoURL: https://github.com/example/teams.git
                path: "teams/{{team}}"
              destination:
                namespace: "{{team}}"
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: envs
          namespace: argocd
        spec:
          template:
            metadata: { name: "env-{{env}}" }
            spec: { project: default, destination: { namespace: "{{env}}" } }
      `,
      errors: [
        { line: 13, column: 5, object: 'ApplicationSet argocd/teams', path: 'spec.template.spec.project', message: 'the Applications of ApplicationSet "teams" fall into' },
        { line: 28, column: 13, object: 'ApplicationSet argocd/envs', path: 'spec.template.spec.project' },
      ],
    },
  ],
});
