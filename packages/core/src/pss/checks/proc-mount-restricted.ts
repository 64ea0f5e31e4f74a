import type { PssCheck } from '../check';
import { unmaskedProcMounts } from './proc-mount';

export const procMountRestricted: PssCheck = {
  id: 'procMount_restricted',
  level: 'restricted',
  reason: 'procMount',
  title: 'Unmasked /proc (restricted)',
  help: 'At restricted level `securityContext.procMount` must be unset or `Default` on every container, even in a user namespace (`spec.hostUsers: false`). From v1.35 this check replaces the baseline `procMount` check at restricted level.',
  versions: [{ minVersion: 35, evaluate: unmaskedProcMounts, overrides: ['procMount'] }],
};
