import type { AnyRule } from '../rule';
import { argocdAutoSyncClusterScoped } from './argocd-auto-sync-cluster-scoped';
import { argocdDefaultProject } from './argocd-default-project';
import { argocdMovingTargetRevision } from './argocd-moving-target-revision';
import { chartValuesInsecure } from './chart-values-insecure';
import { fluxInsecureSource } from './flux-insecure-source';
import { fluxMissingServiceAccount } from './flux-missing-service-account';

/** The rules of this group, in any order (the registry sorts them). */
export const GITOPS_RULES: readonly AnyRule[] = [
  argocdDefaultProject,
  argocdMovingTargetRevision,
  argocdAutoSyncClusterScoped,
  fluxInsecureSource,
  fluxMissingServiceAccount,
  chartValuesInsecure,
];
