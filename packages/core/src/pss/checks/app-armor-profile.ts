import { asString } from '../../values';
import { contextObject, isSet, podAndContainers, quote, type PssCheck, type PssViolation } from '../check';

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const ALLOWED_TYPES = new Set(['RuntimeDefault', 'Localhost']);

function allowedAnnotationValue(value: string): boolean {
  return value === '' || value === 'runtime/default' || value.startsWith('localhost/');
}

export const appArmorProfile: PssCheck = {
  id: 'appArmorProfile',
  level: 'baseline',
  reason: 'forbidden AppArmor profile',
  title: 'AppArmor profile overridden or disabled',
  help: 'The default AppArmor profile must not be overridden or disabled: `securityContext.appArmorProfile.type` (pod or container) must be `RuntimeDefault` or `Localhost`, and annotations `container.apparmor.security.beta.kubernetes.io/*` must be empty, `runtime/default` or `localhost/*`.',
  versions: [
    {
      minVersion: 0,
      evaluate: (pod) => {
        const violations: PssViolation[] = [];
        for (const setter of podAndContainers(pod)) {
          const profile = contextObject(setter.securityContext, 'appArmorProfile');
          if (!profile) continue;
          const type = asString(profile.type) ?? '';
          if (ALLOWED_TYPES.has(type)) continue;
          violations.push({ path: setter.path('appArmorProfile', 'type'), detail: `${setter.who} must not set AppArmor profile type to ${quote(type)}` });
        }
        for (const [key, value] of Object.entries(pod.annotations).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
          if (!key.startsWith(ANNOTATION_PREFIX) || !isSet(value)) continue;
          const text = asString(value) ?? String(value);
          if (allowedAnnotationValue(text)) continue;
          violations.push({ path: [...pod.metadataPath, 'annotations', key], detail: `annotation must not set AppArmor profile type to ${quote(`${key}="${text}"`)}` });
        }
        return violations;
      },
    },
  ],
};
