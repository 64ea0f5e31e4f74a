import { newest, pssFindings, testVersions } from './version-cases';
import { yaml } from '../rule-tester';

// Version boundaries of the baseline Pod Security Standards checks, written from the version
// history in the README of ../shared/conformance/psa ("Checks"): for each change, the version just
// before it, the version that introduces it, `latest` and v1.99 (newer than the newest, which
// must behave like the newest). Each case states exactly which pss/* rules fire.

const NONE: readonly string[] = [];
const SECCOMP = ['pss/seccompProfile_baseline'];
const SELINUX = ['pss/seLinuxOptions'];
const PROC_MOUNT = ['pss/procMount'];
const SYSCTLS = ['pss/sysctls'];
const HOST_PROBES = ['pss/hostProbesAndHostLifecycle'];

describe('baseline-compliant starting points', () => {
  testVersions([
    {
      name: 'the restricted-compliant pod passes at every version',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: ok }
        spec:
          securityContext:
            runAsNonRoot: true
            seccompProfile: { type: RuntimeDefault }
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                allowPrivilegeEscalation: false
                capabilities: { drop: ["ALL"] }
      `,
      baseline: { 'v1.0': NONE, 'v1.7': NONE, 'v1.18': NONE, 'v1.19': NONE, 'v1.22': NONE, 'v1.34': NONE, 'v1.35': NONE, ...newest(NONE) },
      restricted: { 'v1.0': NONE, 'v1.7': NONE, 'v1.8': NONE, 'v1.18': NONE, 'v1.19': NONE, 'v1.22': NONE, 'v1.23': NONE, 'v1.25': NONE, 'v1.35': NONE, ...newest(NONE) },
    },
    {
      name: 'a pod with no security settings passes baseline at every version; restricted checks accumulate',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: plain }
        spec:
          containers:
            - name: app
              image: registry.k8s.io/pause
      `,
      baseline: { 'v1.0': NONE, 'v1.18': NONE, 'v1.19': NONE, 'v1.22': NONE, 'v1.34': NONE, ...newest(NONE) },
      restricted: {
        'v1.0': ['pss/runAsNonRoot'],
        'v1.7': ['pss/runAsNonRoot'],
        'v1.8': ['pss/allowPrivilegeEscalation', 'pss/runAsNonRoot'],
        'v1.18': ['pss/allowPrivilegeEscalation', 'pss/runAsNonRoot'],
        'v1.19': ['pss/allowPrivilegeEscalation', 'pss/runAsNonRoot', 'pss/seccompProfile_restricted'],
        'v1.21': ['pss/allowPrivilegeEscalation', 'pss/runAsNonRoot', 'pss/seccompProfile_restricted'],
        'v1.22': ['pss/allowPrivilegeEscalation', 'pss/capabilities_restricted', 'pss/runAsNonRoot', 'pss/seccompProfile_restricted'],
        ...newest(['pss/allowPrivilegeEscalation', 'pss/capabilities_restricted', 'pss/runAsNonRoot', 'pss/seccompProfile_restricted']),
      },
    },
  ]);
});

describe('capabilities_baseline is never overridden at baseline level', () => {
  testVersions([
    {
      name: 'adding SYS_ADMIN',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: sys-admin }
        spec:
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                capabilities:
                  add: ["SYS_ADMIN"]
      `,
      baseline: { 'v1.0': ['pss/capabilities_baseline'], 'v1.21': ['pss/capabilities_baseline'], 'v1.22': ['pss/capabilities_baseline'], 'v1.25': ['pss/capabilities_baseline'], ...newest(['pss/capabilities_baseline']) },
    },
    {
      name: 'adding default capabilities (exact upper case) and not dropping ALL',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: defaults }
        spec:
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                capabilities:
                  add: ["CHOWN", "NET_BIND_SERVICE", "SYS_CHROOT"]
      `,
      baseline: { 'v1.0': NONE, 'v1.22': NONE, ...newest(NONE) },
    },
    {
      name: 'a lower-case default capability is not in the allowed list',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: lower }
        spec:
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                capabilities:
                  add: ["chown"]
      `,
      baseline: { 'v1.0': ['pss/capabilities_baseline'], ...newest(['pss/capabilities_baseline']) },
    },
  ]);
});

describe('seccompProfile_baseline: alpha annotations before v1.19, securityContext.seccompProfile from v1.19', () => {
  testVersions([
    {
      name: 'pod annotation unconfined',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: pod-annotation
          annotations:
            seccomp.security.alpha.kubernetes.io/pod: unconfined
        spec:
          containers:
            - name: app
              image: registry.k8s.io/pause
      `,
      baseline: { 'v1.0': SECCOMP, 'v1.18': SECCOMP, 'v1.19': NONE, ...newest(NONE) },
    },
    {
      name: 'container annotation unconfined',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: container-annotation
          annotations:
            container.seccomp.security.alpha.kubernetes.io/app: unconfined
        spec:
          containers:
            - name: app
              image: registry.k8s.io/pause
      `,
      baseline: { 'v1.0': SECCOMP, 'v1.18': SECCOMP, 'v1.19': NONE, ...newest(NONE) },
    },
    {
      name: 'init container annotation unconfined',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: init-annotation
          annotations:
            container.seccomp.security.alpha.kubernetes.io/setup: unconfined
        spec:
          initContainers:
            - name: setup
              image: registry.k8s.io/pause
          containers:
            - name: app
              image: registry.k8s.io/pause
      `,
      baseline: { 'v1.18': SECCOMP, 'v1.19': NONE },
    },
    {
      name: 'an empty annotation value is not an allowed profile',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: empty-annotation
          annotations:
            seccomp.security.alpha.kubernetes.io/pod: ""
        spec:
          containers:
            - name: app
              image: registry.k8s.io/pause
      `,
      baseline: { 'v1.18': SECCOMP, 'v1.19': NONE },
    },
    {
      name: 'allowed annotation values: runtime/default, docker/default, localhost/*',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: allowed-annotations
          annotations:
            seccomp.security.alpha.kubernetes.io/pod: runtime/default
            container.seccomp.security.alpha.kubernetes.io/a: docker/default
            container.seccomp.security.alpha.kubernetes.io/b: localhost/profiles/audit.json
        spec:
          containers:
            - name: a
              image: registry.k8s.io/pause
            - name: b
              image: registry.k8s.io/pause
      `,
      baseline: { 'v1.0': NONE, 'v1.18': NONE, 'v1.19': NONE, ...newest(NONE) },
    },
    {
      name: 'an annotation for a container the pod does not have is ignored',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: other-container
          annotations:
            container.seccomp.security.alpha.kubernetes.io/sidecar: unconfined
        spec:
          containers:
            - name: app
              image: registry.k8s.io/pause
      `,
      baseline: { 'v1.18': NONE, 'v1.19': NONE },
    },
    {
      name: 'pod seccompProfile Unconfined',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: pod-unconfined }
        spec:
          securityContext:
            seccompProfile: { type: Unconfined }
          containers:
            - name: app
              image: registry.k8s.io/pause
      `,
      baseline: { 'v1.0': NONE, 'v1.18': NONE, 'v1.19': SECCOMP, ...newest(SECCOMP) },
    },
    {
      name: 'container seccompProfile Unconfined under a valid pod profile',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: container-unconfined }
        spec:
          securityContext:
            seccompProfile: { type: RuntimeDefault }
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                seccompProfile: { type: Unconfined }
      `,
      baseline: { 'v1.18': NONE, 'v1.19': SECCOMP, ...newest(SECCOMP) },
    },
    {
      name: 'allowed seccompProfile types RuntimeDefault and Localhost',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: seccomp-ok }
        spec:
          securityContext:
            seccompProfile: { type: RuntimeDefault }
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                seccompProfile: { type: Localhost, localhostProfile: profiles/audit.json }
      `,
      baseline: { 'v1.18': NONE, 'v1.19': NONE, ...newest(NONE) },
    },
  ]);

  test('the pre-v1.19 finding points at the annotation and quotes it', async () => {
    const code = yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: pod-annotation
        annotations:
          seccomp.security.alpha.kubernetes.io/pod: unconfined
      spec:
        containers:
          - name: app
            image: registry.k8s.io/pause
    `;
    const findings = await pssFindings(code, 'baseline', 'v1.18');
    expect(findings.map(({ ruleId, line, column, path, message, severity }) => ({ ruleId, line, column, path, message, severity }))).toEqual([
      {
        ruleId: 'pss/seccompProfile_baseline',
        line: 6,
        column: 5,
        path: 'metadata.annotations["seccomp.security.alpha.kubernetes.io/pod"]',
        message: 'violates PodSecurity "baseline:v1.18": seccompProfile (forbidden annotation seccomp.security.alpha.kubernetes.io/pod="unconfined")',
        severity: 'error',
      },
    ]);
  });
});

describe('seLinuxOptions: container_engine_t allowed from v1.31', () => {
  testVersions([
    {
      name: 'container type container_engine_t',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: engine }
        spec:
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                seLinuxOptions: { type: container_engine_t }
      `,
      baseline: { 'v1.0': SELINUX, 'v1.30': SELINUX, 'v1.31': NONE, ...newest(NONE) },
    },
    {
      name: 'pod type container_engine_t',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: engine-pod }
        spec:
          securityContext:
            seLinuxOptions: { type: container_engine_t }
          containers:
            - name: app
              image: registry.k8s.io/pause
      `,
      baseline: { 'v1.30': SELINUX, 'v1.31': NONE, ...newest(NONE) },
    },
    {
      name: 'types allowed since v1.0',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: selinux-ok }
        spec:
          securityContext:
            seLinuxOptions: { type: container_t, level: "s0:c123,c456" }
          initContainers:
            - name: init
              image: registry.k8s.io/pause
              securityContext:
                seLinuxOptions: { type: container_init_t }
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                seLinuxOptions: { type: container_kvm_t }
      `,
      baseline: { 'v1.0': NONE, 'v1.30': NONE, ...newest(NONE) },
    },
    {
      name: 'spc_t is forbidden at every version',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: spc }
        spec:
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                seLinuxOptions: { type: spc_t }
      `,
      baseline: { 'v1.0': SELINUX, 'v1.30': SELINUX, 'v1.31': SELINUX, ...newest(SELINUX) },
    },
  ]);
});

describe('procMount: allowed with hostUsers: false from baseline v1.35', () => {
  testVersions([
    {
      name: 'Unmasked with hostUsers: false',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: userns }
        spec:
          hostUsers: false
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                procMount: Unmasked
      `,
      baseline: { 'v1.0': PROC_MOUNT, 'v1.34': PROC_MOUNT, 'v1.35': NONE, ...newest(NONE) },
    },
    {
      name: 'Unmasked without hostUsers (absent counts as true)',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: no-userns }
        spec:
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                procMount: Unmasked
      `,
      baseline: { 'v1.0': PROC_MOUNT, 'v1.34': PROC_MOUNT, 'v1.35': PROC_MOUNT, ...newest(PROC_MOUNT) },
    },
    {
      name: 'Unmasked with hostUsers: true',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: host-users }
        spec:
          hostUsers: true
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                procMount: Unmasked
      `,
      baseline: { 'v1.34': PROC_MOUNT, 'v1.35': PROC_MOUNT, ...newest(PROC_MOUNT) },
    },
    {
      name: 'Default is allowed everywhere',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: default-proc }
        spec:
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                procMount: Default
      `,
      baseline: { 'v1.0': NONE, 'v1.34': NONE, ...newest(NONE) },
    },
  ]);
});

/** Sysctls the README lists as added at a version: forbidden just before it, allowed from it. */
const ADDED_SYSCTLS: ReadonlyArray<readonly [name: string, minor: number]> = [
  ['net.ipv4.ip_local_reserved_ports', 27],
  ['net.ipv4.tcp_keepalive_time', 29],
  ['net.ipv4.tcp_fin_timeout', 29],
  ['net.ipv4.tcp_keepalive_intvl', 29],
  ['net.ipv4.tcp_keepalive_probes', 29],
  ['net.ipv4.tcp_rmem', 32],
  ['net.ipv4.tcp_wmem', 32],
  ['net.ipv4.tcp_slow_start_after_idle', 37],
  ['net.ipv4.tcp_notsent_lowat', 37],
];

const sysctlPod = (name: string): string => yaml`
  apiVersion: v1
  kind: Pod
  metadata: { name: sysctl }
  spec:
    securityContext:
      sysctls:
        - name: ${name}
          value: "1"
    containers:
      - name: app
        image: registry.k8s.io/pause
`;

describe('sysctls: the allowed list grows at v1.27, v1.29, v1.32 and v1.37', () => {
  testVersions(
    ADDED_SYSCTLS.map(([name, minor]) => ({
      name: `${name} (added at v1.${minor})`,
      code: sysctlPod(name),
      baseline: { 'v1.0': SYSCTLS, [`v1.${minor - 1}`]: SYSCTLS, [`v1.${minor}`]: NONE, ...newest(NONE) },
    })),
  );

  testVersions([
    {
      name: 'the v1.0 sysctls are allowed at every version',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: sysctls-v1-0 }
        spec:
          securityContext:
            sysctls:
              - { name: kernel.shm_rmid_forced, value: "0" }
              - { name: net.ipv4.ip_local_port_range, value: "1024 65535" }
              - { name: net.ipv4.tcp_syncookies, value: "1" }
              - { name: net.ipv4.ping_group_range, value: "0 2147483647" }
              - { name: net.ipv4.ip_unprivileged_port_start, value: "1024" }
          containers:
            - name: app
              image: registry.k8s.io/pause
      `,
      baseline: { 'v1.0': NONE, 'v1.26': NONE, ...newest(NONE) },
    },
    {
      name: 'an unsafe sysctl is forbidden at every version',
      code: sysctlPod('kernel.msgmax'),
      baseline: { 'v1.0': SYSCTLS, 'v1.27': SYSCTLS, 'v1.32': SYSCTLS, ...newest(SYSCTLS) },
    },
    {
      name: 'one finding per forbidden sysctl, allowed ones in between are fine',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: mixed }
        spec:
          securityContext:
            sysctls:
              - { name: net.ipv4.tcp_rmem, value: "4096 87380 6291456" }
              - { name: kernel.shm_rmid_forced, value: "0" }
              - { name: net.ipv4.tcp_notsent_lowat, value: "16384" }
          containers:
            - name: app
              image: registry.k8s.io/pause
      `,
      baseline: { 'v1.31': ['pss/sysctls', 'pss/sysctls'], 'v1.32': SYSCTLS, 'v1.36': SYSCTLS, ...newest(NONE) },
    },
  ]);

  test('the finding names the sysctl at its entry', async () => {
    const findings = await pssFindings(sysctlPod('net.ipv4.ip_local_reserved_ports'), 'baseline', 'v1.26');
    expect(findings.map(({ ruleId, line, column, path, message }) => ({ ruleId, line, column, path, message }))).toEqual([
      {
        ruleId: 'pss/sysctls',
        line: 7,
        column: 9,
        path: 'spec.securityContext.sysctls[0].name',
        message: 'violates PodSecurity "baseline:v1.26": forbidden sysctls (net.ipv4.ip_local_reserved_ports)',
      },
    ]);
  });
});

describe('hostProbesAndHostLifecycle: from v1.34', () => {
  testVersions([
    {
      name: 'livenessProbe httpGet host',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: probe-host }
        spec:
          containers:
            - name: app
              image: registry.k8s.io/pause
              livenessProbe:
                httpGet: { host: 169.254.169.254, path: /, port: 80 }
      `,
      baseline: { 'v1.0': NONE, 'v1.33': NONE, 'v1.34': HOST_PROBES, ...newest(HOST_PROBES) },
    },
    {
      name: 'readinessProbe tcpSocket host',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: tcp-host }
        spec:
          containers:
            - name: app
              image: registry.k8s.io/pause
              readinessProbe:
                tcpSocket: { host: example.com, port: 443 }
      `,
      baseline: { 'v1.33': NONE, 'v1.34': HOST_PROBES, ...newest(HOST_PROBES) },
    },
    {
      name: 'lifecycle preStop httpGet host in a sidecar (init container)',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: lifecycle-host }
        spec:
          initContainers:
            - name: sidecar
              image: registry.k8s.io/pause
              restartPolicy: Always
              lifecycle:
                preStop:
                  httpGet: { host: 10.0.0.1, path: /stop, port: 8080 }
          containers:
            - name: app
              image: registry.k8s.io/pause
      `,
      baseline: { 'v1.33': NONE, 'v1.34': HOST_PROBES, ...newest(HOST_PROBES) },
    },
    {
      name: 'an empty or absent host is allowed',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: no-host }
        spec:
          containers:
            - name: app
              image: registry.k8s.io/pause
              livenessProbe:
                httpGet: { host: "", path: /, port: 80 }
              startupProbe:
                tcpSocket: { port: 80 }
      `,
      baseline: { 'v1.34': NONE, ...newest(NONE) },
    },
  ]);

  test('the v1.34 finding points at the host field', async () => {
    const code = yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: probe-host }
      spec:
        containers:
          - name: app
            image: registry.k8s.io/pause
            livenessProbe:
              httpGet:
                host: 169.254.169.254
                port: 80
    `;
    const findings = await pssFindings(code, 'baseline', 'v1.34');
    expect(findings.map(({ ruleId, line, column, path, message }) => ({ ruleId, line, column, path, message }))).toEqual([
      {
        ruleId: 'pss/hostProbesAndHostLifecycle',
        line: 10,
        column: 11,
        path: 'spec.containers[0].livenessProbe.httpGet.host',
        message: 'violates PodSecurity "baseline:v1.34": probe or lifecycle host (container "app" uses probe or lifecycle host "169.254.169.254")',
      },
    ]);
  });
});

describe('hostPathVolumes at baseline level (every version)', () => {
  testVersions([
    {
      name: 'a hostPath volume',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: host-path }
        spec:
          containers:
            - name: app
              image: registry.k8s.io/pause
          volumes:
            - name: host
              hostPath: { path: /var/run }
      `,
      baseline: { 'v1.0': ['pss/hostPathVolumes'], 'v1.22': ['pss/hostPathVolumes'], ...newest(['pss/hostPathVolumes']) },
    },
    {
      name: 'volumes that only restricted forbids, and a volume with no source',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: other-volumes }
        spec:
          containers:
            - name: app
              image: registry.k8s.io/pause
          volumes:
            - name: share
              nfs: { server: nfs.example.com, path: /export }
            - name: scratch
      `,
      baseline: { 'v1.0': NONE, ...newest(NONE) },
    },
  ]);
});
