import type { AnyRule } from '../rule';
import { appArmorProfileMissing } from './apparmor-profile-missing';
import { automountServiceAccountToken } from './automount-service-account-token';
import { defaultServiceAccount } from './default-service-account';
import { imagePullPolicyMutableTag } from './image-pull-policy-mutable-tag';
import { missingProbes } from './missing-probes';
import { plaintextSecret } from './plaintext-secret';
import { seccompProfileMissing } from './seccomp-profile-missing';
import { secretAsEnvVar } from './secret-as-env-var';
import { secretInEnvLiteral } from './secret-in-env-literal';
import { untrustedRegistry } from './untrusted-registry';

/** The rules of this group, in any order (the registry sorts them). */
export const WORKLOAD_RULES: readonly AnyRule[] = [
  plaintextSecret,
  secretInEnvLiteral,
  secretAsEnvVar,
  automountServiceAccountToken,
  defaultServiceAccount,
  untrustedRegistry,
  imagePullPolicyMutableTag,
  seccompProfileMissing,
  appArmorProfileMissing,
  missingProbes,
] as readonly AnyRule[];
