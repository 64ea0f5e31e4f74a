import { ADMISSION_POLICY_RULES } from './admission-policies';
import { CLUSTER_CONFIG_RULES } from './cluster-config';
import { EXPOSURE_RULES } from './exposure';
import { GITOPS_RULES } from './gitops';
import { IMAGE_RULES } from './images';
import { NETWORK_RULES } from './network';
import { POD_SECURITY_RULES } from './pod-security';
import { PSS_RULES } from './pod-security-standards';
import { RBAC_RULES } from './rbac';
import { RESOURCE_RULES } from './resources';
import type { AnyRule } from './rule';
import { SCHEMA_RULES } from './schema';
import { SECRET_RULES } from './secrets';
import { SERVICE_ACCOUNT_RULES } from './service-accounts';
import { MESH_RULES } from './service-mesh';
import { SUPPLY_CHAIN_RULES } from './supply-chain';
import { SYNTAX_RULES } from './syntax';

/**
 * Every built-in rule, sorted by id (the Pod Security Standards checks, `pss/...`, among them).
 * Each folder `rules/<category>/` holds exactly the rules of that `meta.category`
 * (packages/core/test/rules/layout.test.ts checks it).
 */
export const BUILTIN_RULES: readonly AnyRule[] = [
  ...ADMISSION_POLICY_RULES,
  ...CLUSTER_CONFIG_RULES,
  ...EXPOSURE_RULES,
  ...GITOPS_RULES,
  ...IMAGE_RULES,
  ...NETWORK_RULES,
  ...POD_SECURITY_RULES,
  ...PSS_RULES,
  ...RBAC_RULES,
  ...RESOURCE_RULES,
  ...SCHEMA_RULES,
  ...SECRET_RULES,
  ...SERVICE_ACCOUNT_RULES,
  ...MESH_RULES,
  ...SUPPLY_CHAIN_RULES,
  ...SYNTAX_RULES,
].sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));

export { FILE_UNREADABLE_RULE_ID, SYMLINK_NOT_FOLLOWED_RULE_ID, YAML_SYNTAX_RULE_ID } from './loader-rule-ids';
