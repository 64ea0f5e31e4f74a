import type { AnyRule } from '../rule';
import { automountServiceAccountToken } from './automount-service-account-token';
import { defaultServiceAccount } from './default-service-account';

/** The rules of category `service-accounts` (the registry sorts them). */
export const SERVICE_ACCOUNT_RULES: readonly AnyRule[] = [
  automountServiceAccountToken,
  defaultServiceAccount,
] as readonly AnyRule[];
