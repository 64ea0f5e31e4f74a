/**
 * host-path-volume reports every hostPath volume at its configured severity (warning by default)
 * and the sensitive ones as errors naming what they expose, whatever the configured severity.
 */
import { hostPathVolume } from '../../../src/rules/pod-security/host-path-volume';
import { EMPTY_CONFIG, lint } from '../../../src';
import { runRule, yaml } from '../../rule-tester';

const MANIFEST = yaml`
  apiVersion: apps/v1
  kind: DaemonSet
  metadata: { name: agent, namespace: ops }
  spec:
    template:
      spec:
        containers:
          - name: agent
            image: agent:1
        volumes:
          - name: logs
            hostPath: { path: /var/log }
          - name: docker
            hostPath: { path: /var/run/docker.sock, type: Socket }
          - name: containerd
            hostPath: { path: /run/containerd/containerd.sock }
          - name: crio
            hostPath: { path: /var/run/crio/crio.sock }
          - name: kubelet
            hostPath: { path: /var/lib/kubelet/pods }
          - name: run
            hostPath: { path: /var/run }
          - name: tz
            hostPath: { path: /etc/localtime }
`;

const P = 'spec.template.spec.volumes';

describe('host-path-volume severity per path', () => {
  it('warns for ordinary paths; errors for sensitive ones, named in the message', async () => {
    const findings = await runRule(hostPathVolume, { name: 'severity', code: MANIFEST });
    expect(findings.map(({ line, column, path, severity, message }) => ({ line, column, path, severity, message }))).toEqual([
      { line: 12, column: 11, path: `${P}[0].hostPath`, severity: 'warning', message: 'volume "logs" mounts host path "/var/log"' },
      { line: 14, column: 11, path: `${P}[1].hostPath`, severity: 'error', message: 'volume "docker" mounts host path "/var/run/docker.sock", the Docker socket' },
      { line: 16, column: 11, path: `${P}[2].hostPath`, severity: 'error', message: 'volume "containerd" mounts host path "/run/containerd/containerd.sock", the containerd socket' },
      { line: 18, column: 11, path: `${P}[3].hostPath`, severity: 'error', message: 'volume "crio" mounts host path "/var/run/crio/crio.sock", the CRI-O socket' },
      { line: 20, column: 11, path: `${P}[4].hostPath`, severity: 'error', message: 'volume "kubelet" mounts host path "/var/lib/kubelet/pods", inside /var/lib/kubelet: the kubelet\'s credentials and every pod\'s volumes' },
      { line: 22, column: 11, path: `${P}[5].hostPath`, severity: 'error', message: 'volume "run" mounts host path "/var/run", which contains the Docker socket' },
      { line: 24, column: 11, path: `${P}[6].hostPath`, severity: 'warning', message: 'volume "tz" mounts host path "/etc/localtime"' },
    ]);
  });

  it('a configured severity applies to ordinary paths only; allowedPaths silences sensitive ones too', async () => {
    const config = {
      ...EMPTY_CONFIG,
      rules: { 'host-path-volume': { severity: 'note' as const, options: { allowedPaths: ['/var/run/crio'] } } },
    };
    const result = await lint({ paths: ['-'], cwd: process.cwd(), stdinText: MANIFEST, config, rules: [hostPathVolume] });
    expect(result.findings.map(({ line, severity }) => [line, severity])).toEqual([
      [12, 'note'], [14, 'error'], [16, 'error'], [20, 'error'], [22, 'error'], [24, 'note'],
    ]);
  });
});
