import { nodeportService } from '../../../src/rules/exposure/nodeport-service';
import { testRule, yaml } from '../../rule-tester';

testRule(nodeportService, {
  valid: [
    {
      name: 'ClusterIP, LoadBalancer, ExternalName and no type',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: { name: a }
        spec: { type: ClusterIP, ports: [{ port: 80 }] }
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: b }
        spec:
          type: LoadBalancer
          loadBalancerSourceRanges: [10.0.0.0/8]
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: c }
        spec: { type: ExternalName, externalName: db.example.com }
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: d }
        spec:
          ports: [{ port: 80 }]
      `,
    },
    {
      name: 'other API versions and hostile shapes',
      code: yaml`
        apiVersion: serving.knative.dev/v1
        kind: Service
        metadata: { name: knative }
        spec: { type: NodePort }
        ---
        apiVersion: v1
        kind: Service
        metadata: null
        spec: []
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: x }
        spec: { type: [NodePort] }
      `,
    },
  ],
  invalid: [
    {
      name: 'type NodePort, block and flow style',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: shop
        spec:
          selector: { app: web }
          type: NodePort
          ports:
            - port: 80
              nodePort: 30080
        ---
        {apiVersion: v1, kind: Service, metadata: {name: api}, spec: {type: NodePort, ports: [{port: 8080}]}}
      `,
      errors: [
        { line: 8, column: 3, object: 'Service shop/web', path: 'spec.type', message: 'Service "web" has type NodePort, which opens its ports on every node' },
        { line: 13, column: 63, object: 'Service api', path: 'spec.type', message: 'Service "api" has type NodePort' },
      ],
    },
  ],
});
