import type { AnyRule } from '../rule';
import { imagePullPolicyMutableTag } from './image-pull-policy-mutable-tag';
import { untrustedRegistry } from './untrusted-registry';

/** The rules of category `supply-chain` (the registry sorts them). */
export const SUPPLY_CHAIN_RULES: readonly AnyRule[] = [
  imagePullPolicyMutableTag,
  untrustedRegistry,
] as readonly AnyRule[];
