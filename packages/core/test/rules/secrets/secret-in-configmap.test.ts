import { secretInConfigmap } from '../../../src/rules/secrets/secret-in-configmap';
import { testRule, yaml } from '../../rule-tester';

// Assembled at run time so that secret scanners do not flag this file.
const PRIVATE_KEY = ['-----BEGIN', 'RSA PRIVATE KEY-----'].join(' ');

testRule(secretInConfigmap, {
  valid: [
    {
      name: 'ordinary settings, empty and flag values, placeholders, file paths, a Secret',
      code: yaml`
        apiVersion: v1
        kind: ConfigMap
        metadata: { name: settings }
        data:
          mode: production
          DB_PASSWORD: ""
          ENABLE_TOKEN_AUTH: "true"
          API_TOKEN: \${API_TOKEN}
          GOOGLE_APPLICATION_CREDENTIALS: /var/secrets/google/key.json
          TOKEN_FILE: /run/token
        ---
        apiVersion: v1
        kind: Secret
        metadata: { name: s }
        stringData:
          password: hunter2
      `,
    },
  ],
  invalid: [
    {
      name: 'credential-named keys with values, cloud key names, a private key under any key',
      code: yaml`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: app
          namespace: shop
        data:
          db_password: hunter2
          AZURE_BATCH_KEY: abc123
          OCI_CLI_KEY_CONTENT: xyz
          Authorization-Bearer: abc
          cert.pem: |
            ${PRIVATE_KEY}
            xxxx
      `,
      errors: [
        { line: 7, column: 3, object: 'ConfigMap shop/app', path: 'data.db_password', message: 'key "db_password" of ConfigMap "app" looks like a credential and has a value' },
        { line: 8, column: 3, object: 'ConfigMap shop/app', path: 'data.AZURE_BATCH_KEY' },
        { line: 9, column: 3, object: 'ConfigMap shop/app', path: 'data.OCI_CLI_KEY_CONTENT' },
        { line: 10, column: 3, object: 'ConfigMap shop/app', path: 'data.Authorization-Bearer' },
        { line: 11, column: 3, object: 'ConfigMap shop/app', path: 'data["cert.pem"]', message: 'key "cert.pem" of ConfigMap "app" holds a private key' },
      ],
    },
  ],
});
