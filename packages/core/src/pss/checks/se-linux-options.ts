import type { PodTemplate } from '../../model/pod';
import { forbiddenSeLinuxOptions } from '../../model/pod-security-conditions';
import { containerLabel, quote, type PssCheck, type PssViolation } from '../check';

const TYPES_1_0 = ['', 'container_t', 'container_init_t', 'container_kvm_t'];
const TYPES_1_31 = [...TYPES_1_0, 'container_engine_t'];

/** The SELinux types the newest policy version (`latest`) allows; `""` is unset. */
export const LATEST_SE_LINUX_TYPES: readonly string[] = TYPES_1_31;

function evaluateWith(allowedTypes: readonly string[]) {
  return (pod: PodTemplate): PssViolation[] =>
    forbiddenSeLinuxOptions(pod, allowedTypes).map(({ container, field, value, path }) => {
      const who = container ? containerLabel(container) : 'pod';
      const what = field === 'type' ? `type ${quote(value)}` : `${field} may not be set`;
      return { path, detail: `${who} set forbidden securityContext.seLinuxOptions: ${what}` };
    });
}

export const seLinuxOptions: PssCheck = {
  id: 'seLinuxOptions',
  level: 'baseline',
  reason: 'seLinuxOptions',
  title: 'SELinux options',
  help: 'Setting the SELinux type is restricted, and a custom SELinux user or role is forbidden: `seLinuxOptions.type` (pod or container) must be empty, `container_t`, `container_init_t` or `container_kvm_t` (from v1.31 also `container_engine_t`); `seLinuxOptions.user` and `role` must be empty.',
  versions: [
    { minVersion: 0, evaluate: evaluateWith(TYPES_1_0) },
    { minVersion: 31, evaluate: evaluateWith(TYPES_1_31) },
  ],
};
