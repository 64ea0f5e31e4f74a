import type { AnyRule } from '../rule';
import { appArmorProfileMissing } from './apparmor-profile-missing';
import { capabilitiesNotDropped } from './capabilities-not-dropped';
import { dangerousCapabilities } from './dangerous-capabilities';
import { hostNamespaces } from './host-namespaces';
import { hostPathVolume } from './host-path-volume';
import { namespaceWithoutEnforce } from './namespace-without-enforce';
import { privilegeEscalationAllowed } from './privilege-escalation-allowed';
import { privilegedContainer } from './privileged-container';
import { probeOrLifecycleHost } from './probe-or-lifecycle-host';
import { runAsRoot } from './run-as-root';
import { runAsRootGroup } from './run-as-root-group';
import { seccompProfileMissing } from './seccomp-profile-missing';
import { unmaskedProcMount } from './unmasked-proc-mount';
import { unsafeSelinuxOptions } from './unsafe-selinux-options';
import { unsafeSysctls } from './unsafe-sysctls';
import { windowsHostProcess } from './windows-host-process';
import { writableHostPathMount } from './writable-host-path-mount';
import { writableRootFilesystem } from './writable-root-filesystem';

/** The rules of category `pod-security` (the registry sorts them). */
export const POD_SECURITY_RULES: readonly AnyRule[] = [
  appArmorProfileMissing,
  capabilitiesNotDropped,
  dangerousCapabilities,
  hostNamespaces,
  hostPathVolume,
  namespaceWithoutEnforce,
  privilegeEscalationAllowed,
  privilegedContainer,
  probeOrLifecycleHost,
  runAsRoot,
  runAsRootGroup,
  seccompProfileMissing,
  unmaskedProcMount,
  unsafeSelinuxOptions,
  unsafeSysctls,
  windowsHostProcess,
  writableHostPathMount,
  writableRootFilesystem,
] as readonly AnyRule[];
