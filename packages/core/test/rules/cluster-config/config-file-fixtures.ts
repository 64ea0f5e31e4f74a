import { yaml } from '../../rule-tester';

/**
 * A hardened EncryptionConfiguration and audit Policy: no encryption or audit rule reports
 * anything on them (their rule tests use them as valid cases). The keys are test values.
 */
export const HARDENED_FILES = {
  encryptionConfig: yaml`
    apiVersion: apiserver.config.k8s.io/v1
    kind: EncryptionConfiguration
    resources:
    - resources: [secrets, configmaps]
      providers:
      - kms:
          apiVersion: v2
          name: vault
          endpoint: unix:///var/run/kms/vault.sock
      - secretbox:
          keys:
          - name: key2
            secret: q2mKDvnLqmCWNb5aFUgwlt1sVsnzHFGBx61VfwlT1SU=
      - aesgcm:
          keys:
          - name: key1
            secret: 8Gz/2H0ZiWWxeP4WXIfmNA==
      - identity: {}
    - resources: ['*.*']
      providers:
      - identity: {}
  `,
  auditPolicy: yaml`
    apiVersion: audit.k8s.io/v1
    kind: Policy
    omitStages: [RequestReceived]
    rules:
    - level: None
      users: [system:kube-proxy]
      verbs: [watch]
    - level: None
      nonResourceURLs: [/healthz*, /readyz*, /livez*]
    - level: Metadata
      resources:
      - group: ""
        resources: [secrets, configmaps]
      - group: authentication.k8s.io
        resources: [tokenreviews]
    - level: RequestResponse
      resources:
      - group: rbac.authorization.k8s.io
    - level: Request
      verbs: [create, update, patch, delete]
    - level: Metadata
  `,
};

export const HARDENED_FILE_CASES = [
  { name: 'hardened EncryptionConfiguration', code: HARDENED_FILES.encryptionConfig },
  { name: 'hardened audit Policy', code: HARDENED_FILES.auditPolicy },
];
