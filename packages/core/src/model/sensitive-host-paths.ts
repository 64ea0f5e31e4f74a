import path from 'node:path';

/** A host path whose mount gives control of the node or its secrets. */
interface SensitiveTarget {
  path: string;
  /** How messages name it: `the Docker socket`. */
  label: string;
  /** Directories are sensitive with everything below them; sockets and `/` only as themselves. */
  directory: boolean;
}

/** Container runtime sockets, by file name: wherever they live (rootless Docker, microk8s, k3s), they start containers on request. */
const RUNTIME_SOCKETS: ReadonlyMap<string, string> = new Map([
  ['docker.sock', 'the Docker socket'],
  ['containerd.sock', 'the containerd socket'],
  ['crio.sock', 'the CRI-O socket'],
  ['cri-dockerd.sock', 'the cri-dockerd socket'],
  ['dockershim.sock', 'the dockershim socket'],
]);

// Written under /run: /var/run is a symlink to it on every current distribution. The sockets'
// usual places are listed so that a directory holding one (`/var/run`) is recognised.
const TARGETS: readonly SensitiveTarget[] = [
  { path: '/', label: "the node's root filesystem", directory: false },
  { path: '/run/docker.sock', label: 'the Docker socket', directory: false },
  { path: '/run/containerd/containerd.sock', label: 'the containerd socket', directory: false },
  { path: '/run/k3s/containerd/containerd.sock', label: 'the containerd socket', directory: false },
  { path: '/run/crio/crio.sock', label: 'the CRI-O socket', directory: false },
  { path: '/etc', label: "the node's configuration", directory: true },
  { path: '/proc', label: "the host's processes and kernel settings", directory: true },
  { path: '/sys', label: "the host's kernel and devices", directory: true },
  { path: '/var/lib/kubelet', label: "the kubelet's credentials and every pod's volumes", directory: true },
  { path: '/root', label: "root's home directory", directory: true },
];

/**
 * Public files below /etc that node agents commonly mount (time zone, machine ID, CA bundles): not
 * sensitive, so that a clock or a trust store does not read as an error.
 */
const PUBLIC_UNDER_ETC: readonly string[] = ['/etc/localtime', '/etc/timezone', '/etc/machine-id', '/etc/os-release', '/etc/ssl/certs', '/etc/pki/tls/certs', '/etc/pki/ca-trust/extracted', '/etc/ca-certificates'];

function isAtOrBelow(mounted: string, base: string): boolean {
  return mounted === base || mounted.startsWith(`${base}/`);
}

export type SensitiveRelation = 'is' | 'inside' | 'contains';

export interface SensitiveHostPath {
  relation: SensitiveRelation;
  label: string;
  /** The sensitive directory, when it is one (`/etc`). */
  directory?: string;
}

/** The path as the node resolves it: normalized (`..` too), no trailing slash, `/var/run` read as `/run`. */
export function canonicalHostPath(hostPath: string): string {
  const normalized = path.posix.normalize(hostPath).replace(/\/+$/, '') || '/';
  if (normalized === '/var/run') return '/run';
  return normalized.startsWith('/var/run/') ? normalized.slice('/var'.length) : normalized;
}

/**
 * Whether mounting `hostPath` exposes one of the sensitive targets: the target itself, a path
 * inside a sensitive directory, or a directory that contains a target (`/var/run` holds the
 * runtime sockets). The first target in the list above wins.
 */
export function sensitiveHostPath(hostPath: string): SensitiveHostPath | undefined {
  if (!hostPath.startsWith('/')) return undefined;
  const mounted = canonicalHostPath(hostPath);
  if (PUBLIC_UNDER_ETC.some((base) => isAtOrBelow(mounted, base))) return undefined;
  const socket = RUNTIME_SOCKETS.get(path.posix.basename(mounted));
  if (socket) return { relation: 'is', label: socket };
  for (const target of TARGETS) {
    const directory = target.directory ? { directory: target.path } : {};
    if (mounted === target.path) return { relation: 'is', label: target.label, ...directory };
    if (target.directory && mounted.startsWith(`${target.path}/`)) return { relation: 'inside', label: target.label, ...directory };
    if (mounted !== '/' && target.path.startsWith(`${mounted}/`)) return { relation: 'contains', label: target.label, ...directory };
  }
  return undefined;
}

/** `, the Docker socket`, `, inside /etc: the node's configuration`, `, which contains the Docker socket`: for messages. */
export function describeSensitiveHostPath(found: SensitiveHostPath): string {
  const named = found.directory ? `${found.directory}: ${found.label}` : found.label;
  if (found.relation === 'inside') return `, inside ${named}`;
  return found.relation === 'contains' ? `, which contains ${named}` : `, ${found.label}`;
}
