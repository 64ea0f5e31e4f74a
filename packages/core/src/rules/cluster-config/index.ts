import type { AnyRule } from '../rule';
import { apiserverAdmissionAlwaysAdmit } from './apiserver-admission-always-admit';
import { apiserverAdmissionNodeRestrictionOff } from './apiserver-node-restriction-off';
import { apiserverAnonymousAuth } from './apiserver-anonymous-auth';
import { apiserverAuditLogMissing } from './apiserver-audit-log-missing';
import { apiserverAuditLogRetention } from './apiserver-audit-log-retention';
import { apiserverAuthorizationAlwaysAllow } from './apiserver-authorization-always-allow';
import { apiserverAuthorizationNodeRbacMissing } from './apiserver-node-rbac-missing';
import { apiserverEncryptionConfigMissing } from './apiserver-encryption-config-missing';
import { apiserverKubeletTlsUnverified } from './apiserver-kubelet-tls-unverified';
import { apiserverTokenAuthFile } from './apiserver-token-auth-file';
import { auditCatchAllNoneFirst } from './audit-catch-all-none-first';
import { auditPolicyNoLogging } from './audit-policy-no-logging';
import { auditSecretsRequestBody } from './audit-secrets-request-body';
import { bindAddressAllInterfaces } from './bind-address-all-interfaces';
import { controlPlaneDuplicateFlag } from './control-plane-duplicate-flag';
import { encryptionKeyInvalid } from './encryption-key-invalid';
import { encryptionSecretsNotEncrypted } from './encryption-secrets-not-encrypted';
import { encryptionWeakProvider } from './encryption-weak-provider';
import { etcdAutoTls } from './etcd-auto-tls';
import { etcdClientCertAuthOff } from './etcd-client-cert-auth-off';
import { insecurePort } from './insecure-port';
import { kubeletAnonymousAuth } from './kubelet-anonymous-auth';
import { kubeletAuthorizationAlwaysAllow } from './kubelet-authorization-always-allow';
import { kubeletIptablesUtilChainsOff } from './kubelet-iptables-util-chains-off';
import { kubeletProtectKernelDefaultsOff } from './kubelet-protect-kernel-defaults-off';
import { kubeletReadOnlyPort } from './kubelet-read-only-port';
import { kubeletRotateCertificatesOff } from './kubelet-rotate-certificates-off';
import { kubeletUnsafeSysctls } from './kubelet-unsafe-sysctls';
import { profilingEnabled } from './profiling-enabled';
import { tlsCertMissing } from './tls-cert-missing';
import { tlsMinVersionBelow12 } from './tls-min-version-below-1-2';
import { tlsWeakCipherSuites } from './tls-weak-cipher-suites';

/** The rules of this group, in any order (the registry sorts them). */
export const CLUSTER_CONFIG_RULES: readonly AnyRule[] = [
  apiserverAnonymousAuth,
  apiserverAuthorizationAlwaysAllow,
  apiserverAuthorizationNodeRbacMissing,
  apiserverTokenAuthFile,
  apiserverKubeletTlsUnverified,
  apiserverAuditLogMissing,
  apiserverAuditLogRetention,
  apiserverEncryptionConfigMissing,
  apiserverAdmissionAlwaysAdmit,
  apiserverAdmissionNodeRestrictionOff,
  profilingEnabled,
  insecurePort,
  bindAddressAllInterfaces,
  tlsCertMissing,
  tlsWeakCipherSuites,
  tlsMinVersionBelow12,
  etcdClientCertAuthOff,
  etcdAutoTls,
  kubeletAnonymousAuth,
  kubeletAuthorizationAlwaysAllow,
  kubeletReadOnlyPort,
  kubeletProtectKernelDefaultsOff,
  kubeletIptablesUtilChainsOff,
  kubeletRotateCertificatesOff,
  kubeletUnsafeSysctls,
  controlPlaneDuplicateFlag,
  encryptionSecretsNotEncrypted,
  encryptionWeakProvider,
  encryptionKeyInvalid,
  auditPolicyNoLogging,
  auditSecretsRequestBody,
  auditCatchAllNoneFirst,
];
