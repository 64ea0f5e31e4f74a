import path from 'node:path';
import type { FieldPath } from '../types';
import { asArray, asRecord, asString } from '../values';

/** A setting in chart values that charts pass through to pods, and how bad it is. */
export interface InsecureSetting {
  /** Path inside the values. */
  path: FieldPath;
  /** The value as written, for messages: `true`, `"/run/containerd/containerd.sock"`. */
  shown: string;
  why: string;
  severity: 'error' | 'warning';
}

const TRUE_SETTINGS: ReadonlyMap<string, Omit<InsecureSetting, 'path' | 'shown'>> = new Map([
  ['privileged', { why: 'a privileged container is root on the node', severity: 'error' }],
  ['hostNetwork', { why: "the pod shares the node's network namespace", severity: 'error' }],
  ['hostPID', { why: 'the pod sees and signals every process of the node', severity: 'error' }],
  ['hostIPC', { why: "the pod shares the node's IPC namespace", severity: 'error' }],
  ['allowPrivilegeEscalation', { why: 'setuid binaries can gain privileges', severity: 'warning' }],
]);

// Container runtime sockets by file name, wherever they live (rootless Docker, k3s), also as `unix://` addresses.
const RUNTIME_SOCKET = /^(?:unix:\/\/)?\/(?:.*\/)?(docker|containerd|crio|cri-dockerd|dockershim)\.sock$/;

/**
 * The insecure settings anywhere in a values tree, by key whatever the section is called: charts
 * name their sections freely but pass these keys to pods as they are. Sections with
 * `enabled: false` are skipped; what the chart really does with a key is not known.
 */
export function insecureChartSettings(values: unknown, dangerousCapabilities: readonly string[]): InsecureSetting[] {
  const found: InsecureSetting[] = [];
  walk(values, [], { found, dangerousCapabilities });
  return found;
}

interface Walk {
  found: InsecureSetting[];
  /** The dangerous-capabilities rule's list, upper case without `CAP_`. */
  dangerousCapabilities: readonly string[];
}

function walk(value: unknown, at: FieldPath, state: Walk): void {
  const { found } = state;
  if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, [...at, index], state));
    return;
  }
  const record = asRecord(value);
  if (!record) {
    const socket = socketNamed(value);
    if (socket) found.push({ path: at, shown: JSON.stringify(value), why: socketWhy(socket), severity: 'error' });
    return;
  }
  if (record.enabled === false) return;
  for (const [key, child] of Object.entries(record)) {
    const here = [...at, key];
    const setting = TRUE_SETTINGS.get(key);
    if (setting && child === true) found.push({ path: here, shown: 'true', ...setting });
    else if (key === 'runAsUser' && child === 0) found.push({ path: here, shown: '0', why: 'the container runs as root', severity: 'warning' });
    else if (key === 'capabilities' && asRecord(child)) found.push(...addedCapabilities(asRecord(child) ?? {}, here, state.dangerousCapabilities));
    else if (key === 'hostPath') found.push(...hostPathSetting(child, here));
    else walk(child, here, state);
  }
}

function addedCapabilities(capabilities: Record<string, unknown>, at: FieldPath, dangerous: readonly string[]): InsecureSetting[] {
  return asArray(capabilities.add).flatMap((entry, index) => {
    const capability = asString(entry);
    // The runtime accepts `CAP_SYS_ADMIN` and `sys_admin` alike.
    if (capability === undefined || !dangerous.includes(capability.toUpperCase().replace(/^CAP_/, ''))) return [];
    return [{ path: [...at, 'add', index], shown: JSON.stringify(capability), why: 'a dangerous capability', severity: 'warning' as const }];
  });
}

/** `hostPath: /x` (as charts often take it) or `hostPath: { path: /x }` (as pods do). */
function hostPathSetting(value: unknown, at: FieldPath): InsecureSetting[] {
  const asPath = asString(value);
  const mounted = asPath ?? asString(asRecord(value)?.path);
  if (mounted === undefined) return [];
  const where = asPath === undefined ? [...at, 'path'] : at;
  const shown = JSON.stringify(mounted);
  const socket = socketNamed(mounted);
  if (socket) return [{ path: where, shown, why: socketWhy(socket), severity: 'error' }];
  const normalized = path.posix.normalize(mounted).replace(/\/+$/, '') || '/';
  if (mounted.startsWith('/') && normalized === '/') return [{ path: where, shown, why: "a hostPath of the node's root filesystem", severity: 'error' }];
  return [];
}

function socketNamed(value: unknown): string | undefined {
  const text = asString(value);
  return text === undefined ? undefined : RUNTIME_SOCKET.exec(text)?.[1];
}

function socketWhy(runtime: string): string {
  return `the ${runtime} socket: a pod that mounts it controls every container on the node`;
}
