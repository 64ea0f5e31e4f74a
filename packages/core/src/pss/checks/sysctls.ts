import type { PodTemplate } from '../../model/pod';
import { sysctlsOutside } from '../../model/pod-security-conditions';
import type { PssCheck, PssViolation } from '../check';

// Each revision allows the previous set plus a few namespaced, node-isolated sysctls.
const V1_0 = ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start'];
const V1_27 = [...V1_0, 'net.ipv4.ip_local_reserved_ports'];
const V1_29 = [...V1_27, 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes'];
const V1_32 = [...V1_29, 'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'];
const V1_37 = [...V1_32, 'net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat'];

/** The safe sysctls of the newest policy version (what `latest` allows). */
export const LATEST_SAFE_SYSCTLS: readonly string[] = V1_37;

function allowing(allowed: readonly string[]) {
  const set = new Set(allowed);
  return (pod: PodTemplate): PssViolation[] => sysctlsOutside(pod, set).map(({ name, path }) => ({ path, detail: name }));
}

export const sysctls: PssCheck = {
  id: 'sysctls',
  level: 'baseline',
  reason: 'forbidden sysctls',
  title: 'Unsafe sysctls',
  help: `Sysctls can disable security mechanisms or affect every container on the node: \`spec.securityContext.sysctls[*].name\` must be one of the safe, namespaced set of the policy version. v1.0: ${V1_0.map((s) => `\`${s}\``).join(', ')}; v1.27 adds \`net.ipv4.ip_local_reserved_ports\`; v1.29 adds \`net.ipv4.tcp_keepalive_time\`, \`net.ipv4.tcp_fin_timeout\`, \`net.ipv4.tcp_keepalive_intvl\`, \`net.ipv4.tcp_keepalive_probes\`; v1.32 adds \`net.ipv4.tcp_rmem\`, \`net.ipv4.tcp_wmem\`; v1.37 adds \`net.ipv4.tcp_slow_start_after_idle\`, \`net.ipv4.tcp_notsent_lowat\`.`,
  versions: [
    { minVersion: 0, evaluate: allowing(V1_0) },
    { minVersion: 27, evaluate: allowing(V1_27) },
    { minVersion: 29, evaluate: allowing(V1_29) },
    { minVersion: 32, evaluate: allowing(V1_32) },
    { minVersion: 37, evaluate: allowing(V1_37) },
  ],
};
