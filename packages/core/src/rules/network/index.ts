import type { AnyRule } from '../rule';
import { missingDefaultDeny } from './missing-default-deny';
import { missingNetworkPolicy } from './missing-network-policy';
import { networkPolicyAllowAll } from './network-policy-allow-all';
import { networkPolicySelectsNothing } from './network-policy-selects-nothing';
import { serviceSelectorMatchesNothing } from './service-selector-matches-nothing';

/** The rules of category `network` (the registry sorts them). */
export const NETWORK_RULES: readonly AnyRule[] = [
  missingDefaultDeny,
  missingNetworkPolicy,
  networkPolicyAllowAll,
  networkPolicySelectsNothing,
  serviceSelectorMatchesNothing,
] as readonly AnyRule[];
