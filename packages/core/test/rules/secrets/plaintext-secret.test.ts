import { plaintextSecret } from '../../../src/rules/secrets/plaintext-secret';
import { runRule, testRule, yaml } from '../../rule-tester';

testRule(plaintextSecret, {
  valid: [
    {
      name: 'SOPS-encrypted file: top-level sops mapping (unencrypted keys such as username included)',
      code: yaml`
        apiVersion: v1
        kind: Secret
        metadata:
          name: db
          namespace: shop
        stringData:
          password: ENC[AES256_GCM,data:k2bQ,iv:AAA=,tag:BBB=,type:str]
          username: admin
        sops:
          age:
            - recipient: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p
          lastmodified: "2024-01-01T00:00:00Z"
          version: 3.8.1
      `,
    },
    {
      name: 'other kinds (SealedSecret, ExternalSecret, a Secret of another API group) and a service-account-token Secret without data',
      code: yaml`
        apiVersion: bitnami.com/v1alpha1
        kind: SealedSecret
        metadata:
          name: db
          namespace: shop
        spec:
          encryptedData:
            password: AgBy3i4OJSWK+PiTySYZZA==
        ---
        apiVersion: external-secrets.io/v1beta1
        kind: ExternalSecret
        metadata:
          name: api
        spec:
          data:
            - secretKey: token
              remoteRef: { key: prod/api, property: token }
        ---
        apiVersion: example.com/v1
        kind: Secret
        metadata:
          name: not-core
        data:
          password: c3VwZXJzZWNyZXQ=
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: build-token
          annotations:
            kubernetes.io/service-account.name: build
        type: kubernetes.io/service-account-token
      `,
    },
    {
      name: 'empty values, placeholders, secret-manager references and SOPS values without the sops mapping',
      code: yaml`
        apiVersion: v1
        kind: Secret
        metadata:
          name: placeholders
        data:
          empty: ""
          nothing: null
          flux: \${DB_PASSWORD_B64}
        stringData:
          helm: "{{ .Values.password }}"
          doc: <changeme>
          avp: <path:secret/data/db#password>
          onepassword: |-
            op://kubernetes/db/password
          vals: ref+vault://secret/db#/password
          bank-vaults: vault:secret/data/db#password
          sops-value: ENC[AES256_GCM,data:Tr7o=,iv:1=,tag:2=,type:str]
      `,
    },
  ],
  invalid: [
    {
      name: 'one finding per non-empty key of data and stringData, at the key',
      code: yaml`
        apiVersion: v1
        kind: Secret
        metadata:
          name: db
          namespace: shop
        type: Opaque
        data:
          password: c3VwZXJzZWNyZXQ=
          tls.key: LS0tLS1CRUdJTg==
          empty: ""
          nothing:
        stringData:
          api-token: "tok_live_abc123"
          pin: 1234
          blank: "   "
      `,
      errors: [
        { line: 8, column: 3, object: 'Secret shop/db', path: 'data.password', message: 'key "password" in data of Secret "db" is committed unencrypted' },
        { line: 9, column: 3, object: 'Secret shop/db', path: 'data["tls.key"]', message: 'key "tls.key" in data' },
        { line: 13, column: 3, object: 'Secret shop/db', path: 'stringData.api-token', message: 'key "api-token" in stringData' },
        { line: 14, column: 3, object: 'Secret shop/db', path: 'stringData.pin', message: 'key "pin" in stringData' },
      ],
    },
    {
      name: 'List items: a service-account-token Secret with a committed token; SOPS values are skipped',
      code: yaml`
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: Secret
            metadata:
              name: sa-token
              annotations:
                kubernetes.io/service-account.name: build
            type: kubernetes.io/service-account-token
            data:
              token: ZXlKaGJHY2lPaUpTVXpJMU5pSXNJbXRwWkNJNklpSjkuZXlKcGMzTWlPaUpyZFdKbGNtNWxkR1Z6TDNObGNuWnBZMlZoWTJOdmRXNTBJbjA=
          - apiVersion: v1
            kind: Secret
            metadata:
              name: encrypted-item
            stringData:
              password: ENC[AES256_GCM,data:Tr7o=,iv:1=,tag:2=,type:str]
      `,
      errors: [{ line: 12, column: 7, object: 'Secret sa-token', path: 'data.token', message: 'key "token"' }],
    },
    {
      name: 'hostile shapes do not throw; an empty key name and a non-mapping sops field are still reported',
      code: yaml`
        apiVersion: v1
        kind: Secret
        metadata: [not, a, map]
        data: just a string
        stringData:
          - a
          - b
        ---
        apiVersion: v1
        kind: Secret
        data: 42
        stringData:
          nested: { a: 1 }
          list: [x]
          flag: true
        ---
        apiVersion: v1
        kind: Secret
        sops: not-a-map
        metadata:
          name: tricky
        data:
          "": c2VjcmV0
      `,
      errors: [{ line: 23, column: 3, object: 'Secret tricky', path: 'data[""]', message: 'key ""' }],
    },
  ],
});

test('plaintext-secret never prints a value', async () => {
  const code = yaml`
    apiVersion: v1
    kind: Secret
    metadata:
      name: db
      namespace: shop
    type: Opaque
    data:
      password: c3VwZXJzZWNyZXQ=
      tls.key: LS0tLS1CRUdJTg==
      empty: ""
      nothing:
    stringData:
      api-token: "tok_live_abc123"
      pin: 1234
      blank: "   "
  `;
  const findings = await runRule(plaintextSecret, { name: 'values', code });
  expect(findings).toHaveLength(4);
  for (const finding of findings) {
    // Nothing of a finding (message, path, object) holds a value, encoded or decoded.
    const text = JSON.stringify(finding);
    for (const value of ['c3VwZXJzZWNyZXQ', 'supersecret', 'LS0tLS1CRUdJTg', '-----BEGIN', 'tok_live_abc123', 'dG9rX2xpdmVfYWJjMTIz', '1234']) expect(text).not.toContain(value);
  }
});
