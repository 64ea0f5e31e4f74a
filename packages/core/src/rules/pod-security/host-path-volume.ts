import path from 'node:path';
import { hostPathVolumes } from '../../model/pod-security-conditions';
import { rejectedAtAdmission } from '../../pss/admission';
import { asRecord, asString } from '../../values';
import { REF } from '../references';
import type { Rule } from '../rule';

export interface HostPathOptions {
  /** Host paths (and everything below them) that this repository accepts. */
  allowedPaths: string[];
}

function isAllowed(hostPath: string, allowed: readonly string[]): boolean {
  // Normalized first, so that `/var/log/../../etc` is not taken for something below /var/log.
  const normalized = path.posix.normalize(hostPath).replace(/\/+$/, '') || '/';
  return allowed.some((entry) => {
    const prefix = path.posix.normalize(entry).replace(/\/+$/, '');
    return normalized === (prefix || '/') || normalized.startsWith(`${prefix}/`);
  });
}

export const hostPathVolume: Rule<HostPathOptions> = {
  meta: {
    id: 'host-path-volume',
    title: 'hostPath volume',
    description: 'A pod mounts a directory or file of the node through a `hostPath` volume.',
    severity: 'error',
    category: 'pod-security',
    tags: ['pss-baseline', 'cis', 'nsa'],
    help: `A \`hostPath\` volume gives the pod the node's filesystem. Mounting \`/\`, \`/etc\`,
\`/var/lib/kubelet\` or the container runtime socket (\`/var/run/docker.sock\`,
\`/run/containerd/containerd.sock\`) is a direct path to root on the node; even read-only mounts
leak credentials and other tenants' data.

**Fix:** use an \`emptyDir\`, a \`configMap\`/\`secret\` or a PersistentVolumeClaim instead:

\`\`\`yaml
volumes:
  - name: cache
    emptyDir: {}
\`\`\`

Node agents (log shippers, CSI drivers) that truly need a host directory can be allowed
explicitly:

\`\`\`yaml
# .k8s-lint.yaml
rules:
  host-path-volume:
    options:
      allowedPaths: ["/var/log"]
\`\`\``,
    references: [REF.cis('5.2.12', 'Minimize the admission of HostPath volumes'), REF.pssBaseline, REF.nsaHardening],
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: { allowedPaths: { type: 'array', items: { type: 'string', pattern: '^/' }, uniqueItems: true } },
    },
  },
  defaultOptions: { allowedPaths: [] },
  check(context) {
    for (const pod of context.podTemplates) {
      for (const volume of hostPathVolumes(pod)) {
        const hostPath = asRecord(volume.hostPath);
        if (!hostPath) continue;
        const mounted = asString(hostPath.path) ?? '';
        if (isAllowed(mounted, context.options.allowedPaths)) continue;
        if (rejectedAtAdmission(context, pod, hostPathVolume.meta.id, volume.path)) continue;
        context.report(pod.resource, volume.path, `volume "${volume.name ?? `volumes[${volume.index}]`}" mounts host path "${mounted}"`);
      }
    }
  },
};
