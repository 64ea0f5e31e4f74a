import type { AnyRule } from '../rule';
import { rbacAnonymousAccess } from './rbac-anonymous-access';
import { rbacClusterAdminBinding } from './rbac-cluster-admin-binding';
import { rbacCreatePods } from './rbac-create-pods';
import { rbacDefaultServiceAccountBinding } from './rbac-default-service-account-binding';
import { rbacMissingRole } from './rbac-missing-role';
import { rbacNodesProxy } from './rbac-nodes-proxy';
import { rbacPodExec } from './rbac-pod-exec';
import { rbacPrivilegeEscalation } from './rbac-privilege-escalation';
import { rbacSecretsAccess } from './rbac-secrets-access';
import { rbacWildcard } from './rbac-wildcard';

/** The rules of this group, in any order (the registry sorts them). */
export const RBAC_RULES: readonly AnyRule[] = [
  rbacAnonymousAccess,
  rbacClusterAdminBinding,
  rbacCreatePods,
  rbacDefaultServiceAccountBinding,
  rbacMissingRole,
  rbacNodesProxy,
  rbacPodExec,
  rbacPrivilegeEscalation,
  rbacSecretsAccess,
  rbacWildcard,
] as readonly AnyRule[];
