import { fluxInsecureSource } from '../../../src/rules/gitops/flux-insecure-source';
import { testRule, yaml } from '../../rule-tester';

testRule(fluxInsecureSource, {
  valid: [
    {
      name: 'HTTPS, SSH and OCI sources over TLS',
      code: yaml`
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: GitRepository
        metadata:
          name: apps
          namespace: flux-system
        spec:
          interval: 5m
          url: ssh://git@github.com/example/apps.git
          ref: { branch: main }
        ---
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: HelmRepository
        metadata:
          name: charts
          namespace: flux-system
        spec:
          interval: 1h
          url: https://charts.example.com
        ---
        apiVersion: source.toolkit.fluxcd.io/v1beta2
        kind: OCIRepository
        metadata:
          name: manifests
          namespace: flux-system
        spec:
          interval: 5m
          url: oci://ghcr.io/example/manifests
          insecure: false
        ---
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: Bucket
        metadata:
          name: artifacts
          namespace: flux-system
        spec:
          interval: 5m
          bucketName: artifacts
          endpoint: minio.storage:9000
      `,
    },
    {
      name: 'other API groups and other Flux kinds are not sources',
      code: yaml`
        apiVersion: source.example.io/v1
        kind: GitRepository
        metadata:
          name: lookalike
        spec:
          url: http://git.example.com/apps.git
          insecure: true
        ---
        apiVersion: notification.toolkit.fluxcd.io/v1beta3
        kind: Provider
        metadata:
          name: webhook
        spec:
          type: generic
          address: http://hooks.internal/flux
      `,
    },
    {
      name: 'hostile shapes do not throw',
      code: yaml`
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: GitRepository
        metadata: null
        spec: []
        ---
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: HelmRepository
        metadata:
          name: odd
        spec:
          url: [http://charts.internal]
          insecure: "true"
        ---
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: Bucket
        metadata:
          name: odd
        spec: null
      `,
    },
  ],
  invalid: [
    {
      name: 'plain HTTP URLs and endpoints, and insecure: true, on every source kind',
      code: yaml`
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: GitRepository
        metadata:
          name: apps
          namespace: flux-system
        spec:
          interval: 5m
          url: http://git.example.com/org/apps.git
          ref:
            branch: main
        ---
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: HelmRepository
        metadata:
          name: charts
          namespace: flux-system
        spec:
          interval: 1h
          url: HTTP://charts.internal:8080
        ---
        apiVersion: source.toolkit.fluxcd.io/v1beta2
        kind: OCIRepository
        metadata:
          name: manifests
          namespace: flux-system
        spec:
          interval: 5m
          url: oci://registry.internal:5000/manifests
          insecure: true
          ref: { tag: "1.0.0" }
        ---
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: Bucket
        metadata:
          name: artifacts
          namespace: flux-system
        spec:
          interval: 5m
          bucketName: artifacts
          endpoint: http://minio.storage:9000
          insecure: true
      `,
      errors: [
        { line: 8, column: 3, object: 'GitRepository flux-system/apps', path: 'spec.url', message: 'url "http://git.example.com/org/apps.git" of GitRepository "apps" is fetched over plain HTTP' },
        { line: 19, column: 3, object: 'HelmRepository flux-system/charts', path: 'spec.url' },
        { line: 29, column: 3, object: 'OCIRepository flux-system/manifests', path: 'spec.insecure', message: 'insecure: true lets OCIRepository "manifests" be fetched without TLS' },
        { line: 40, column: 3, object: 'Bucket flux-system/artifacts', path: 'spec.endpoint', message: 'endpoint "http://minio.storage:9000"' },
        { line: 41, column: 3, object: 'Bucket flux-system/artifacts', path: 'spec.insecure' },
      ],
    },
    {
      name: 'an OCI HelmRepository in flow style',
      code: yaml`
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: HelmRepository
        metadata:
          name: oci-charts
        spec: { type: oci, url: "oci://registry.internal/charts", insecure: true }
      `,
      errors: [{ line: 5, column: 59, object: 'HelmRepository oci-charts', path: 'spec.insecure' }],
    },
    {
      name: 'credentials written in a URL or endpoint are masked in the message',
      code: yaml`
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: GitRepository
        metadata:
          name: apps
        spec:
          url: http://deploy:Zq7FluxPassword@git.example.com/org/apps.git
        ---
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: HelmRepository
        metadata:
          name: charts
        spec:
          url: http://Zq7TokenAsUser@charts.example.com/index.yaml?token=Zq7QueryToken&channel=stable
        ---
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: Bucket
        metadata:
          name: artifacts
        spec:
          bucketName: artifacts
          endpoint: http://minio:Zq7Bucket/Password@minio.storage:9000
      `,
      errors: [
        { line: 6, column: 3, object: 'GitRepository apps', path: 'spec.url', message: 'url "http://***@git.example.com/org/apps.git" of GitRepository "apps" is fetched over plain HTTP' },
        { line: 13, column: 3, object: 'HelmRepository charts', path: 'spec.url', message: 'url "http://***@charts.example.com/index.yaml?token=***&channel=stable" of HelmRepository "charts"' },
        { line: 21, column: 3, object: 'Bucket artifacts', path: 'spec.endpoint', message: 'endpoint "http://***@minio.storage:9000" of Bucket "artifacts"' },
      ],
    },
  ],
});
