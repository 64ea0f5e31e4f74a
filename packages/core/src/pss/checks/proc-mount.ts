import type { PodTemplate } from '../../model/pod';
import { asString } from '../../values';
import { containerLabel, inUserNamespace, isSet, quote, securityContextPath, type PssCheck, type PssViolation } from '../check';

/** Any container procMount other than `Default` unmasks /proc. */
export function unmaskedProcMounts(pod: PodTemplate): PssViolation[] {
  return pod.containers.flatMap((container): PssViolation[] => {
    const value = container.securityContext.procMount;
    if (!isSet(value) || value === 'Default') return [];
    const text = asString(value) ?? String(value);
    return [{ path: securityContextPath(container, 'procMount'), detail: `${containerLabel(container)} must not set securityContext.procMount to ${quote(text)}` }];
  });
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
