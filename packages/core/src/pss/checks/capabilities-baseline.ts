import { asArray, asString } from '../../values';
import { containerLabel, contextObject, quote, securityContextPath, type PssCheck, type PssViolation } from '../check';

/** The container runtime's default set: adding these does not widen privileges (exact, case-sensitive). */
const ALLOWED = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE',
  'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

export const capabilitiesBaseline: PssCheck = {
  id: 'capabilities_baseline',
  level: 'baseline',
  reason: 'non-default capabilities',
  title: 'Capabilities beyond the default set',
  help: `Adding \`NET_RAW\` or capabilities beyond the runtime's default set must be disallowed. Allowed in \`securityContext.capabilities.add\`: ${[...ALLOWED].map((c) => `\`${c}\``).join(', ')} (exact, upper case, without \`CAP_\`).`,
  versions: [
    {
      minVersion: 0,
      evaluate: (pod) =>
        pod.containers.flatMap((container) =>
          asArray(contextObject(container.securityContext, 'capabilities')?.add).flatMap((entry, index): PssViolation[] => {
            const capability = asString(entry) ?? '';
            if (ALLOWED.has(capability)) return [];
            return [{
              path: securityContextPath(container, 'capabilities', 'add', index),
              detail: `${containerLabel(container)} must not include ${quote(capability)} in securityContext.capabilities.add`,
            }];
          }),
        ),
    },
  ],
};
