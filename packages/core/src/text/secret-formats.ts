/**
 * Well-known formats of secrets, recognised in a value whatever it is called. Every pattern runs
 * in linear time on values of any size: each either starts with a fixed prefix and has bounded
 * repetitions, or starts only where a run of its characters starts (the lookbehind), so that no
 * position of a long run is tried twice.
 */
interface SecretFormat {
  /** How messages name it: `a GitHub token`. */
  label: string;
  pattern: RegExp;
  /** Published examples that are not anyone's secret. */
  isExample?(match: string): boolean;
}

const FORMATS: readonly SecretFormat[] = [
  {
    label: 'a private key',
    // The armour header alone (PEM, OpenSSH, PGP; hand-written ones with fewer dashes too): a key
    // follows it, or a placeholder that should not be committed as a value either.
    pattern: /---BEGIN[ \t]+(?:[A-Z0-9]+[ \t]+){0,3}PRIVATE KEY(?: BLOCK)?---/,
  },
  {
    label: 'an AWS access key ID',
    pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z2-7]{16}(?![A-Za-z0-9])/,
    // AWS documents its keys with IDs like AKIAIOSFODNN7EXAMPLE.
    isExample: (match) => match.endsWith('EXAMPLE'),
  },
  {
    label: 'a GitHub token',
    pattern: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])/,
  },
  {
    label: 'a GitLab token',
    pattern: /(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,250}(?![A-Za-z0-9_-])/,
  },
  {
    label: 'a Slack token',
    pattern: /(?<![A-Za-z0-9])xox[baprs]-[0-9]{6,20}-[A-Za-z0-9-]{8,250}(?![A-Za-z0-9-])/,
  },
  {
    label: 'a JSON Web Token',
    // Header and claims are base64url JSON objects (`{"` encodes as `eyJ`), then a signature.
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{16,}/,
  },
];

/** The first well-known secret format found in `value` (`a private key`, ...), for messages; never the secret. */
export function secretFormatIn(value: string): string | undefined {
  for (const format of FORMATS) {
    const match = format.pattern.exec(value);
    if (match && !format.isExample?.(match[0])) return format.label;
  }
  return undefined;
}

/** The formats above, for the rule's help. */
export const SECRET_FORMATS_HELP = `private-key blocks (\`-----BEGIN ... PRIVATE KEY-----\`), AWS
access key IDs (\`AKIA...\`, \`ASIA...\`; AWS's \`...EXAMPLE\` IDs excepted), GitHub tokens (\`ghp_\`,
\`gho_\`, \`ghu_\`, \`ghs_\`, \`ghr_\`, \`github_pat_\`), GitLab personal access tokens (\`glpat-\`), Slack
tokens (\`xoxb-\`, \`xoxa-\`, \`xoxp-\`, \`xoxr-\`, \`xoxs-\`) and signed JSON Web Tokens (three
dot-separated base64url parts, the first two starting with \`eyJ\`)`;
