import { asString } from '../../values';
import { contextObject, podAndContainers, quote, type PssCheck, type PssViolation } from '../check';

const TYPES_1_0 = ['', 'container_t', 'container_init_t', 'container_kvm_t'];
const TYPES_1_31 = [...TYPES_1_0, 'container_engine_t'];

function evaluateWith(allowedTypes: readonly string[]) {
  return (pod: Parameters<typeof podAndContainers>[0]): PssViolation[] =>
    podAndContainers(pod).flatMap((setter) => {
      const options = contextObject(setter.securityContext, 'seLinuxOptions');
      if (!options) return [];
      const violations: PssViolation[] = [];
      const type = asString(options.type) ?? '';
      if (!allowedTypes.includes(type)) {
        violations.push({ path: setter.path('seLinuxOptions', 'type'), detail: `${setter.who} set forbidden securityContext.seLinuxOptions: type ${quote(type)}` });
      }
      for (const field of ['user', 'role']) {
        if ((asString(options[field]) ?? '') === '') continue;
        violations.push({ path: setter.path('seLinuxOptions', field), detail: `${setter.who} set forbidden securityContext.seLinuxOptions: ${field} may not be set` });
      }
      return violations;
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
