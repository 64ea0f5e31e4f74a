import { EMPTY_CONFIG, lint } from '../../../src';
import { automountServiceAccountToken } from '../../../src/rules/service-accounts/automount-service-account-token';
import { makeTree } from '../../helpers';
import { testRule, yaml } from '../../rule-tester';

const FIELD = 'spec.template.spec.automountServiceAccountToken';

testRule(automountServiceAccountToken, {
  valid: [
    {
      name: 'multi-document: the ServiceAccount (also through the deprecated serviceAccount field) or the pod spec turns it off',
      code: yaml`
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: web
          namespace: shop
        automountServiceAccountToken: false
        ---
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
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: legacy
          namespace: shop
        spec:
          template:
            spec:
              serviceAccount: web
              containers:
                - name: app
                  image: legacy:1
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: standalone
          namespace: elsewhere
        spec:
          automountServiceAccountToken: false
          containers:
            - name: app
              image: app:1
      `,
    },
    {
      name: 'objects without namespace meet in defaultNamespace; YAML 1.1 "no" is false',
      defaultNamespace: 'team',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: report
        spec:
          schedule: "@daily"
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                    - name: report
                      image: report:1
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: default
        automountServiceAccountToken: no
      `,
    },
  ],
  invalid: [
    {
      name: 'multi-document: pod-level true wins, ServiceAccount with true, same name in another namespace, default ServiceAccount',
      code: yaml`
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: web
          namespace: shop
        automountServiceAccountToken: false
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: api
          namespace: shop
        automountServiceAccountToken: true
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            spec:
              serviceAccountName: web
              automountServiceAccountToken: true
              containers:
                - name: app
                  image: web:1
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: shop
        spec:
          template:
            spec:
              serviceAccountName: api
              containers:
                - name: app
                  image: api:1
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: other
        spec:
          template:
            metadata:
              labels: { app: web }
            spec:
              serviceAccountName: web
              containers:
                - name: app
                  image: web:1
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: debug
        spec:
          containers:
            - name: shell
              image: busybox:1.36
      `,
      errors: [
        { line: 24, column: 7, object: 'Deployment shop/web', path: FIELD, message: 'pods of Deployment "web" mount a service account token: automountServiceAccountToken is true' },
        { line: 36, column: 5, object: 'Deployment shop/api', path: FIELD, message: 'token of ServiceAccount "api": neither the pod spec nor that ServiceAccount in namespace "shop"' },
        { line: 51, column: 5, object: 'Deployment other/web', path: FIELD, message: 'ServiceAccount "web": neither the pod spec nor that ServiceAccount in namespace "other"' },
        { line: 61, column: 1, object: 'Pod debug', path: 'spec.automountServiceAccountToken', message: 'pods of Pod "debug" mount a token of ServiceAccount "default"' },
      ],
    },
    {
      name: 'hostile shapes do not throw; strings are not booleans',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: broken
        spec: [not, a, map]
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: odd
        spec: "just text"
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: [x]
        automountServiceAccountToken: false
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: default
        automountServiceAccountToken: "false"
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: stringly
        spec:
          serviceAccountName: { name: default }
          automountServiceAccountToken: "false"
          containers: []
      `,
      errors: [
        { line: 11, column: 1, object: 'Pod odd', path: 'spec.automountServiceAccountToken', message: 'ServiceAccount "default"' },
        { line: 30, column: 3, object: 'Pod stringly', path: 'spec.automountServiceAccountToken', message: 'ServiceAccount "default"' },
      ],
    },
  ],
});

test('automount-service-account-token: ServiceAccounts in other files of the run count', async () => {
  const cwd = makeTree({
    'base/service-accounts.yaml': yaml`
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: web
        namespace: shop
      automountServiceAccountToken: false
    `,
    'apps/web.yaml': yaml`
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
    `,
    'apps/migrate.yaml': yaml`
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: migrate
        namespace: shop
      spec:
        template:
          spec:
            restartPolicy: Never
            containers:
              - name: migrate
                image: migrate:1
    `,
    'staging/web.yaml': yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: staging
      spec:
        template:
          spec:
            serviceAccountName: web
            containers:
              - name: app
                image: web:1
    `,
  });
  // The strict preset reports pods that leave the field unset.
  const config = { ...EMPTY_CONFIG, extends: ['strict' as const], rules: { [automountServiceAccountToken.meta.id]: { severity: 'warning' as const } } };
  const result = await lint({ paths: ['.'], cwd, config, rules: [automountServiceAccountToken] });
  expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.object?.kind ?? ''} ${f.object?.namespace ?? ''}/${f.object?.name ?? ''} ${f.path}`)).toEqual([
    `apps/migrate.yaml:8:5 Job shop/migrate ${FIELD}`,
    `staging/web.yaml:8:5 Deployment staging/web ${FIELD}`,
  ]);
  expect(result.summary.objects).toBe(4);
});
