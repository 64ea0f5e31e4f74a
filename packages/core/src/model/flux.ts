import type { RuleReference } from '../rules/rule';

export const FLUX_SOURCE_GROUP = 'source.toolkit.fluxcd.io';
export const FLUX_KUSTOMIZE_GROUP = 'kustomize.toolkit.fluxcd.io';
export const FLUX_HELM_GROUP = 'helm.toolkit.fluxcd.io';

export const FLUX_REF = {
  multiTenancy: {
    title: 'Flux: Multi-tenancy lockdown',
    url: 'https://fluxcd.io/flux/installation/configuration/multitenancy/',
  },
  kustomizationRbac: {
    title: 'Flux: Kustomization role-based access control',
    url: 'https://fluxcd.io/flux/components/kustomize/kustomizations/#role-based-access-control',
  },
  helmReleaseRbac: {
    title: 'Flux: HelmRelease role-based access control',
    url: 'https://fluxcd.io/flux/components/helm/helmreleases/#role-based-access-control',
  },
  gitRepositories: {
    title: 'Flux: GitRepository API',
    url: 'https://fluxcd.io/flux/components/source/gitrepositories/',
  },
  helmRepositories: {
    title: 'Flux: HelmRepository API',
    url: 'https://fluxcd.io/flux/components/source/helmrepositories/',
  },
  ociRepositories: {
    title: 'Flux: OCIRepository API',
    url: 'https://fluxcd.io/flux/components/source/ocirepositories/',
  },
  buckets: {
    title: 'Flux: Bucket API',
    url: 'https://fluxcd.io/flux/components/source/buckets/',
  },
  insecureHttp: {
    title: 'Flux RFC-0004: Block insecure HTTP connections across Flux',
    url: 'https://github.com/fluxcd/flux2/tree/main/rfcs/0004-insecure-http',
  },
} as const satisfies Record<string, RuleReference>;
