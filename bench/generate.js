'use strict';
// Deterministic synthetic GitOps repositories for `pnpm bench`: realistic Deployments, Services,
// ConfigMaps, NetworkPolicies and RBAC, with comments and anchors, 3 documents per file.
const { mkdirSync, writeFileSync, existsSync } = require('node:fs');
const path = require('node:path');

/** Small seeded PRNG (mulberry32) so the same size always gives the same bytes. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function deployment(random, ns, name) {
  const hardened = random() < 0.5;
  const replicas = 1 + Math.floor(random() * 5);
  return `# Deployment ${name}: generated for benchmarks
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
  labels: &labels
    app.kubernetes.io/name: ${name}
    app.kubernetes.io/part-of: bench
spec:
  replicas: ${replicas}
  selector:
    matchLabels: *labels
  template:
    metadata:
      labels: *labels
      annotations:
        prometheus.io/scrape: "true"
    spec:
      serviceAccountName: ${name}
      securityContext:
        runAsNonRoot: ${hardened}
        seccompProfile: { type: RuntimeDefault }
      containers:
        - name: app
          image: registry.example.com/${ns}/${name}:${1 + Math.floor(random() * 9)}.${Math.floor(random() * 20)}.0
          ports:
            - containerPort: 8080
              name: http
          env:
            - name: LOG_LEVEL
              value: info
            - name: FEATURE_FLAGS
              value: "a,b,c"
          resources:
            requests: { cpu: 100m, memory: 128Mi }
            limits: { cpu: 500m, memory: 256Mi }
          readinessProbe:
            httpGet: { path: /ready, port: http }
          livenessProbe:
            httpGet: { path: /live, port: http }
          securityContext:
            allowPrivilegeEscalation: ${!hardened}
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
`;
}

function service(ns, name) {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  selector:
    app.kubernetes.io/name: ${name}
  ports:
    - name: http
      port: 80
      targetPort: http
`;
}

function configMap(random, ns, name) {
  const lines = Array.from({ length: 8 }, (_, i) => `    key${i} = ${Math.floor(random() * 1e6)}`).join('\n');
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}-config
  namespace: ${ns}
data:
  settings.ini: |
${lines}
  mode: production
`;
}

function networkPolicy(ns, name) {
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  podSelector:
    matchExpressions:
      - { key: app.kubernetes.io/name, operator: In, values: [${name}] }
  policyTypes: [Ingress]
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: ingress
      ports:
        - port: 8080
`;
}

function rbac(ns, name) {
  return `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: ${name}
  namespace: ${ns}
rules:
  - apiGroups: [""]
    resources: ["configmaps"]
    verbs: ["get", "list", "watch"]
`;
}

/**
 * Writes `files` files of 3 documents each under `dir` (once: reused when present), spread over
 * `namespaces` namespaces (1 puts every Service, workload and policy in the same namespace).
 */
function generate(dir, files, namespaces = 50) {
  const marker = path.join(dir, '.complete');
  if (existsSync(marker)) return dir;
  const random = prng(files);
  for (let i = 0; i < files; i++) {
    const ns = `team-${i % namespaces}`;
    const name = `svc-${i}`;
    const kind = i % 5;
    const docs =
      kind === 0 ? [deployment(random, ns, name), service(ns, name), configMap(random, ns, name)]
      : kind === 1 ? [deployment(random, ns, name), service(ns, name), networkPolicy(ns, name)]
      : kind === 2 ? [configMap(random, ns, name), rbac(ns, name), service(ns, name)]
      : kind === 3 ? [deployment(random, ns, name), networkPolicy(ns, name), rbac(ns, name)]
      : [deployment(random, ns, name), configMap(random, ns, name), service(ns, name)];
    const sub = path.join(dir, ns, `app-${Math.floor(i / 50)}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, `${name}.yaml`), docs.join('---\n'));
  }
  writeFileSync(marker, '');
  return dir;
}

module.exports = { generate };
