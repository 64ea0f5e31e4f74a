import { hostPathVolumes } from '../../model/pod-security-conditions';
import { asArray, asRecord, asString } from '../../values';
import { REF } from '../references';
import type { Rule } from '../rule';
import { describeContainer } from '../visit';

/** Well-known sockets whose names do not say so: syslog, journald, D-Bus. */
const KNOWN_SOCKETS: ReadonlySet<string> = new Set(['/dev/log', '/run/systemd/journal/socket', '/var/run/dbus/system_bus_socket', '/run/dbus/system_bus_socket']);

function isSocket(hostPath: Record<string, unknown>, mounted: string): boolean {
  return hostPath.type === 'Socket' || mounted.endsWith('.sock') || KNOWN_SOCKETS.has(mounted);
}

export const writableHostPathMount: Rule = {
  meta: {
    id: 'writable-host-path-mount',
    title: 'hostPath volume mounted writable',
    description: 'A container mounts a `hostPath` volume without `readOnly: true`.',
    severity: 'warning',
    category: 'pod-security',
    tags: ['nsa', 'least-privilege'],
    help: `A writable \`hostPath\` mount lets the container change the node's files: drop a binary or a
cron job the node will run, rewrite the kubelet's or the runtime's configuration, or fill the
node's disk. Log shippers and most agents only read what they mount. A warning, since
\`host-path-volume\` already reports the volume itself; this rule adds that it is writable, which
is rarely needed.

Each \`volumeMounts\` entry of a \`hostPath\` volume is checked, in init, regular and ephemeral
containers. It is reported at \`readOnly\` when that is written (\`false\`), otherwise at the entry.
Sockets (\`type: Socket\`, a path ending in \`.sock\`, and \`/dev/log\`, journald's and D-Bus's
sockets) are left out: a read-only mount does not
stop a client from connecting to a socket, so \`readOnly\` would not fix anything
(\`host-path-volume\` reports the runtime sockets as errors).

**Fix:** mount it read-only:

\`\`\`yaml
volumeMounts:
  - name: varlog
    mountPath: /var/log
    readOnly: true
\`\`\``,
    references: [REF.cis('5.2.12', 'Minimize the admission of HostPath volumes'), REF.nsaHardening],
  },
  defaultOptions: {},
  check(context) {
    for (const pod of context.podTemplates) {
      const hostPaths = new Map<string, string>();
      for (const volume of hostPathVolumes(pod)) {
        const hostPath = asRecord(volume.hostPath);
        const mounted = asString(hostPath?.path) ?? '';
        if (volume.name === undefined || !hostPath || isSocket(hostPath, mounted)) continue;
        hostPaths.set(volume.name, mounted);
      }
      if (hostPaths.size === 0) continue;
      for (const container of pod.containers) {
        asArray(container.spec.volumeMounts).forEach((entry, index) => {
          const mount = asRecord(entry);
          const name = asString(mount?.name);
          if (!mount || name === undefined || mount.readOnly === true) return;
          const hostPath = hostPaths.get(name);
          if (hostPath === undefined) return;
          const path = [...container.path, 'volumeMounts', index, ...(mount.readOnly === undefined ? [] : ['readOnly'])];
          context.report(pod.resource, path, `${describeContainer(container)} mounts host path "${hostPath}" (volume "${name}") writable`);
        });
      }
    }
  },
};
