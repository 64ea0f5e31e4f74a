import { secretAsEnvVar } from '../../../src/rules/secrets/secret-as-env-var';
import { testRule, yaml } from '../../rule-tester';

const P = 'spec.template.spec';

testRule(secretAsEnvVar, {
  valid: [
    {
      name: 'Secret mounted as a volume; ConfigMap, fieldRef and literal env vars',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
                - name: app
                  env:
                    - name: DB_PASSWORD_FILE
                      value: /var/run/secrets/db/password
                    - name: MODE
                      valueFrom:
                        configMapKeyRef: { name: settings, key: mode }
                    - name: POD_NAME
                      valueFrom:
                        fieldRef: { fieldPath: metadata.name }
                  envFrom:
                    - configMapRef: { name: settings }
                  volumeMounts:
                    - name: db
                      mountPath: /var/run/secrets/db
              volumes:
                - name: db
                  secret: { secretName: db }
      `,
    },
  ],
  invalid: [
    {
      name: 'secretKeyRef and envFrom secretRef, in init and regular containers',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
          namespace: data
        spec:
          template:
            spec:
              initContainers:
                - name: init
                  envFrom:
                    - configMapRef: { name: settings }
                    - secretRef:
                        name: db-env
              containers:
                - name: postgres
                  env:
                    - name: POSTGRES_USER
                      value: app
                    - name: POSTGRES_PASSWORD
                      valueFrom:
                        secretKeyRef:
                          name: db
                          key: password
                    - name: MODE
                      valueFrom:
                        configMapKeyRef: { name: settings, key: mode }
                  envFrom:
                    - prefix: DB_
                      secretRef: { name: db-extra, optional: true }
      `,
      errors: [
        { line: 13, column: 15, object: 'StatefulSet data/db', path: `${P}.initContainers[0].envFrom[1].secretRef`, message: 'init container "init" loads every key of Secret "db-env" as env vars' },
        { line: 22, column: 17, object: 'StatefulSet data/db', path: `${P}.containers[0].env[1].valueFrom.secretKeyRef`, message: 'env var "POSTGRES_PASSWORD" of container "postgres" reads key "password" of Secret "db"' },
        { line: 30, column: 15, object: 'StatefulSet data/db', path: `${P}.containers[0].envFrom[0].secretRef`, message: 'container "postgres" loads every key of Secret "db-extra"' },
      ],
    },
    {
      name: 'hostile shapes do not throw; references without names are reported with placeholders',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: odd
        spec:
          containers:
            - name: a
              env:
                - name: X
                  valueFrom: "secretKeyRef"
                - name: Y
                  valueFrom:
                    secretKeyRef: [db, password]
                - valueFrom:
                    secretKeyRef: {}
              envFrom: { secretRef: { name: nope } }
            - name: b
              envFrom:
                - null
                - secretRef: "db"
                - secretRef:
                    name: [x]
      `,
      errors: [
        { line: 15, column: 13, object: 'Pod odd', path: 'spec.containers[0].env[2].valueFrom.secretKeyRef', message: 'env var "env[2]" of container "a" reads key "<no key>" of Secret "<unnamed>"' },
        { line: 21, column: 11, object: 'Pod odd', path: 'spec.containers[1].envFrom[2].secretRef', message: 'container "b" loads every key of Secret "<unnamed>"' },
      ],
    },
  ],
});
