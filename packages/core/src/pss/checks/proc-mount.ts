import type { PodTemplate } from '../../model/pod';
import { unmaskedProcMounts as unmaskedProcMountsOf } from '../../model/pod-security-conditions';
import { asString } from '../../values';
import { containerLabel, inUserNamespace, quote, type PssCheck, type PssViolation } from '../check';

/** Any container procMount other than `Default` unmasks /proc. */
export function unmaskedProcMounts(pod: PodTemplate): PssViolation[] {
  return unmaskedProcMountsOf(pod).map(({ container, procMount, path }) => ({
    path,
    detail: `${containerLabel(container)} must not set securityContext.procMount to ${quote(asString(procMount) ?? String(procMount))}`,
  }));
}

export const procMount: PssCheck = {
  id: 'procMount',
  level: 'baseline',
  reason: 'procMount',
  title: 'Unmasked /proc',
  help: 'The default /proc masks reduce the attack surface: `securityContext.procMount` must be unset or `Default`. From v1.35 any value is allowed for pods in a user namespace (`spec.hostUsers: false`).',
  versions: [
    { minVersion: 0, evaluate: unmaskedProcMounts },
    { minVersion: 35, evaluate: (pod) => (inUserNamespace(pod) ? [] : unmaskedProcMounts(pod)) },
  ],
};
