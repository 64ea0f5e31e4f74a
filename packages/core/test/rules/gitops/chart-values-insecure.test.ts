import { chartValuesInsecure } from '../../../src/rules/gitops/chart-values-insecure';
import { runRule, testRule, yaml } from '../../rule-tester';

const FLUX_VALUES = yaml`
  apiVersion: helm.toolkit.fluxcd.io/v2
  kind: HelmRelease
  metadata:
    name: agent
    namespace: monitoring
  spec:
    chart:
      spec:
        chart: node-agent
        sourceRef: { kind: HelmRepository, name: agents }
    values:
      hostNetwork: true
      agent:
        securityContext:
          privileged: true
          runAsUser: 0
          capabilities:
            add: ["NET_BIND_SERVICE", "CAP_SYS_ADMIN"]
      persistence:
        containerd:
          type: hostPath
          hostPath: /run/containerd/containerd.sock
        root:
          hostPath:
            path: /
        dev:
          type: hostPath
          hostPath: /dev
      debug:
        enabled: false
        securityContext:
          privileged: true
`;

const ARGO_BLOCK = yaml`
  apiVersion: argoproj.io/v1alpha1
  kind: Application
  metadata:
    name: cache
    namespace: argocd
  spec:
    project: platform
    destination: { server: https://kubernetes.default.svc, namespace: cache }
    source:
      repoURL: https://charts.example.com
      chart: redis
      targetRevision: 1.2.3
      helm:
        values: |
          # a comment Helm ignores
          master:
            podSecurityContext:

              runAsUser: 0
            containerSecurityContext: { allowPrivilegeEscalation: true }
          volumes:
            - name: docker
              hostPath:
                path: /var/run/docker.sock
`;

testRule(chartValuesInsecure, {
  valid: [
    {
      name: 'hardened values, disabled sections and harmless host paths',
      code: yaml`
        apiVersion: helm.toolkit.fluxcd.io/v2beta2
        kind: HelmRelease
        metadata:
          name: web
        spec:
          chartRef: { kind: OCIRepository, name: web }
          values:
            securityContext:
              privileged: false
              allowPrivilegeEscalation: false
              runAsUser: 1000
              capabilities:
                drop: ["ALL"]
                add: ["NET_BIND_SERVICE"]
            hostNetwork: "true"
            persistence:
              gpu:
                type: hostPath
                hostPath: /dev/dri
            docs:
              path: /
              socketName: containerd.sock
            sidecar:
              enabled: false
              hostPID: true
      `,
    },
    {
      name: 'HelmRelease of another group, and Argo CD values that are not valid YAML',
      code: yaml`
        apiVersion: example.com/v1
        kind: HelmRelease
        metadata:
          name: other
        spec:
          values:
            privileged: true
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: broken
        spec:
          source:
            chart: web
            helm:
              values: |
                securityContext: { privileged: true
                hostPID: true
      `,
    },
    {
      name: 'Argo CD reads only the sources it uses: sources wins over source',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: multi
        spec:
          source:
            chart: ignored
            helm:
              valuesObject: { hostPID: true }
          sources:
            - chart: web
              helm:
                valuesObject: { hostPID: false }
      `,
    },
  ],
  invalid: [
    {
      name: 'Flux HelmRelease values, at each setting',
      code: FLUX_VALUES,
      errors: [
        { line: 12, column: 5, object: 'HelmRelease monitoring/agent', path: 'spec.values.hostNetwork', message: 'values for chart "node-agent" set hostNetwork: true' },
        { line: 15, column: 9, object: 'HelmRelease monitoring/agent', path: 'spec.values.agent.securityContext.privileged' },
        { line: 16, column: 9, object: 'HelmRelease monitoring/agent', path: 'spec.values.agent.securityContext.runAsUser' },
        { line: 18, column: 37, object: 'HelmRelease monitoring/agent', path: 'spec.values.agent.securityContext.capabilities.add[1]', message: 'capabilities.add[1]: "CAP_SYS_ADMIN"' },
        {
          line: 22,
          column: 9,
          object: 'HelmRelease monitoring/agent',
          path: 'spec.values.persistence.containerd.hostPath',
          message: 'persistence.containerd.hostPath: "/run/containerd/containerd.sock" (the containerd socket',
        },
        { line: 25, column: 11, object: 'HelmRelease monitoring/agent', path: 'spec.values.persistence.root.hostPath.path', message: "root filesystem" },
      ],
    },
    {
      name: 'a runtime socket under any key, with the chart named by chartRef',
      code: yaml`
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: spegel
        spec:
          chartRef:
            kind: OCIRepository
            name: spegel
          values:
            spegel:
              containerdSock: /run/containerd/containerd.sock
              extraMounts: ["unix:///var/run/crio/crio.sock"]
      `,
      errors: [
        {
          line: 11,
          column: 7,
          object: 'HelmRelease spegel',
          path: 'spec.values.spegel.containerdSock',
          message: 'values for the chart of OCIRepository "spegel" set spegel.containerdSock: "/run/containerd/containerd.sock"',
        },
        { line: 12, column: 21, object: 'HelmRelease spegel', path: 'spec.values.spegel.extraMounts[0]', message: 'the crio socket' },
      ],
    },
    {
      name: 'Argo CD valuesObject of a multi-source Application and of an ApplicationSet template',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: ingress
        spec:
          sources:
            - repoURL: https://github.com/example/charts
              path: charts/ingress
              helm:
                valuesObject:
                  controller:
                    hostNetwork: true
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: agents
        spec:
          template:
            spec:
              source:
                chart: agent
                helm:
                  valuesObject:
                    pod: { hostIPC: true }
      `,
      errors: [
        { line: 12, column: 13, object: 'Application ingress', path: 'spec.sources[0].helm.valuesObject.controller.hostNetwork', message: 'values for the chart at path "charts/ingress"' },
        { line: 25, column: 20, object: 'ApplicationSet agents', path: 'spec.template.spec.source.helm.valuesObject.pod.hostIPC', message: 'values for chart "agent" set pod.hostIPC: true' },
      ],
    },
    {
      name: 'Argo CD values as a literal block: exact lines and columns inside the string',
      code: ARGO_BLOCK,
      errors: [
        { line: 19, column: 13, object: 'Application argocd/cache', path: 'spec.source.helm.values.master.podSecurityContext.runAsUser' },
        { line: 20, column: 39, object: 'Application argocd/cache', path: 'spec.source.helm.values.master.containerSecurityContext.allowPrivilegeEscalation' },
        { line: 24, column: 15, object: 'Application argocd/cache', path: 'spec.source.helm.values.volumes[0].hostPath.path', message: 'the docker socket' },
      ],
    },
    {
      name: 'the same literal block in a file with CRLF line ends',
      code: ARGO_BLOCK.replace(/\n/g, '\r\n'),
      errors: [
        { line: 19, column: 13, object: 'Application argocd/cache', path: 'spec.source.helm.values.master.podSecurityContext.runAsUser' },
        { line: 20, column: 39, object: 'Application argocd/cache', path: 'spec.source.helm.values.master.containerSecurityContext.allowPrivilegeEscalation' },
        { line: 24, column: 15, object: 'Application argocd/cache', path: 'spec.source.helm.values.volumes[0].hostPath.path' },
      ],
    },
    {
      name: 'Argo CD values with an indentation indicator, strip chomping and more-indented lines',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: deep
        spec:
          source:
            chart: deep
            helm:
              values: |2-
                    a:
                      b:
                        c: { hostPID: true }
      `,
      errors: [{ line: 12, column: 22, object: 'Application deep', path: 'spec.source.helm.values.a.b.c.hostPID' }],
    },
    {
      name: 'Argo CD values on one line: exact without escapes, else at the values key',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: quoted
        spec:
          sources:
            - chart: plain
              helm:
                values: '{securityContext: {privileged: true}}'
            - chart: escaped
              helm:
                values: "securityContext:\\n  privileged: true\\n"
            - chart: folded
              helm:
                values: >
                  {securityContext:
                  {privileged: true}}
      `,
      errors: [
        { line: 9, column: 37, object: 'Application quoted', path: 'spec.sources[0].helm.values.securityContext.privileged' },
        { line: 12, column: 9, object: 'Application quoted', path: 'spec.sources[1].helm.values.securityContext.privileged', message: 'values for chart "escaped"' },
        { line: 15, column: 9, object: 'Application quoted', path: 'spec.sources[2].helm.values.securityContext.privileged' },
      ],
    },
  ],
});

describe('chart-values-insecure severities', () => {
  test('errors for ways to root on the node, warnings for the rest', async () => {
    const findings = await runRule(chartValuesInsecure, { name: 'severities', code: FLUX_VALUES });
    expect(findings.map((finding) => `${finding.path} ${finding.severity}`)).toEqual([
      'spec.values.hostNetwork error',
      'spec.values.agent.securityContext.privileged error',
      'spec.values.agent.securityContext.runAsUser warning',
      'spec.values.agent.securityContext.capabilities.add[1] warning',
      'spec.values.persistence.containerd.hostPath error',
      'spec.values.persistence.root.hostPath.path error',
    ]);
  });
});
