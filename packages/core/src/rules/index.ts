import { capabilitiesNotDropped } from './capabilities-not-dropped';
import { dangerousCapabilities } from './dangerous-capabilities';
import { hostNamespaces } from './host-namespaces';
import { hostPathVolume } from './host-path-volume';
import { imageLatestTag } from './image-latest-tag';
import { imageNotPinnedByDigest } from './image-not-pinned-by-digest';
import { missingNetworkPolicy } from './missing-network-policy';
import { missingResourceLimits } from './missing-resource-limits';
import { missingResourceRequests } from './missing-resource-requests';
import { privilegeEscalationAllowed } from './privilege-escalation-allowed';
import { privilegedContainer } from './privileged-container';
import { GITOPS_RULES } from './gitops';
import { MESH_RULES } from './mesh';
import { SCHEMA_RULES } from './schema';
import { NETWORK_RULES } from './network';
import { PSS_RULES } from './pss';
import { RBAC_RULES } from './rbac';
import { WORKLOAD_RULES } from './workload';
import type { AnyRule } from './rule';
import { runAsRoot } from './run-as-root';
import { writableRootFilesystem } from './writable-root-filesystem';
import { fileUnreadable } from './file-unreadable';
import { renderError } from './render-error';
import { symlinkNotFollowed } from './symlink-not-followed';
import { yamlSyntax } from './yaml-syntax';

/** Every built-in rule, sorted by id (the Pod Security Standards checks, `pss/...`, among them). */
export const BUILTIN_RULES: readonly AnyRule[] = [
  capabilitiesNotDropped,
  dangerousCapabilities,
  hostNamespaces,
  hostPathVolume,
  imageLatestTag,
  imageNotPinnedByDigest,
  missingNetworkPolicy,
  missingResourceLimits,
  missingResourceRequests,
  privilegeEscalationAllowed,
  privilegedContainer,
  runAsRoot,
  writableRootFilesystem,
  yamlSyntax,
  renderError,
  fileUnreadable,
  symlinkNotFollowed,
  ...PSS_RULES,
  ...RBAC_RULES,
  ...NETWORK_RULES,
  ...WORKLOAD_RULES,
  ...GITOPS_RULES,
  ...MESH_RULES,
  ...SCHEMA_RULES,
].sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));

export { FILE_UNREADABLE_RULE_ID, SYMLINK_NOT_FOLLOWED_RULE_ID, YAML_SYNTAX_RULE_ID } from './loader-rule-ids';
