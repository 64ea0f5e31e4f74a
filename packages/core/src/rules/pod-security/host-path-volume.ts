import path from 'node:path';
import { hostPathVolumes } from '../../model/pod-security-conditions';
import { describeSensitiveHostPath, sensitiveHostPath } from '../../model/sensitive-host-paths';
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
    description: 'A pod mounts a directory or file of the node through a `hostPath` volume; an error when the path gives control of the node.',
    severity: 'warning',
    category: 'pod-security',
    tags: ['pss-baseline', 'cis', 'nsa'],
    // Code scanning ranks the rule by its worst findings, the sensitive paths.
    securitySeverity: 8.0,
    help: `A \`hostPath\` volume gives the pod the node's filesystem, outside of any storage
isolation; a writable one lets it plant files the node will run (see \`writable-host-path-mount\`).
Every \`hostPath\` volume is reported, at the rule's severity (a warning by default).

Some paths are a direct path to root on the node: they are reported as **errors** whatever
severity the configuration gives the rule (unless it is \`off\` or the path is in
\`allowedPaths\`), with what they expose named in the message:

- the container runtime sockets, which start privileged containers on request: Docker
  (\`/var/run/docker.sock\`), containerd (\`/run/containerd/containerd.sock\`, k3s's
  \`/run/k3s/containerd/containerd.sock\`), CRI-O (\`/run/crio/crio.sock\`), and any file named
  \`docker.sock\`, \`containerd.sock\`, \`crio.sock\`, \`cri-dockerd.sock\` or \`dockershim.sock\`
  wherever it is (rootless Docker, microk8s);
- \`/\`, and \`/etc\`, \`/proc\`, \`/sys\`, \`/var/lib/kubelet\` and \`/root\` with everything below
  them: even read-only, they leak the kubelet's credentials, other pods' Secrets and the
  environment of every host process;
- a directory that contains one of these (\`/var/run\`, \`/var\`).

\`/var/run\` is read as \`/run\`, and \`..\` is resolved. Public files that agents commonly read
below \`/etc\` (\`/etc/localtime\`, \`/etc/timezone\`, \`/etc/machine-id\`, \`/etc/os-release\` and
the CA bundles \`/etc/ssl/certs\`, \`/etc/pki/tls/certs\`, \`/etc/pki/ca-trust/extracted\`,
\`/etc/ca-certificates\`) stay warnings.

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
        const sensitive = sensitiveHostPath(mounted);
        const message = `volume "${volume.name ?? `volumes[${volume.index}]`}" mounts host path "${mounted}"`;
        if (sensitive) context.report(pod.resource, volume.path, `${message}${describeSensitiveHostPath(sensitive)}`, 'error');
        else context.report(pod.resource, volume.path, message);
      }
    }
  },
};
