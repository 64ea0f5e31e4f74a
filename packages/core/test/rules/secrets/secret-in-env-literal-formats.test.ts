/** secret-in-env-literal: values in a well-known secret format, whatever the variable is called. */
import { secretInEnvLiteral } from '../../../src/rules/secrets/secret-in-env-literal';
import { runRule, testRule, yaml } from '../../rule-tester';
import { TOKENS } from '../../text/secret-tokens';

const C = 'spec.template.spec.containers[0]';

testRule(secretInEnvLiteral, {
  valid: [
    {
      name: 'near misses under ordinary names, and placeholders',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: api, namespace: shop }
        spec:
          template:
            spec:
              containers:
                - name: api
                  env:
                    - name: AWS_DOCS_EXAMPLE
                      value: ${TOKENS.awsExample}
                    - name: BUILD_ID
                      value: ${TOKENS.awsNotBase32}
                    - name: SLACK_CHANNEL_HOOK
                      value: xoxb-your-token-here
                    - name: SHORT_ID
                      value: ${TOKENS.githubClassic.slice(0, -1)}
                    - name: TLS_PUBLIC_KEY
                      value: "${TOKENS.publicKey.replaceAll('\n', '\\n')}"
                    - name: UNSIGNED
                      value: ${TOKENS.jwt.slice(0, TOKENS.jwt.lastIndexOf('.') + 1)}
                    - name: FROM_FLUX
                      value: \${GITHUB_TOKEN}
      `,
    },
  ],
  invalid: [
    {
      name: 'tokens under names that say nothing, and under a credential name (one finding, naming the format)',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: api, namespace: shop }
        spec:
          template:
            spec:
              containers:
                - name: api
                  env:
                    - name: LOG_LEVEL
                      value: info
                    - name: TLS_KEY
                      value: "${TOKENS.pkcs8PrivateKeyEscaped}"
                    - name: AWS_ACCESS_KEY_ID
                      value: ${TOKENS.awsAccessKeyId}
                    - name: GIT_REMOTE
                      value: https://x-access-token:${TOKENS.githubServer}@github.com/shop/api.git
                    - name: RENOVATE_CONFIG
                      value: '{"platform":"gitlab","token":"${TOKENS.gitlab}"}'
                    - name: NOTIFY
                      value: ${TOKENS.slackBot}
                    - name: SUPABASE_SERVICE_KEY
                      value: ${TOKENS.jwt}
                    - name: GITHUB_TOKEN
                      value: ${TOKENS.githubFineGrained}
      `,
      errors: [
        { line: 13, column: 15, object: 'Deployment shop/api', path: `${C}.env[1].value`, message: 'env var "TLS_KEY" of container "api" holds a private key as a literal value; read it from a Secret instead' },
        { line: 15, column: 15, object: 'Deployment shop/api', path: `${C}.env[2].value`, message: 'env var "AWS_ACCESS_KEY_ID" of container "api" holds an AWS access key ID' },
        { line: 17, column: 15, object: 'Deployment shop/api', path: `${C}.env[3].value`, message: 'env var "GIT_REMOTE" of container "api" holds a GitHub token' },
        { line: 19, column: 15, object: 'Deployment shop/api', path: `${C}.env[4].value`, message: 'env var "RENOVATE_CONFIG" of container "api" holds a GitLab token' },
        { line: 21, column: 15, object: 'Deployment shop/api', path: `${C}.env[5].value`, message: 'env var "NOTIFY" of container "api" holds a Slack token' },
        { line: 23, column: 15, object: 'Deployment shop/api', path: `${C}.env[6].value`, message: 'env var "SUPABASE_SERVICE_KEY" of container "api" holds a JSON Web Token' },
        { line: 25, column: 15, object: 'Deployment shop/api', path: `${C}.env[7].value`, message: 'env var "GITHUB_TOKEN" of container "api" holds a GitHub token' },
      ],
    },
    {
      name: 'a private key in a block scalar of an init container',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: deploy, namespace: ci }
        spec:
          initContainers:
            - name: clone
              env:
                - name: SSH_IDENTITY
                  value: |
${TOKENS.opensshPrivateKey.split('\n').map((line) => `${' '.repeat(22)}${line}`).join('\n')}
          containers:
            - name: app
      `,
      errors: [
        { line: 9, column: 11, object: 'Pod ci/deploy', path: 'spec.initContainers[0].env[0].value', message: 'env var "SSH_IDENTITY" of init container "clone" holds a private key' },
      ],
    },
  ],
});

describe('secret-in-env-literal never prints a secret value', () => {
  it('no six characters of any token appear in any message', async () => {
    const entries = Object.entries(TOKENS).map(([name, token], index) => `        - name: VAR_${index}_${name.toUpperCase()}\n          value: ${JSON.stringify(token)}`);
    const code = `apiVersion: v1\nkind: Pod\nmetadata: { name: leaky }\nspec:\n  containers:\n    - name: app\n      env:\n${entries.join('\n')}\n`;
    const findings = await runRule(secretInEnvLiteral, { name: 'all tokens', code });
    expect(findings.length).toBeGreaterThanOrEqual(10);
    for (const token of Object.values(TOKENS)) {
      for (let i = 0; i + 6 <= token.length; i += 1) {
        const piece = token.slice(i, i + 6);
        if (/^[A-Z ]+$/.test(piece)) continue; // words of the armour (`BEGIN`, `PRIVATE KEY`), not the secret
        for (const finding of findings) expect(finding.message).not.toContain(piece);
      }
    }
  });
});
