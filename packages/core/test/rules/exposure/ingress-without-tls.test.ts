import { ingressWithoutTls } from '../../../src/rules/exposure/ingress-without-tls';
import { testRule, yaml } from '../../rule-tester';

testRule(ingressWithoutTls, {
  valid: [
    {
      name: 'every host covered by an exact or wildcard TLS host (case-insensitive); rules without host',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: { name: web, namespace: shop }
        spec:
          tls:
            - hosts: [shop.example.com]
              secretName: shop-tls
            - hosts: ["*.apps.example.com", "*.example.org"]
              secretName: wildcard-tls
          rules:
            - host: Shop.Example.com
            - host: api.apps.example.com
            - host: "*.example.org"
            - http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend: { service: { name: web, port: { number: 80 } } }
      `,
    },
    {
      name: 'a TLS entry without hosts uses the controller default and covers every host',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: { name: web }
        spec:
          tls:
            - secretName: default-tls
          rules:
            - host: anything.example.com
      `,
    },
    {
      name: 'removed Ingress API versions are not checked; hostile shapes do not throw',
      code: yaml`
        apiVersion: extensions/v1beta1
        kind: Ingress
        metadata: { name: old }
        spec:
          rules: [{ host: a.example.com }]
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: null
        spec: []
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: { name: a }
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: { name: b }
        spec:
          tls: "x"
          rules: "y"
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: { name: c }
        spec:
          tls: [{ hosts: [7, null, a.example.com] }, "x"]
          rules: [null, "x", { host: 7 }, { host: a.example.com }]
      `,
    },
  ],
  invalid: [
    {
      name: 'no tls at all, or an empty list: reported at spec',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: web
          namespace: shop
        spec:
          ingressClassName: nginx
          rules:
            - host: shop.example.com
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: { name: api, namespace: shop }
        spec:
          tls: []
          defaultBackend: { service: { name: api, port: { number: 80 } } }
      `,
      errors: [
        { line: 6, column: 1, object: 'Ingress shop/web', path: 'spec', message: 'Ingress "web" has no spec.tls: it is served over plain HTTP' },
        { line: 14, column: 1, object: 'Ingress shop/api', path: 'spec', message: 'Ingress "api" has no spec.tls' },
      ],
    },
    {
      name: 'hosts not covered: another host, a wildcard two labels deep, the wildcard apex',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: web
          namespace: shop
        spec:
          tls:
            - hosts:
                - shop.example.com
                - "*.example.com"
              secretName: shop-tls
          rules:
            - host: shop.example.com
            - host: admin.example.net
            - host: a.b.example.com
            - host: example.com
            - host: api.example.com
      `,
      errors: [
        { line: 14, column: 7, object: 'Ingress shop/web', path: 'spec.rules[1].host', message: 'host "admin.example.net" of Ingress "web" is not covered by spec.tls' },
        { line: 15, column: 7, object: 'Ingress shop/web', path: 'spec.rules[2].host', message: 'host "a.b.example.com"' },
        { line: 16, column: 7, object: 'Ingress shop/web', path: 'spec.rules[3].host', message: 'host "example.com"' },
      ],
    },
    {
      name: 'flow style',
      code: yaml`
        {apiVersion: networking.k8s.io/v1, kind: Ingress, metadata: {name: x}, spec: {tls: [{hosts: [a.example.com]}], rules: [{host: b.example.com}]}}
      `,
      errors: [
        { line: 1, column: 121, object: 'Ingress x', path: 'spec.rules[0].host', message: 'host "b.example.com"' },
      ],
    },
  ],
});
