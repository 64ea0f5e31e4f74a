import { EMPTY_CONFIG, lint } from '../../../src';
import { fluxMissingServiceAccount } from '../../../src/rules/gitops/flux-missing-service-account';
import { testRule, yaml } from '../../rule-tester';

const UNNAMED = yaml`
  apiVersion: kustomize.toolkit.fluxcd.io/v1
  kind: Kustomization
  metadata:
    name: apps
    namespace: flux-system
  spec:
    interval: 10m
    path: ./apps
    prune: true
    sourceRef:
      kind: GitRepository
      name: flux-system
  ---
  apiVersion: helm.toolkit.fluxcd.io/v2
  kind: HelmRelease
  metadata:
    name: podinfo
    namespace: podinfo
  spec:
    serviceAccountName: ""
    interval: 10m
    chart:
      spec:
        chart: podinfo
        sourceRef: { kind: HelmRepository, name: podinfo }
  ---
  apiVersion: kustomize.toolkit.fluxcd.io/v1beta2
  kind: Kustomization
  metadata:
    name: bare
`;

testRule(fluxMissingServiceAccount, {
  valid: [
    {
      name: 'Kustomization and HelmRelease impersonating a tenant service account',
      code: yaml`
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
          sourceRef: { kind: GitRepository, name: shop }
        ---
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: redis
          namespace: shop
        spec:
          serviceAccountName: shop-reconciler
          interval: 10m
          chartRef: { kind: OCIRepository, name: redis }
      `,
    },
    {
      name: 'a kustomize.config.k8s.io Kustomization is not a Flux object; remote clusters use their kubeconfig',
      code: yaml`
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
          - gotk-components.yaml
          - gotk-sync.yaml
        ---
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: remote
          namespace: fleet
        spec:
          interval: 10m
          path: ./cluster-b
          sourceRef: { kind: GitRepository, name: fleet }
          kubeConfig:
            secretRef:
              name: cluster-b-kubeconfig
      `,
    },
    {
      name: 'hostile shapes that name an account do not throw',
      code: yaml`
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata: null
        spec:
          serviceAccountName: 42
        ---
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: remote
        spec:
          kubeConfig: { secretRef: null }
      `,
    },
  ],
  invalid: [
    {
      name: 'no serviceAccountName, an empty one, and no spec at all',
      code: UNNAMED,
      errors: [
        { line: 6, column: 1, object: 'Kustomization flux-system/apps', path: 'spec.serviceAccountName', message: 'kustomize-controller applies Kustomization "apps" with its own permissions' },
        { line: 20, column: 3, object: 'HelmRelease podinfo/podinfo', path: 'spec.serviceAccountName', message: 'helm-controller' },
        { line: 27, column: 1, object: 'Kustomization bare', path: 'spec.serviceAccountName' },
      ],
    },
    {
      name: 'hostile shapes: a spec that is a list names no account',
      code: yaml`
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: odd
        spec: [serviceAccountName]
      `,
      errors: [{ line: 5, column: 1, object: 'Kustomization odd', path: 'spec.serviceAccountName' }],
    },
  ],
});

test('flux-missing-service-account is off unless the configuration gives it a severity', async () => {
  const result = await lint({ paths: ['-'], cwd: process.cwd(), stdinText: UNNAMED, config: EMPTY_CONFIG, rules: [fluxMissingServiceAccount] });
  expect(result.findings).toEqual([]);
  expect(result.rules).toEqual([]);
});
