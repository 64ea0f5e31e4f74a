import { probeAndLifecycleHosts } from '../../model/pod-security-conditions';
import { containerLabel, quote, type PssCheck } from '../check';

export const hostProbesAndHostLifecycle: PssCheck = {
  id: 'hostProbesAndHostLifecycle',
  level: 'baseline',
  reason: 'probe or lifecycle host',
  title: 'Host in probes and lifecycle handlers',
  help: 'The `host` field of `httpGet` and `tcpSocket` in liveness, readiness and startup probes and in `lifecycle.postStart`/`preStop` must be unset or empty: otherwise the kubelet can be made to connect to arbitrary hosts.',
  versions: [
    {
      minVersion: 34,
      evaluate: (pod) =>
        probeAndLifecycleHosts(pod).map(({ container, host, path }) => ({ path, detail: `${containerLabel(container)} uses probe or lifecycle host ${quote(host)}` })),
    },
  ],
};
