import { asRecord, asString } from '../../values';
import { containerLabel, quote, type PssCheck, type PssViolation } from '../check';

const HANDLERS: ReadonlyArray<readonly string[]> = [
  ['livenessProbe'], ['readinessProbe'], ['startupProbe'], ['lifecycle', 'postStart'], ['lifecycle', 'preStop'],
];

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
        pod.containers.flatMap((container) =>
          HANDLERS.flatMap((handlerPath) => {
            let handler: Record<string, unknown> | undefined = container.spec;
            for (const key of handlerPath) handler = asRecord(handler?.[key]);
            return ['httpGet', 'tcpSocket'].flatMap((kind): PssViolation[] => {
              const host = asString(asRecord(handler?.[kind])?.host) ?? '';
              if (host === '') return [];
              return [{ path: [...container.path, ...handlerPath, kind, 'host'], detail: `${containerLabel(container)} uses probe or lifecycle host ${quote(host)}` }];
            });
          }),
        ),
    },
  ],
};
