/**
 * Guarantee: a token or private key found in an env value (secret-in-env-literal, whatever the
 * variable's name) is reported by name and format, and no six characters of it reach any output
 * format of the committed bundle, standard error or a baseline file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TOKENS } from '../../packages/core/test/text/secret-tokens';
import { BUNDLE, jsonFindings, lint, tempDir, writeTree } from './helpers';

const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'html'];

/** The secrets among the test tokens (the others are near misses, public by nature). */
const NOT_SECRET: ReadonlySet<string> = new Set(['publicKey', 'certificate', 'awsExample', 'awsNotBase32']);
const SECRETS = Object.entries(TOKENS).filter(([name]) => !NOT_SECRET.has(name));

const MANIFEST = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: { name: api, namespace: shop }',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: api',
  '          image: api:1',
  '          env:',
  ...SECRETS.flatMap(([name, token]) => [`            - name: CONFIG_${name.toUpperCase()}`, `              value: ${JSON.stringify(token)}`]),
  '',
].join('\n');

/** The secret part of a token: without the armour lines and the public prefixes that the rule's help names. */
const secretPart = (token: string): string => token.replace(/-*(?:BEGIN|END)[A-Z ]*-*/g, ' ').replace(/(?:ghp_|ghs_|github_pat_|glpat-|xox[bp]-|AKIA|ASIA)/g, ' ');

/** Six-character pieces of every secret part. */
const PIECES = [...new Set(SECRETS.flatMap(([, token]) => {
  const part = secretPart(token);
  return Array.from({ length: Math.max(0, part.length - 5) }, (_, i) => part.slice(i, i + 6));
}))].filter((piece) => !/\s/.test(piece));

const leaks = (text: string): string[] => PIECES.filter((piece) => text.includes(piece));

describe('secrets in env values are never printed', () => {
  const cwd = writeTree(tempDir('secret-formats'), { 'deployment.yaml': MANIFEST });

  test('each is reported, naming the variable and the format', () => {
    const run = lint(['deployment.yaml', '-f', 'json'], { cwd, entry: BUNDLE });
    const found = jsonFindings(run.stdout).filter((finding) => finding.ruleId === 'secret-in-env-literal');
    expect(found.map((finding) => finding.message.replace(' of container "api"', '').replace(' as a literal value; read it from a Secret instead', ''))).toEqual([
      'env var "CONFIG_RSAPRIVATEKEY" holds a private key',
      'env var "CONFIG_PKCS8PRIVATEKEYESCAPED" holds a private key',
      'env var "CONFIG_OPENSSHPRIVATEKEY" holds a private key',
      'env var "CONFIG_PRIVATEKEYPLACEHOLDER" holds a private key',
      'env var "CONFIG_PGPPRIVATEKEY" holds a private key',
      'env var "CONFIG_AWSACCESSKEYID" holds an AWS access key ID',
      'env var "CONFIG_AWSTEMPORARYKEYID" holds an AWS access key ID',
      'env var "CONFIG_GITHUBCLASSIC" holds a GitHub token',
      'env var "CONFIG_GITHUBSERVER" holds a GitHub token',
      'env var "CONFIG_GITHUBFINEGRAINED" holds a GitHub token',
      'env var "CONFIG_GITLAB" holds a GitLab token',
      'env var "CONFIG_SLACKBOT" holds a Slack token',
      'env var "CONFIG_SLACKUSER" holds a Slack token',
      'env var "CONFIG_JWT" holds a JSON Web Token',
    ]);
  });

  test.each(FORMATS)('--format %s: no piece of any value on standard output or standard error', (format) => {
    const run = lint(['deployment.yaml', '--format', format], { cwd, entry: BUNDLE });
    expect(run.stdout.length).toBeGreaterThan(500);
    expect(leaks(run.stdout)).toEqual([]);
    expect(leaks(run.stderr)).toEqual([]);
  });

  test('--write-baseline: no piece of any value in the baseline file', () => {
    const baseline = path.join(cwd, 'baseline.json');
    lint(['deployment.yaml', '--write-baseline', baseline], { cwd, entry: BUNDLE });
    expect(leaks(readFileSync(baseline, 'utf8'))).toEqual([]);
  });
});
