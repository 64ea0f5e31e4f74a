import { secretFormatIn } from '../../src/text/secret-formats';
import { TOKENS } from './secret-tokens';

describe('secretFormatIn', () => {
  test.each([
    ['an RSA private key', TOKENS.rsaPrivateKey, 'a private key'],
    ['a PKCS#8 private key with escaped newlines', TOKENS.pkcs8PrivateKeyEscaped, 'a private key'],
    ['an OpenSSH private key', TOKENS.opensshPrivateKey, 'a private key'],
    ['a hand-written header with three dashes and a placeholder body', TOKENS.privateKeyPlaceholder, 'a private key'],
    ['a PGP private key block', TOKENS.pgpPrivateKey, 'a private key'],
    ['an AWS access key ID', TOKENS.awsAccessKeyId, 'an AWS access key ID'],
    ['an AWS temporary access key ID in a credentials line', `aws_access_key_id=${TOKENS.awsTemporaryKeyId}`, 'an AWS access key ID'],
    ['a GitHub classic token', TOKENS.githubClassic, 'a GitHub token'],
    ['a GitHub app token inside a URL', `https://x-access-token:${TOKENS.githubServer}@github.com/org/repo.git`, 'a GitHub token'],
    ['a GitHub fine-grained token', TOKENS.githubFineGrained, 'a GitHub token'],
    ['a GitLab token', TOKENS.gitlab, 'a GitLab token'],
    ['a Slack bot token', TOKENS.slackBot, 'a Slack token'],
    ['a Slack user token', TOKENS.slackUser, 'a Slack token'],
    ['a JWT', TOKENS.jwt, 'a JSON Web Token'],
    ['a bearer JWT in JSON', `{"Authorization":"Bearer ${TOKENS.jwt}"}`, 'a JSON Web Token'],
  ])('finds %s', (_name, value, label) => {
    expect(secretFormatIn(value)).toBe(label);
  });

  test.each([
    ['a public key', TOKENS.publicKey],
    ['a certificate', TOKENS.certificate],
    ['"BEGIN PRIVATE KEY" without the armour', 'BEGIN PRIVATE KEY MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'],
    ['a private key named in prose', 'the -----BEGIN line of your PRIVATE KEY----- file'],
    ['a lower-case header', TOKENS.rsaPrivateKey.toLowerCase()],
    ["AWS's documentation key ID", TOKENS.awsExample],
    ['an AWS-like ID with digits outside base32', TOKENS.awsNotBase32],
    ['an AWS-like ID one character short', TOKENS.awsAccessKeyId.slice(0, -1)],
    ['an AWS-like ID one character long', `${TOKENS.awsAccessKeyId}Q`],
    ['an AWS-like ID in lower case', TOKENS.awsAccessKeyId.toLowerCase()],
    ['an AWS-like ID inside a longer word', `X${TOKENS.awsAccessKeyId}`],
    ['a GitHub-like token one character short', TOKENS.githubClassic.slice(0, -1)],
    ['an unknown GitHub prefix', TOKENS.githubClassic.replace(/^ghp_/, 'ghx_')],
    ['a GitHub-like token inside a longer word', `x${TOKENS.githubClassic}`],
    ['a GitHub-like token running on with an underscore', `${TOKENS.githubClassic}_v2`],
    ['a GitLab-like token one character short', TOKENS.gitlab.slice(0, -1)],
    ['a GitLab-like prefix with an underscore', TOKENS.gitlab.replace('glpat-', 'glpat_')],
    ['a Slack placeholder', 'xoxb-your-token-here'],
    ['an unknown Slack prefix', TOKENS.slackBot.replace(/^xoxb/, 'xoxc')],
    ['a Slack-like token with a short team ID', 'xoxb-12345-abcdefghijkl'],
    ['a JWT without a signature', TOKENS.jwt.slice(0, TOKENS.jwt.lastIndexOf('.') + 1)],
    ['two JWT segments only', TOKENS.jwt.slice(0, TOKENS.jwt.lastIndexOf('.'))],
    ['base64 JSON that is not a JWT', `${TOKENS.jwt.split('.')[0]}.c29tZXRoaW5nZWxzZQ.c2lnbmF0dXJlc2lnbmF0dXJl`],
    ['ordinary settings', 'postgres://db.shop.svc:5432/orders?sslmode=require'],
  ])('ignores %s', (_name, value) => {
    expect(secretFormatIn(value)).toBeUndefined();
  });

  // Values may be 1 MB: each of these would take minutes with a backtracking-prone pattern.
  const MB = 1 << 20;
  test.each([
    ['one long run', 'a'.repeat(MB)],
    ['repeated JWT headers', 'eyJ'.repeat(MB / 3)],
    ['JWT-like segments without a signature', 'eyJhbGciOi.'.repeat(MB / 11)],
    ['repeated key headers', '-----BEGIN RSA '.repeat(MB / 15)],
    ['a key header with a long word', `-----BEGIN ${'A'.repeat(MB)}`],
    ['a key header with long blanks', `-----BEGIN ${' '.repeat(MB)}PRIVATE`],
    ['a long run of dashes', '-'.repeat(MB)],
    ['repeated token prefixes', 'ghp_glpat-xoxb-1234567-AKIA'.repeat(MB / 27)],
    ['long runs after prefixes', `ghp_${'a'.repeat(MB)}!glpat-${'b'.repeat(MB)}!xoxb-1234567-${'c'.repeat(MB)}`],
  ])('finishes on %s', (_name, value) => {
    expect(secretFormatIn(value)).toBeUndefined();
  });
});
