/**
 * Fake secrets in the well-known formats, for tests. Assembled at run time so that no secret
 * scanner mistakes this file for a leak; none of them is, or was, a real credential.
 */
const BEGIN = '-----' + 'BEGIN';
const END = '-----' + 'END';
const BODY = 'MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQC7fakefakefake';
const base64url = (text: string): string => Buffer.from(text).toString('base64url');

export const TOKENS = {
  rsaPrivateKey: `${BEGIN} RSA PRIVATE KEY-----\n${BODY}\n${END} RSA PRIVATE KEY-----\n`,
  pkcs8PrivateKeyEscaped: `${BEGIN} PRIVATE KEY-----\\n${BODY}\\n${END} PRIVATE KEY-----`,
  opensshPrivateKey: `${BEGIN} OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n${END} OPENSSH PRIVATE KEY-----`,
  publicKey: `${BEGIN} PUBLIC KEY-----\n${BODY}\n${END} PUBLIC KEY-----`,
  certificate: `${BEGIN} CERTIFICATE-----\n${BODY}\n${END} CERTIFICATE-----`,
  privateKeyPlaceholder: `---BEGIN OPENSSH PRIVATE KEY---\nxxxxx\n---END OPENSSH PRIVATE KEY---`,
  pgpPrivateKey: `${BEGIN} PGP PRIVATE KEY BLOCK-----\n\nlQOYBGV0ZXN0AQgAfakefakefake\n${END} PGP PRIVATE KEY BLOCK-----`,
  awsAccessKeyId: 'AKIA' + 'Q3EGRF4NWP7JZX2M',
  awsTemporaryKeyId: 'ASIA' + 'Z7YQ2WERT5UIOPLK',
  awsExample: 'AKIA' + 'IOSFODNN7EXAMPLE',
  awsNotBase32: 'AKIA' + '0123456789ABCDEF',
  githubClassic: 'ghp' + '_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8',
  githubServer: 'ghs' + '_' + 'Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp9Oo8',
  githubFineGrained: 'github' + '_pat_' + '11ABCDEFG0123456789abc' + '_' + 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456',
  gitlab: 'glpat' + '-' + 'aB3dE5gH7jK9mN1pQ2rS',
  slackBot: 'xoxb' + '-123456789012-1234567890123-' + 'AbCdEfGhIjKlMnOpQrStUvWx',
  slackUser: 'xoxp' + '-123456789012-123456789012-123456789012-' + '0123456789abcdef0123456789abcdef',
  jwt: [base64url('{"alg":"HS256","typ":"JWT"}'), base64url('{"sub":"1234567890","role":"admin"}'), 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'].join('.'),
};
