import { looksLikeCredential } from '../../../src/text/credential-name';
import { secretInEnvLiteral } from '../../../src/rules/secrets/secret-in-env-literal';
import { runRule, testRule, yaml } from '../../rule-tester';

const P = 'spec.template.spec';
const C = 'spec.jobTemplate.spec.template.spec.containers[0]';

testRule(secretInEnvLiteral, {
  valid: [
    {
      name: 'secretKeyRef, names about a credential, flags, references, placeholders, empty values and plain names',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: fine
          namespace: shop
        spec:
          containers:
            - name: app
              env:
                - name: DB_PASSWORD
                  valueFrom:
                    secretKeyRef: { name: db, key: password }
                - name: DB_PASSWORD_FILE
                  value: /run/secrets/db/password
                - name: TOKEN_TTL
                  value: "3600"
                - name: JWT_SECRET_NAME
                  value: jwt
                - name: PRIVATE_KEY_PATH
                  value: /keys/tls.key
                - name: SECRET_REF
                  value: vault/db
                - name: PWD
                  value: /app
                - name: ENABLE_TOKEN_AUTH
                  value: "true"
                - name: ADMIN_PASSWORD
                  value: ""
                - name: DATABASE_PASSWORD
                  value: $(DB_PASSWORD)
                - name: API_TOKEN
                  value: \${API_TOKEN}
                - name: KEYCLOAK_SECRET
                  value: <changeme>
                - name: USERNAME
                  value: admin
                - name: SSH_KEY_TYPE
                  value: ed25519
                - name: PASSWORD_MIN_LENGTH
                  value: "12"
      `,
    },
  ],
  invalid: [
    {
      name: 'init, regular and ephemeral containers; camelCase, dashes, dots, _PWD and numbers',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: shop
        spec:
          template:
            spec:
              initContainers:
                - name: migrate
                  env:
                    - name: DB_PASSWORD
                      value: hunter2
              containers:
                - name: app
                  env:
                    - name: LOG_LEVEL
                      value: debug
                    - name: dbPassword
                      value: "s3cr3t"
                    - name: stripe-api-key
                      value: sk_live_123
                    - name: AWS_SECRET_ACCESS_KEY
                      value: wJalrXUtnFEMI
                    - name: SMTP_PWD
                      value: 123456
                    - name: GITHUB_TOKEN
                      valueFrom:
                        secretKeyRef: { name: gh, key: token }
              ephemeralContainers:
                - name: debug
                  env: [{ name: client.secret, value: abc }]
      `,
      errors: [
        { line: 13, column: 15, object: 'Deployment shop/api', path: `${P}.initContainers[0].env[0].value`, message: 'env var "DB_PASSWORD" of init container "migrate" has a literal value' },
        { line: 20, column: 15, object: 'Deployment shop/api', path: `${P}.containers[0].env[1].value`, message: 'env var "dbPassword" of container "app"' },
        { line: 22, column: 15, object: 'Deployment shop/api', path: `${P}.containers[0].env[2].value`, message: 'env var "stripe-api-key"' },
        { line: 24, column: 15, object: 'Deployment shop/api', path: `${P}.containers[0].env[3].value`, message: 'env var "AWS_SECRET_ACCESS_KEY"' },
        { line: 26, column: 15, object: 'Deployment shop/api', path: `${P}.containers[0].env[4].value`, message: 'env var "SMTP_PWD"' },
        { line: 32, column: 40, object: 'Deployment shop/api', path: `${P}.ephemeralContainers[0].env[0].value`, message: 'env var "client.secret" of ephemeral container "debug"' },
      ],
    },
    {
      name: 'CronJob: case-insensitive ACCESS_KEY, CREDENTIALS, PRIVATE-KEY',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: backup
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                    - name: backup
                      env:
                        - name: Access_Key
                          value: AKIAEXAMPLE
                        - name: REGISTRY_CREDENTIALS
                          value: '{"auths":{}}'
                        - name: Private-Key
                          value: "-----BEGIN KEY-----"
      `,
      errors: [
        { line: 15, column: 19, object: 'CronJob backup', path: `${C}.env[0].value`, message: 'env var "Access_Key"' },
        { line: 17, column: 19, object: 'CronJob backup', path: `${C}.env[1].value`, message: 'env var "REGISTRY_CREDENTIALS"' },
        { line: 19, column: 19, object: 'CronJob backup', path: `${C}.env[2].value`, message: 'env var "Private-Key"' },
      ],
    },
    {
      name: 'hostile shapes do not throw: env as a string, odd entries, names and values of the wrong type',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: odd
        spec:
          containers:
            - name: a
              env: "PASSWORD=x"
            - name: b
              env:
                - null
                - 7
                - name: [PASSWORD]
                  value: x
                - name: TOKEN
                  value: { nested: true }
                - name: SECRET
                  value: [a, b]
            - just-a-string
          initContainers: { not: a-list }
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: numbered
        spec:
          containers:
            - name: c
              env:
                - value: no-name
                - name: 42
                  value: x
                - name: PASSWORD
                  value: 0
      `,
      errors: [{ line: 34, column: 11, object: 'Pod numbered', path: 'spec.containers[0].env[2].value', message: 'env var "PASSWORD" of container "c"' }],
    },
  ],
});

test('secret-in-env-literal never prints a value', async () => {
  const code = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: api
      namespace: shop
    spec:
      template:
        spec:
          initContainers:
            - name: migrate
              env:
                - name: DB_PASSWORD
                  value: hunter2
          containers:
            - name: app
              env:
                - name: LOG_LEVEL
                  value: debug
                - name: dbPassword
                  value: "s3cr3t"
                - name: stripe-api-key
                  value: sk_live_123
                - name: AWS_SECRET_ACCESS_KEY
                  value: wJalrXUtnFEMI
                - name: SMTP_PWD
                  value: 123456
                - name: GITHUB_TOKEN
                  valueFrom:
                    secretKeyRef: { name: gh, key: token }
          ephemeralContainers:
            - name: debug
              env: [{ name: client.secret, value: abc }]
  `;
  const findings = await runRule(secretInEnvLiteral, { name: 'values', code });
  expect(findings).toHaveLength(6);
  for (const finding of findings) {
    // Nothing of a finding (message, path, object) holds a value.
    const text = JSON.stringify(finding);
    for (const value of ['hunter2', 's3cr3t', 'sk_live_123', 'wJalrXUtnFEMI', '123456', 'abc']) expect(text).not.toContain(value);
  }
});

describe('looksLikeCredential', () => {
  test.each([
    'PASSWORD', 'DB_PASSWORD', 'db-password', 'dbPassword', 'MYSQL_ROOTPASSWORD', 'LDAP_PASSWD', 'DB_PWD', 'GITHUB_TOKEN', 'authToken',
    'CLIENT_SECRET', 'client.secret', 'API_KEY', 'apiKey', 'X_APIKEY', 'AWS_ACCESS_KEY_ID', 'ACCESS-KEY', 'SSH_PRIVATE_KEY',
    'GOOGLE_APPLICATION_CREDENTIALS', 'REGISTRY_CREDENTIAL', 'TOKEN_SECRET',
  ])('%s is a credential', (name) => {
    expect(looksLikeCredential(name)).toBe(true);
  });

  test.each([
    'PWD', 'USERNAME', 'HOME', 'PASS_THROUGH', 'KEY', 'SSH_KEY', 'MONKEY_COUNT', 'TOKEN_FILE', 'DB_PASSWORD_FILE', 'JWT_SECRET_NAME',
    'PRIVATE_KEY_PATH', 'API_KEY_FILE', 'SECRET_REF', 'SECRETS_DIR', 'TOKEN_URL', 'TOKEN_TTL', 'PASSWORD_MIN_LENGTH', '', '___',
  ])('%s is not a credential', (name) => {
    expect(looksLikeCredential(name)).toBe(false);
  });
});
