import type { PodTemplate } from '../../model/pod';
import { asArray, asString } from '../../values';
import { containerLabel, contextObject, quote, securityContextPath, type PssCheck, type PssViolation } from '../check';

function evaluate1_22(pod: PodTemplate): PssViolation[] {
  const missingDropAll: PssViolation[] = [];
  const forbiddenAdds: PssViolation[] = [];
  for (const container of pod.containers) {
    const capabilities = contextObject(container.securityContext, 'capabilities');
    if (!asArray(capabilities?.drop).includes('ALL')) {
      missingDropAll.push({
        path: securityContextPath(container, 'capabilities', 'drop'),
        detail: `${containerLabel(container)} must set securityContext.capabilities.drop=["ALL"]`,
      });
    }
    asArray(capabilities?.add).forEach((entry, index) => {
      const capability = asString(entry) ?? '';
      if (capability === 'NET_BIND_SERVICE') return;
      forbiddenAdds.push({
        path: securityContextPath(container, 'capabilities', 'add', index),
        detail: `${containerLabel(container)} must not include ${quote(capability)} in securityContext.capabilities.add`,
      });
    });
  }
  return [...missingDropAll, ...forbiddenAdds];
}

export const capabilitiesRestricted: PssCheck = {
  id: 'capabilities_restricted',
  level: 'restricted',
  reason: 'unrestricted capabilities',
  title: 'Capabilities not dropped',
  help: 'Containers must drop `ALL` capabilities (`securityContext.capabilities.drop: ["ALL"]`, exact and upper case) and may add back only `NET_BIND_SERVICE`. The check exists from v1.22 and replaces the baseline `capabilities_baseline` check at restricted level; from v1.25 Windows pods (`spec.os.name: windows`) are exempt.',
  versions: [
    { minVersion: 22, evaluate: evaluate1_22, overrides: ['capabilities_baseline'] },
    { minVersion: 25, evaluate: (pod) => (pod.isWindows ? [] : evaluate1_22(pod)), overrides: ['capabilities_baseline'] },
  ],
};
