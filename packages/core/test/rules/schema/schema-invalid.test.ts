import { EMPTY_CONFIG, lint } from '../../../src';
import { schemaInvalid } from '../../../src/rules/schema/schema-invalid';
import { testRule, yaml } from '../../rule-tester';

const CRD = yaml`
  apiVersion: apiextensions.k8s.io/v1
  kind: CustomResourceDefinition
  metadata:
    name: widgets.example.com
  spec:
    group: example.com
    names: { kind: Widget, plural: widgets }
    scope: Namespaced
    versions:
      - name: v1
        served: true
        storage: true
        schema:
          openAPIV3Schema:
            type: object
            properties:
              spec:
                type: object
                required: [size]
                properties:
                  size: { type: integer }
                  port: { x-kubernetes-int-or-string: true }
                  extra: { type: object, x-kubernetes-preserve-unknown-fields: true }
`;

testRule(schemaInvalid, {
  valid: [
    {
      name: 'a correct Deployment with quantities, int-or-string, status and nulls',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          creationTimestamp: null
        spec:
          selector: { matchLabels: { app: web } }
          template:
            metadata: { labels: { app: web } }
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  resources: { limits: { cpu: 1, memory: 512Mi }, requests: { cpu: 100m } }
                  livenessProbe: { httpGet: { port: http, path: / } }
                  env: null
        status: { replicas: 1 }
      `,
    },
    { name: 'a Service with a numeric targetPort', code: yaml`
        apiVersion: v1
        kind: Service
        metadata: { name: web }
        spec: { ports: [{ port: 80, targetPort: 8080 }] }
      ` },
    { name: 'a custom resource valid under its CRD', code: `${CRD}---\n${yaml`
        apiVersion: example.com/v1
        kind: Widget
        metadata: { name: w }
        spec: { size: 3, port: http, extra: { anything: [1, 2] } }
      `}` },
    { name: 'a kustomize patch with $patch and a Flux-substituted quantity', code: yaml`
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: { name: data }
        $patch: replace
        spec: { resources: { requests: { storage: "\${CAPACITY:=5Gi}" } } }
      ` },
  ],
  invalid: [
    {
      name: 'an item of a List, and a quantity that is not one',
      code: yaml`
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: ConfigMap
            metadata: { name: c }
            data: { retries: 3 }
          - apiVersion: v1
            kind: LimitRange
            metadata: { name: l }
            spec: { limits: [{ type: Container, max: { cpu: lots } }] }
      `,
      errors: [
        { line: 7, column: 13, object: 'ConfigMap c', path: 'data.retries', message: '"retries" must be a string, not a number' },
        { line: 11, column: 48, object: 'LimitRange l', path: 'spec.limits[0].max.cpu', message: 'not a valid quantity: "lots"' },
      ],
    },
    {
      name: 'unknown field, wrong type and missing required field',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: "3"
          selector: { matchLabels: { app: web } }
          template:
            spec:
              containers:
                - image: nginx:1.27
                  securityContex: {}
      `,
      errors: [
        { line: 6, column: 3, object: 'Deployment web', path: 'spec.replicas', message: '"replicas" must be a number, not a string' },
        { line: 11, column: 11, object: 'Deployment web', path: 'spec.template.spec.containers[0]', message: 'required field "name" is missing' },
        { line: 12, column: 11, object: 'Deployment web', path: 'spec.template.spec.containers[0].securityContex', message: 'unknown field "securityContex"' },
      ],
    },
    {
      name: 'a custom resource checked against a CRD in another document',
      code: `${CRD}---\n${yaml`
        apiVersion: example.com/v1
        kind: Widget
        metadata: { name: w }
        spec: { colour: red }
      `}`,
      errors: [
        { line: 28, column: 1, object: 'Widget w', path: 'spec', message: 'required field "size" is missing' },
        { line: 28, column: 9, object: 'Widget w', path: 'spec.colour', message: 'unknown field "colour"' },
      ],
    },
  ],
});

describe('schema-invalid without a schema', () => {
  test('skips a custom resource without CRD and counts it as unvalidated', async () => {
    const code = yaml`
      apiVersion: monitoring.coreos.com/v1
      kind: ServiceMonitor
      metadata: { name: m }
      spec: { whatever: true }
    `;
    const config = { ...EMPTY_CONFIG, rules: { 'schema-invalid': { severity: 'error' as const } } };
    const result = await lint({ paths: ['-'], cwd: process.cwd(), stdinText: code, config, rules: [schemaInvalid] });
    expect(result.findings).toEqual([]);
    expect(result.summary.unvalidated).toBe(1);
    expect(Object.keys(result.summary).at(-1)).toBe('unvalidated');
  });
});
