import { defaultServiceAccount } from '../../../src/rules/service-accounts/default-service-account';
import { testRule, yaml } from '../../rule-tester';

testRule(defaultServiceAccount, {
  valid: [
    {
      name: 'a named ServiceAccount, also through the deprecated serviceAccount field',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            spec:
              serviceAccountName: web
              containers:
                - name: app
                  image: web:1
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: legacy
        spec:
          serviceAccount: legacy
          containers:
            - name: app
              image: legacy:1
      `,
    },
  ],
  invalid: [
    {
      name: 'no ServiceAccount named, default named explicitly, default through the deprecated field',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            metadata:
              labels: { app: web }
            spec:
              containers:
                - name: app
                  image: web:1
        ---
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: explicit
          namespace: shop
        spec:
          template:
            spec:
              serviceAccountName: default
              containers:
                - name: job
                  image: job:1
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: deprecated
        spec:
          serviceAccountName: ""
          serviceAccount: default
          containers:
            - name: app
              image: app:1
      `,
      errors: [
        { line: 10, column: 5, object: 'Deployment shop/web', path: 'spec.template.spec.serviceAccountName', message: 'pod spec of Deployment "web" names no ServiceAccount, so it uses the default ServiceAccount of namespace "shop"' },
        { line: 23, column: 7, object: 'Job shop/explicit', path: 'spec.template.spec.serviceAccountName', message: 'pod spec of Job "explicit" names the default ServiceAccount of namespace "shop"' },
        { line: 34, column: 3, object: 'Pod deprecated', path: 'spec.serviceAccount', message: 'names the default ServiceAccount of the unset namespace of standard input' },
      ],
    },
    {
      name: 'hostile shapes do not throw: names of the wrong type mean default',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: odd
        spec:
          serviceAccountName: [web]
          serviceAccount: 42
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: broken
        spec:
          template: "not a map"
      `,
      errors: [{ line: 6, column: 3, object: 'Pod odd', path: 'spec.serviceAccountName', message: 'names no ServiceAccount' }],
    },
    {
      name: 'defaultNamespace names the namespace of objects without one',
      defaultNamespace: 'team',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
            - name: app
              image: app:1
      `,
      errors: [{ line: 5, column: 1, object: 'Pod team/p', path: 'spec.serviceAccountName', message: 'namespace "team"' }],
    },
  ],
});
