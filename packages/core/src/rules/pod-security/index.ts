import type { AnyRule } from '../rule';
import { appArmorProfileMissing } from './apparmor-profile-missing';
import { capabilitiesNotDropped } from './capabilities-not-dropped';
import { dangerousCapabilities } from './dangerous-capabilities';
import { hostNamespaces } from './host-namespaces';
import { hostPathVolume } from './host-path-volume';
import { privilegeEscalationAllowed } from './privilege-escalation-allowed';
import { privilegedContainer } from './privileged-container';
import { runAsRoot } from './run-as-root';
import { seccompProfileMissing } from './seccomp-profile-missing';
import { writableRootFilesystem } from './writable-root-filesystem';

/** The rules of category `pod-security` (the registry sorts them). */
export const POD_SECURITY_RULES: readonly AnyRule[] = [
  appArmorProfileMissing,
  capabilitiesNotDropped,
  dangerousCapabilities,
  hostNamespaces,
  hostPathVolume,
  privilegeEscalationAllowed,
  privilegedContainer,
  runAsRoot,
  seccompProfileMissing,
  writableRootFilesystem,
] as readonly AnyRule[];
