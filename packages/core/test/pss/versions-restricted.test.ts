import type { Finding } from '../../src';
import { newest, pssFindings, testVersions } from './version-cases';
import { yaml } from '../rule-tester';

// Version boundaries of the restricted Pod Security Standards checks and of the overrides between
// restricted and baseline checks, written from the version history in the README of
// ../shared/conformance/psa ("Checks"): for each change, the version just before it, the version
// that introduces it, `latest` and v1.99 (newer than the newest, which must behave like the
// newest). Each case states exactly which pss/* rules fire. Pods start from a restricted-compliant
// pod and break one thing.

interface Located {
  ruleId: string;
  line: number;
  column: number;
  path: string;
  message: string;
}

function located(findings: readonly Finding[]): Located[] {
  return findings.map(({ ruleId, line, column, path, message }) => ({ ruleId, line, column, path, message }));
}

const NONE: readonly string[] = [];
const APE = ['pss/allowPrivilegeEscalation'];
const CAP_BASELINE = ['pss/capabilities_baseline'];
const CAP_RESTRICTED = ['pss/capabilities_restricted'];
const RUN_AS_USER = ['pss/runAsUser'];
const RUN_AS_NON_ROOT = ['pss/runAsNonRoot'];
const SECCOMP_BASELINE = ['pss/seccompProfile_baseline'];
const SECCOMP_RESTRICTED = ['pss/seccompProfile_restricted'];
const PROC_MOUNT = ['pss/procMount'];
const PROC_MOUNT_RESTRICTED = ['pss/procMount_restricted'];
const RESTRICTED_VOLUMES = ['pss/restrictedVolumes'];
const HOST_PATH = ['pss/hostPathVolumes'];

describe('allowPrivilegeEscalation: from v1.8; Windows pods exempt from v1.25', () => {
  testVersions([
    {
      name: 'a container without allowPrivilegeEscalation',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: no-ape }
        spec:
          securityContext:
            runAsNonRoot: true
            seccompProfile: { type: RuntimeDefault }
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                capabilities: { drop: ["ALL"] }
      `,
      baseline: { 'v1.8': NONE, ...newest(NONE) },
      restricted: { 'v1.0': NONE, 'v1.7': NONE, 'v1.8': APE, 'v1.24': APE, 'v1.25': APE, ...newest(APE) },
    },
    {
      name: 'a v1.7-era restricted pod: only runAsNonRoot',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: v1-7 }
        spec:
          securityContext:
            runAsNonRoot: true
          containers:
            - name: app
              image: registry.k8s.io/pause
      `,
      restricted: {
        'v1.0': NONE,
        'v1.7': NONE,
        'v1.8': APE,
        'v1.18': APE,
        'v1.19': [...APE, ...SECCOMP_RESTRICTED],
        'v1.22': [...APE, ...CAP_RESTRICTED, ...SECCOMP_RESTRICTED],
        ...newest([...APE, ...CAP_RESTRICTED, ...SECCOMP_RESTRICTED]),
      },
    },
    {
      name: 'an ephemeral container without allowPrivilegeEscalation',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: ephemeral-no-ape }
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
          ephemeralContainers:
            - name: debugger
              image: registry.k8s.io/pause
              securityContext:
                capabilities: { drop: ["ALL"] }
      `,
      restricted: { 'v1.7': NONE, 'v1.8': APE, ...newest(APE) },
    },
    {
      name: 'allowPrivilegeEscalation: true',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: ape-true }
        spec:
          securityContext:
            runAsNonRoot: true
            seccompProfile: { type: RuntimeDefault }
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                allowPrivilegeEscalation: true
                capabilities: { drop: ["ALL"] }
      `,
      restricted: { 'v1.7': NONE, 'v1.8': APE, ...newest(APE) },
    },
    {
      name: 'a Windows pod without allowPrivilegeEscalation',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: windows-no-ape }
        spec:
          os: { name: windows }
          securityContext:
            runAsNonRoot: true
            seccompProfile: { type: RuntimeDefault }
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                capabilities: { drop: ["ALL"] }
      `,
      restricted: { 'v1.7': NONE, 'v1.8': APE, 'v1.24': APE, 'v1.25': NONE, ...newest(NONE) },
    },
    {
      name: 'a Linux pod (spec.os.name: linux) without allowPrivilegeEscalation is not exempt',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: linux-no-ape }
        spec:
          os: { name: linux }
          securityContext:
            runAsNonRoot: true
            seccompProfile: { type: RuntimeDefault }
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                capabilities: { drop: ["ALL"] }
      `,
      restricted: { 'v1.24': APE, 'v1.25': APE, ...newest(APE) },
    },
  ]);

  test('the v1.8 finding for an init container points at its securityContext', async () => {
    const code = yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: init-ape }
      spec:
        securityContext:
          runAsNonRoot: true
        initContainers:
          - name: setup
            image: registry.k8s.io/pause
            securityContext:
              readOnlyRootFilesystem: true
        containers:
          - name: app
            image: registry.k8s.io/pause
            securityContext:
              allowPrivilegeEscalation: false
    `;
    expect(located(await pssFindings(code, 'restricted', 'v1.8'))).toEqual([
      {
        ruleId: 'pss/allowPrivilegeEscalation',
        line: 10,
        column: 7,
        path: 'spec.initContainers[0].securityContext.allowPrivilegeEscalation',
        message: 'violates PodSecurity "restricted:v1.8": allowPrivilegeEscalation != false (container "setup" must set securityContext.allowPrivilegeEscalation=false)',
      },
    ]);
    expect(located(await pssFindings(code, 'restricted', 'v1.7'))).toEqual([]);
  });
});

describe('capabilities_restricted: from v1.22, overriding capabilities_baseline; Windows pods exempt from v1.25', () => {
  const sysAdmin = yaml`
    apiVersion: v1
    kind: Pod
    metadata: { name: sys-admin }
    spec:
      securityContext:
        runAsNonRoot: true
        seccompProfile: { type: RuntimeDefault }
      containers:
        - name: app
          image: registry.k8s.io/pause
          securityContext:
            allowPrivilegeEscalation: false
            capabilities:
              drop: ["ALL"]
              add:
                - SYS_ADMIN
  `;

  testVersions([
    {
      name: 'adding SYS_ADMIN (and dropping ALL)',
      code: sysAdmin,
      baseline: { 'v1.21': CAP_BASELINE, 'v1.22': CAP_BASELINE, ...newest(CAP_BASELINE) },
      restricted: { 'v1.0': CAP_BASELINE, 'v1.21': CAP_BASELINE, 'v1.22': CAP_RESTRICTED, 'v1.24': CAP_RESTRICTED, 'v1.25': CAP_RESTRICTED, ...newest(CAP_RESTRICTED) },
    },
    {
      name: 'not dropping ALL',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: no-drop }
        spec:
          securityContext:
            runAsNonRoot: true
            seccompProfile: { type: RuntimeDefault }
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                allowPrivilegeEscalation: false
      `,
      baseline: { 'v1.22': NONE, ...newest(NONE) },
      restricted: { 'v1.0': NONE, 'v1.21': NONE, 'v1.22': CAP_RESTRICTED, ...newest(CAP_RESTRICTED) },
    },
    {
      name: 'dropping "all" in lower case does not count',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: drop-lower }
        spec:
          securityContext:
            runAsNonRoot: true
            seccompProfile: { type: RuntimeDefault }
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                allowPrivilegeEscalation: false
                capabilities: { drop: ["all"] }
      `,
      restricted: { 'v1.21': NONE, 'v1.22': CAP_RESTRICTED, ...newest(CAP_RESTRICTED) },
    },
    {
      name: 'adding CHOWN: a default capability (baseline) but not NET_BIND_SERVICE (restricted)',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: chown }
        spec:
          securityContext:
            runAsNonRoot: true
            seccompProfile: { type: RuntimeDefault }
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                allowPrivilegeEscalation: false
                capabilities: { drop: ["ALL"], add: ["CHOWN"] }
      `,
      baseline: { 'v1.22': NONE, ...newest(NONE) },
      restricted: { 'v1.21': NONE, 'v1.22': CAP_RESTRICTED, ...newest(CAP_RESTRICTED) },
    },
    {
      name: 'adding only NET_BIND_SERVICE',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: bind }
        spec:
          securityContext:
            runAsNonRoot: true
            seccompProfile: { type: RuntimeDefault }
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                allowPrivilegeEscalation: false
                capabilities: { drop: ["ALL"], add: ["NET_BIND_SERVICE"] }
      `,
      restricted: { 'v1.21': NONE, 'v1.22': NONE, ...newest(NONE) },
    },
    {
      name: 'a Windows pod not dropping ALL',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: windows-no-drop }
        spec:
          os: { name: windows }
          securityContext:
            runAsNonRoot: true
            seccompProfile: { type: RuntimeDefault }
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                allowPrivilegeEscalation: false
      `,
      restricted: { 'v1.21': NONE, 'v1.22': CAP_RESTRICTED, 'v1.24': CAP_RESTRICTED, 'v1.25': NONE, ...newest(NONE) },
    },
  ]);

  test('the same add entry is reported by capabilities_baseline at v1.21 and by capabilities_restricted at v1.22', async () => {
    const at = { ruleId: '', line: 16, column: 15, path: 'spec.containers[0].securityContext.capabilities.add[0]', message: '' };
    expect(located(await pssFindings(sysAdmin, 'restricted', 'v1.21'))).toEqual([
      {
        ...at,
        ruleId: 'pss/capabilities_baseline',
        message: 'violates PodSecurity "restricted:v1.21": non-default capabilities (container "app" must not include "SYS_ADMIN" in securityContext.capabilities.add)',
      },
    ]);
    expect(located(await pssFindings(sysAdmin, 'restricted', 'v1.22'))).toEqual([
      {
        ...at,
        ruleId: 'pss/capabilities_restricted',
        message: 'violates PodSecurity "restricted:v1.22": unrestricted capabilities (container "app" must not include "SYS_ADMIN" in securityContext.capabilities.add)',
      },
    ]);
  });

  test('in a Deployment the path is under spec.template', async () => {
    const code = yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: { name: web }
      spec:
        selector: { matchLabels: { app: web } }
        template:
          metadata: { labels: { app: web } }
          spec:
            securityContext:
              runAsNonRoot: true
              seccompProfile: { type: RuntimeDefault }
            containers:
              - name: app
                image: registry.k8s.io/pause
                securityContext:
                  allowPrivilegeEscalation: false
                  capabilities:
                    drop: ["ALL"]
                    add:
                      - SYS_ADMIN
    `;
    const findings = await pssFindings(code, 'restricted', 'latest');
    expect(located(findings)).toEqual([
      {
        ruleId: 'pss/capabilities_restricted',
        line: 20,
        column: 19,
        path: 'spec.template.spec.containers[0].securityContext.capabilities.add[0]',
        message: 'violates PodSecurity "restricted:latest": unrestricted capabilities (container "app" must not include "SYS_ADMIN" in securityContext.capabilities.add)',
      },
    ]);
    expect(findings[0]?.severity).toBe('error');
  });
});

describe('runAsUser: from v1.23; pods with hostUsers: false exempt from v1.35', () => {
  testVersions([
    {
      name: 'pod runAsUser: 0 (hostUsers absent)',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: root-uid }
        spec:
          securityContext:
            runAsNonRoot: true
            runAsUser: 0
            seccompProfile: { type: RuntimeDefault }
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                allowPrivilegeEscalation: false
                capabilities: { drop: ["ALL"] }
      `,
      baseline: { 'v1.23': NONE, ...newest(NONE) },
      restricted: { 'v1.0': NONE, 'v1.22': NONE, 'v1.23': RUN_AS_USER, 'v1.34': RUN_AS_USER, 'v1.35': RUN_AS_USER, ...newest(RUN_AS_USER) },
    },
    {
      name: 'container runAsUser: 0 with hostUsers: false',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: userns-root }
        spec:
          hostUsers: false
          securityContext:
            runAsNonRoot: true
            seccompProfile: { type: RuntimeDefault }
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                runAsUser: 0
                allowPrivilegeEscalation: false
                capabilities: { drop: ["ALL"] }
      `,
      restricted: { 'v1.22': NONE, 'v1.23': RUN_AS_USER, 'v1.34': RUN_AS_USER, 'v1.35': NONE, ...newest(NONE) },
    },
    {
      name: 'container runAsUser: 0 with hostUsers: true',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: host-users-root }
        spec:
          hostUsers: true
          securityContext:
            runAsNonRoot: true
            seccompProfile: { type: RuntimeDefault }
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                runAsUser: 0
                allowPrivilegeEscalation: false
                capabilities: { drop: ["ALL"] }
      `,
      restricted: { 'v1.34': RUN_AS_USER, 'v1.35': RUN_AS_USER, ...newest(RUN_AS_USER) },
    },
    {
      name: 'a non-zero runAsUser',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: uid-1000 }
        spec:
          securityContext:
            runAsNonRoot: true
            runAsUser: 1000
            seccompProfile: { type: RuntimeDefault }
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                allowPrivilegeEscalation: false
                capabilities: { drop: ["ALL"] }
      `,
      restricted: { 'v1.23': NONE, ...newest(NONE) },
    },
  ]);
});

describe('runAsNonRoot: pods with hostUsers: false exempt from v1.35', () => {
  testVersions([
    {
      name: 'runAsNonRoot unset, hostUsers: false',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: userns-unset }
        spec:
          hostUsers: false
          securityContext:
            seccompProfile: { type: RuntimeDefault }
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                allowPrivilegeEscalation: false
                capabilities: { drop: ["ALL"] }
      `,
      restricted: { 'v1.0': RUN_AS_NON_ROOT, 'v1.34': RUN_AS_NON_ROOT, 'v1.35': NONE, ...newest(NONE) },
    },
    {
      name: 'runAsNonRoot: false, hostUsers: false',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: userns-false }
        spec:
          hostUsers: false
          securityContext:
            runAsNonRoot: false
            seccompProfile: { type: RuntimeDefault }
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                allowPrivilegeEscalation: false
                capabilities: { drop: ["ALL"] }
      `,
      restricted: { 'v1.34': RUN_AS_NON_ROOT, 'v1.35': NONE, ...newest(NONE) },
    },
    {
      name: 'runAsNonRoot unset, hostUsers absent',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: unset }
        spec:
          securityContext:
            seccompProfile: { type: RuntimeDefault }
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                allowPrivilegeEscalation: false
                capabilities: { drop: ["ALL"] }
      `,
      baseline: { 'v1.35': NONE, ...newest(NONE) },
      restricted: { 'v1.0': RUN_AS_NON_ROOT, 'v1.34': RUN_AS_NON_ROOT, 'v1.35': RUN_AS_NON_ROOT, ...newest(RUN_AS_NON_ROOT) },
    },
    {
      name: 'runAsNonRoot unset, hostUsers: true',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: host-users-unset }
        spec:
          hostUsers: true
          securityContext:
            seccompProfile: { type: RuntimeDefault }
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                allowPrivilegeEscalation: false
                capabilities: { drop: ["ALL"] }
      `,
      restricted: { 'v1.35': RUN_AS_NON_ROOT, ...newest(RUN_AS_NON_ROOT) },
    },
    {
      name: 'runAsNonRoot: true on every container instead of the pod',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: per-container }
        spec:
          securityContext:
            seccompProfile: { type: RuntimeDefault }
          initContainers:
            - name: init
              image: registry.k8s.io/pause
              securityContext:
                runAsNonRoot: true
                allowPrivilegeEscalation: false
                capabilities: { drop: ["ALL"] }
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                runAsNonRoot: true
                allowPrivilegeEscalation: false
                capabilities: { drop: ["ALL"] }
      `,
      restricted: { 'v1.0': NONE, 'v1.34': NONE, ...newest(NONE) },
    },
  ]);
});

describe('seccompProfile_restricted: from v1.19, overriding seccompProfile_baseline; Windows pods exempt from v1.25', () => {
  testVersions([
    {
      name: 'no seccomp profile anywhere (otherwise compliant)',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: no-seccomp }
        spec:
          securityContext:
            runAsNonRoot: true
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                allowPrivilegeEscalation: false
                capabilities: { drop: ["ALL"] }
      `,
      baseline: { 'v1.19': NONE, ...newest(NONE) },
      restricted: { 'v1.0': NONE, 'v1.18': NONE, 'v1.19': SECCOMP_RESTRICTED, 'v1.24': SECCOMP_RESTRICTED, 'v1.25': SECCOMP_RESTRICTED, ...newest(SECCOMP_RESTRICTED) },
    },
    {
      name: 'pod seccompProfile Unconfined',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: unconfined }
        spec:
          securityContext:
            runAsNonRoot: true
            seccompProfile: { type: Unconfined }
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                allowPrivilegeEscalation: false
                capabilities: { drop: ["ALL"] }
      `,
      baseline: { 'v1.18': NONE, 'v1.19': SECCOMP_BASELINE, ...newest(SECCOMP_BASELINE) },
      restricted: { 'v1.18': NONE, 'v1.19': SECCOMP_RESTRICTED, ...newest(SECCOMP_RESTRICTED) },
    },
    {
      name: 'pod annotation unconfined with a valid seccompProfile field',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: annotation
          annotations:
            seccomp.security.alpha.kubernetes.io/pod: unconfined
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
      restricted: { 'v1.0': SECCOMP_BASELINE, 'v1.18': SECCOMP_BASELINE, 'v1.19': NONE, ...newest(NONE) },
    },
    {
      name: 'profiles set per container only (RuntimeDefault, Localhost)',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: per-container }
        spec:
          securityContext:
            runAsNonRoot: true
          containers:
            - name: a
              image: registry.k8s.io/pause
              securityContext:
                allowPrivilegeEscalation: false
                capabilities: { drop: ["ALL"] }
                seccompProfile: { type: RuntimeDefault }
            - name: b
              image: registry.k8s.io/pause
              securityContext:
                allowPrivilegeEscalation: false
                capabilities: { drop: ["ALL"] }
                seccompProfile: { type: Localhost, localhostProfile: profiles/audit.json }
      `,
      restricted: { 'v1.19': NONE, ...newest(NONE) },
    },
    {
      name: 'one container of two not covered',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: half }
        spec:
          securityContext:
            runAsNonRoot: true
          containers:
            - name: a
              image: registry.k8s.io/pause
              securityContext:
                allowPrivilegeEscalation: false
                capabilities: { drop: ["ALL"] }
                seccompProfile: { type: RuntimeDefault }
            - name: b
              image: registry.k8s.io/pause
              securityContext:
                allowPrivilegeEscalation: false
                capabilities: { drop: ["ALL"] }
      `,
      restricted: { 'v1.18': NONE, 'v1.19': SECCOMP_RESTRICTED, ...newest(SECCOMP_RESTRICTED) },
    },
    {
      name: 'a Windows pod without a seccomp profile',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: windows-no-seccomp }
        spec:
          os: { name: windows }
          securityContext:
            runAsNonRoot: true
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                allowPrivilegeEscalation: false
                capabilities: { drop: ["ALL"] }
      `,
      restricted: { 'v1.18': NONE, 'v1.19': SECCOMP_RESTRICTED, 'v1.24': SECCOMP_RESTRICTED, 'v1.25': NONE, ...newest(NONE) },
    },
    {
      name: 'a bare Windows pod: every Linux-only restricted check is exempt from v1.25',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: windows-bare }
        spec:
          os: { name: windows }
          securityContext:
            runAsNonRoot: true
          containers:
            - name: app
              image: registry.k8s.io/pause
      `,
      restricted: {
        'v1.18': APE,
        'v1.19': [...APE, ...SECCOMP_RESTRICTED],
        'v1.22': [...APE, ...CAP_RESTRICTED, ...SECCOMP_RESTRICTED],
        'v1.24': [...APE, ...CAP_RESTRICTED, ...SECCOMP_RESTRICTED],
        'v1.25': NONE,
        ...newest(NONE),
      },
    },
  ]);

  test('the v1.19 finding for an uncovered container', async () => {
    const code = yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: no-seccomp }
      spec:
        securityContext:
          runAsNonRoot: true
        containers:
          - name: app
            image: registry.k8s.io/pause
            securityContext:
              allowPrivilegeEscalation: false
              capabilities: { drop: ["ALL"] }
    `;
    expect(located(await pssFindings(code, 'restricted', 'v1.19'))).toEqual([
      {
        ruleId: 'pss/seccompProfile_restricted',
        line: 10,
        column: 7,
        path: 'spec.containers[0].securityContext.seccompProfile.type',
        message: 'violates PodSecurity "restricted:v1.19": seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
      },
    ]);
  });
});

describe('procMount_restricted: from v1.35, overriding procMount', () => {
  testVersions([
    {
      name: 'Unmasked with hostUsers: false',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: userns-unmasked }
        spec:
          hostUsers: false
          securityContext:
            runAsNonRoot: true
            seccompProfile: { type: RuntimeDefault }
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                allowPrivilegeEscalation: false
                capabilities: { drop: ["ALL"] }
                procMount: Unmasked
      `,
      baseline: { 'v1.34': PROC_MOUNT, 'v1.35': NONE, ...newest(NONE) },
      restricted: { 'v1.0': PROC_MOUNT, 'v1.34': PROC_MOUNT, 'v1.35': PROC_MOUNT_RESTRICTED, ...newest(PROC_MOUNT_RESTRICTED) },
    },
    {
      name: 'Unmasked without hostUsers',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: unmasked }
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
                procMount: Unmasked
      `,
      baseline: { 'v1.34': PROC_MOUNT, 'v1.35': PROC_MOUNT, ...newest(PROC_MOUNT) },
      restricted: { 'v1.34': PROC_MOUNT, 'v1.35': PROC_MOUNT_RESTRICTED, ...newest(PROC_MOUNT_RESTRICTED) },
    },
  ]);
});

describe('restrictedVolumes overrides hostPathVolumes at restricted level (every version)', () => {
  testVersions([
    {
      name: 'a hostPath volume',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: host-path }
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
          volumes:
            - name: host
              hostPath: { path: /var/run }
      `,
      baseline: { 'v1.0': HOST_PATH, 'v1.19': HOST_PATH, 'v1.22': HOST_PATH, ...newest(HOST_PATH) },
      restricted: { 'v1.0': RESTRICTED_VOLUMES, 'v1.19': RESTRICTED_VOLUMES, 'v1.22': RESTRICTED_VOLUMES, ...newest(RESTRICTED_VOLUMES) },
    },
    {
      name: 'an nfs volume',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: nfs }
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
          volumes:
            - name: share
              nfs: { server: nfs.example.com, path: /export }
      `,
      baseline: { 'v1.0': NONE, ...newest(NONE) },
      restricted: { 'v1.0': RESTRICTED_VOLUMES, ...newest(RESTRICTED_VOLUMES) },
    },
    {
      name: 'a volume with no source (defaulted to emptyDir) and the allowed volume types',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: volumes-ok }
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
          volumes:
            - name: scratch
            - name: cache
              emptyDir: {}
            - name: config
              configMap: { name: app-config }
            - name: creds
              secret: { secretName: app-creds }
            - name: data
              persistentVolumeClaim: { claimName: app-data }
            - name: token
              projected: { sources: [{ serviceAccountToken: { path: token } }] }
            - name: info
              downwardAPI: { items: [{ path: name, fieldRef: { fieldPath: metadata.name } }] }
            - name: inline
              csi: { driver: secrets-store.csi.k8s.io, readOnly: true }
            - name: claim
              ephemeral:
                volumeClaimTemplate:
                  spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }
            - name: artifact
              image: { reference: registry.example.com/models/small:v1, pullPolicy: IfNotPresent }
      `,
      baseline: { 'v1.0': NONE, ...newest(NONE) },
      restricted: { 'v1.0': NONE, 'v1.22': NONE, ...newest(NONE) },
    },
  ]);

  test('the hostPath volume is located at its hostPath field, with the version as written', async () => {
    const code = yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: host-path }
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
        volumes:
          - name: host
            hostPath:
              path: /var/run
    `;
    const at = { line: 16, column: 7, path: 'spec.volumes[0].hostPath' };
    expect(located(await pssFindings(code, 'restricted', 'v1.99'))).toEqual([
      { ...at, ruleId: 'pss/restrictedVolumes', message: 'violates PodSecurity "restricted:v1.99": restricted volume types (volume "host" uses restricted volume type "hostPath")' },
    ]);
    expect(located(await pssFindings(code, 'baseline', 'v1.0'))).toEqual([
      { ...at, ruleId: 'pss/hostPathVolumes', message: 'violates PodSecurity "baseline:v1.0": hostPath volumes (volume "host")' },
    ]);
  });
});

describe('restricted includes the baseline checks', () => {
  testVersions([
    {
      name: 'a privileged container',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: privileged }
        spec:
          securityContext:
            runAsNonRoot: true
            seccompProfile: { type: RuntimeDefault }
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                privileged: true
                allowPrivilegeEscalation: false
                capabilities: { drop: ["ALL"] }
      `,
      baseline: { 'v1.0': ['pss/privileged'], ...newest(['pss/privileged']) },
      restricted: { 'v1.0': ['pss/privileged'], 'v1.22': ['pss/privileged'], ...newest(['pss/privileged']) },
    },
    {
      name: 'hostNetwork',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: host-network }
        spec:
          hostNetwork: true
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
      restricted: { 'v1.0': ['pss/hostNamespaces'], ...newest(['pss/hostNamespaces']) },
    },
    {
      name: 'container_engine_t (seLinuxOptions, allowed from v1.31)',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: engine }
        spec:
          securityContext:
            runAsNonRoot: true
            seccompProfile: { type: RuntimeDefault }
            seLinuxOptions: { type: container_engine_t }
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                allowPrivilegeEscalation: false
                capabilities: { drop: ["ALL"] }
      `,
      restricted: { 'v1.30': ['pss/seLinuxOptions'], 'v1.31': NONE, ...newest(NONE) },
    },
    {
      name: 'a probe host (hostProbesAndHostLifecycle, from v1.34)',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: probe-host }
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
              startupProbe:
                httpGet: { host: metadata.internal, path: /, port: 80 }
      `,
      restricted: { 'v1.33': NONE, 'v1.34': ['pss/hostProbesAndHostLifecycle'], ...newest(['pss/hostProbesAndHostLifecycle']) },
    },
    {
      name: 'a sysctl added at v1.37',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: sysctl }
        spec:
          securityContext:
            runAsNonRoot: true
            seccompProfile: { type: RuntimeDefault }
            sysctls:
              - { name: net.ipv4.tcp_slow_start_after_idle, value: "0" }
          containers:
            - name: app
              image: registry.k8s.io/pause
              securityContext:
                allowPrivilegeEscalation: false
                capabilities: { drop: ["ALL"] }
      `,
      restricted: { 'v1.36': ['pss/sysctls'], ...newest(NONE) },
    },
  ]);
});
