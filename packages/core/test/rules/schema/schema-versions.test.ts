import { EMPTY_CONFIG, lint } from '../../../src';
import type { BundledSchema } from '../../../src/kubernetes-schema/bundled-schemas';
import { schemaInvalid } from '../../../src/rules/schema/schema-invalid';
import { unservedMessage } from '../../../src/kubernetes-schema/unserved-kind';
import { yaml } from '../../rule-tester';

interface Found {
  ruleId: string;
  line: number;
  column: number;
  object: string;
  path: string;
  message: string;
}

async function check(code: string, kubernetesVersion?: string): Promise<{ findings: Found[]; unvalidated: number }> {
  const config = { ...EMPTY_CONFIG, rules: { 'schema-invalid': { severity: 'error' as const } } };
  const result = await lint({ paths: ['-'], cwd: process.cwd(), stdinText: code, config, rules: [schemaInvalid], kubernetesVersion });
  const findings = result.findings.map(({ ruleId, line, column, object, path, message }) => ({ ruleId, line, column, object: `${object?.kind ?? ''} ${object?.name ?? ''}`, path, message }));
  return { findings, unvalidated: result.summary.unvalidated ?? 0 };
}

const finding = (line: number, column: number, object: string, path: string, message: string): Found => ({ ruleId: 'schema-invalid', line, column, object, path, message });

describe('schema-invalid: integers and enums', () => {
  test('integer fields reject fractions, int-or-string fields too', async () => {
    const code = yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: { name: web }
      spec:
        replicas: 1.5
        selector: { matchLabels: { app: web } }
        template:
          metadata: { labels: { app: web } }
          spec:
            containers:
              - name: web
                image: nginx:1.27
                ports:
                  - containerPort: 8080.5
                livenessProbe:
                  httpGet: { port: 80.5 }
                readinessProbe:
                  httpGet: { port: 80 }
    `;
    expect((await check(code)).findings).toEqual([
      finding(5, 3, 'Deployment web', 'spec.replicas', '"replicas" must be an integer, not 1.5'),
      finding(14, 15, 'Deployment web', 'spec.template.spec.containers[0].ports[0].containerPort', '"containerPort" must be an integer, not 8080.5'),
      finding(16, 24, 'Deployment web', 'spec.template.spec.containers[0].livenessProbe.httpGet.port', '"port" must be an integer or a string, not 80.5'),
    ]);
  });

  test('enum fields take one of their values; "" and Flux ${VARS} count as unset', async () => {
    const code = yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: p }
      spec:
        restartPolicy: Sometimes
        dnsPolicy: ""
        containers:
          - name: app
            image: nginx:1.27
            imagePullPolicy: always
            ports:
              - containerPort: 53
                protocol: tcp
              - containerPort: 54
                protocol: \${PROTOCOL}
    `;
    expect((await check(code)).findings).toEqual([
      finding(5, 3, 'Pod p', 'spec.restartPolicy', '"restartPolicy" must be one of "Always", "Never", "OnFailure", not "Sometimes"'),
      finding(10, 7, 'Pod p', 'spec.containers[0].imagePullPolicy', '"imagePullPolicy" must be one of "Always", "IfNotPresent", "Never", not "always"'),
      finding(13, 11, 'Pod p', 'spec.containers[0].ports[0].protocol', '"protocol" must be one of "SCTP", "TCP", "UDP", not "tcp"'),
    ]);
  });
});

describe('schema-invalid: the chosen Kubernetes version', () => {
  // Sidecar containers (restartPolicy on an init container) came with Kubernetes 1.28.
  const sidecar = yaml`
    apiVersion: v1
    kind: Pod
    metadata: { name: sidecar }
    spec:
      initContainers:
        - name: proxy
          image: envoyproxy/envoy:v1.31.0
          restartPolicy: Always
      containers:
        - name: app
          image: nginx:1.27
  `;

  test('a field of newer releases is unknown to an older one, and the message names the version', async () => {
    expect((await check(sidecar, '1.27')).findings).toEqual([
      finding(8, 7, 'Pod sidecar', 'spec.initContainers[0].restartPolicy', 'unknown field "restartPolicy" in "initContainers[0]" (Kubernetes v1.27)'),
    ]);
    expect((await check(sidecar, '1.33')).findings).toEqual([]);
    expect((await check(sidecar)).findings).toEqual([]);
  });

  test('a removed API is reported on its apiVersion, with the release that removed it and the replacement', async () => {
    const psp = yaml`
      apiVersion: policy/v1beta1
      kind: PodSecurityPolicy
      metadata: { name: restricted }
      spec: { privileged: false }
    `;
    expect(await check(psp)).toEqual({
      findings: [finding(1, 1, 'PodSecurityPolicy restricted', 'apiVersion', 'policy/v1beta1 PodSecurityPolicy is not served by Kubernetes v1.36: removed in v1.25, use Pod Security Admission')],
      unvalidated: 0,
    });
    const hpa = yaml`
      apiVersion: autoscaling/v2beta2
      kind: HorizontalPodAutoscaler
      metadata: { name: web }
      spec:
        scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
        minReplicas: 1
        maxReplicas: 3
    `;
    // Still served by 1.25 and checked there; gone in 1.26.
    expect(await check(hpa, '1.25')).toEqual({ findings: [], unvalidated: 0 });
    expect((await check(hpa, '1.27')).findings).toEqual([
      finding(1, 1, 'HorizontalPodAutoscaler web', 'apiVersion', 'autoscaling/v2beta2 HorizontalPodAutoscaler is not served by Kubernetes v1.27: removed in v1.26, use autoscaling/v2'),
    ]);
  });

  test('a kind of a newer release names the bundled versions that serve it', async () => {
    const claim = yaml`
      apiVersion: resource.k8s.io/v1
      kind: ResourceClaim
      metadata: { name: gpu }
      spec:
        devices:
          requests:
            - name: gpu
              exactly: { deviceClassName: gpu.example.com }
    `;
    expect((await check(claim, '1.33')).findings).toEqual([
      finding(1, 1, 'ResourceClaim gpu', 'apiVersion', 'resource.k8s.io/v1 ResourceClaim is not served by Kubernetes v1.33: it is new in a later release (served by v1.36)'),
    ]);
    expect(await check(claim, '1.36')).toEqual({ findings: [], unvalidated: 0 });
  });

  test('kinds that no bundled release knows stay unvalidated, even in built-in groups', async () => {
    const code = yaml`
      apiVersion: apps/v1
      kind: Deploymnet
      metadata: { name: typo }
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: { name: route }
    `;
    expect(await check(code, '1.25')).toEqual({ findings: [], unvalidated: 2 });
  });

  test('a kind that only older releases served says so', () => {
    const schema: BundledSchema = { source: 'test', kubernetesVersion: 'v1.36', kinds: {}, definitions: {}, unserved: { 'example.k8s.io/v1beta1/Thing': { servedIn: ['1.25', '1.27'] } } };
    expect(unservedMessage(schema, 'example.k8s.io/v1beta1', 'Thing')).toBe('example.k8s.io/v1beta1 Thing is not served by Kubernetes v1.36: it was removed after v1.27');
    expect(unservedMessage(schema, 'example.k8s.io/v1', 'Thing')).toBeUndefined();
  });
});
