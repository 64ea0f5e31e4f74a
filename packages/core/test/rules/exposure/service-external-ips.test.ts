import { serviceExternalIps } from '../../../src/rules/exposure/service-external-ips';
import { testRule, yaml } from '../../rule-tester';

testRule(serviceExternalIps, {
  valid: [
    {
      name: 'no externalIPs, or an empty list',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: { name: a, namespace: shop }
        spec:
          selector: { app: web }
          ports: [{ port: 80 }]
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: b, namespace: shop }
        spec:
          externalIPs: []
      `,
    },
    {
      name: 'other API versions and hostile shapes',
      code: yaml`
        apiVersion: example.com/v1
        kind: Service
        metadata: { name: custom }
        spec: { externalIPs: [1.2.3.4] }
        ---
        apiVersion: v1
        kind: Service
        metadata: null
        spec: []
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: x }
        spec: { externalIPs: "1.2.3.4" }
      `,
    },
  ],
  invalid: [
    {
      name: 'every entry is reported',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: dns
          namespace: kube-system
        spec:
          selector: { app: fake-dns }
          ports: [{ port: 53, protocol: UDP }]
          externalIPs:
            - 8.8.8.8
            - "2001:4860:4860::8888"
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: odd }
        spec: { externalIPs: [{ ip: 1.1.1.1 }] }
      `,
      errors: [
        { line: 10, column: 7, object: 'Service kube-system/dns', path: 'spec.externalIPs[0]', message: 'Service "dns" claims external IP 8.8.8.8' },
        { line: 11, column: 7, object: 'Service kube-system/dns', path: 'spec.externalIPs[1]', message: 'external IP 2001:4860:4860::8888' },
        { line: 16, column: 25, object: 'Service odd', path: 'spec.externalIPs[0]', message: 'external IP <invalid>' },
      ],
    },
  ],
});
