/** Words that make an environment variable name a credential, alone or at the end of a word (`AUTHTOKEN`). */
const CREDENTIAL_WORDS = ['PASSWORD', 'PASSWD', 'TOKEN', 'SECRET', 'SECRETS', 'CREDENTIAL', 'CREDENTIALS', 'APIKEY', 'ACCESSKEY', 'PRIVATEKEY'];

/** Word pairs written with a separator: `API_KEY`, `ACCESS-KEY`, `private.key`. */
const CREDENTIAL_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['API', 'KEY'],
  ['ACCESS', 'KEY'],
  ['PRIVATE', 'KEY'],
];

/**
 * A last word that makes the variable about a credential rather than the credential itself:
 * `TOKEN_FILE`, `SECRET_NAME`, `PRIVATE_KEY_PATH`, `PASSWORD_MIN_LENGTH`, `TOKEN_TTL`.
 */
const NOT_THE_CREDENTIAL = new Set([
  'FILE', 'PATH', 'NAME', 'REF', 'DIR', 'URL', 'URI', 'ENDPOINT', 'HEADER', 'TYPE', 'LENGTH', 'TTL',
  'EXPIRY', 'EXPIRATION', 'TIMEOUT', 'ENABLED', 'ENABLE', 'MOUNT', 'LOCATION', 'KEYS', 'FIELD', 'ALGORITHM', 'POLICY',
]);

/** Upper-case words of a name split at `_`, `-`, `.` and camelCase humps: `dbPassword` → DB, PASSWORD. */
function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[_.-]+/)
    .filter((word) => word !== '');
}

/** Whether an environment variable name says that its value is a password, token, key or the like. */
export function looksLikeCredential(name: string): boolean {
  const words = wordsOf(name);
  const last = words[words.length - 1];
  if (last === undefined || NOT_THE_CREDENTIAL.has(last)) return false;
  // `PWD` alone is the shell's working directory; `DB_PWD` is a password.
  if (words.length > 1 && last === 'PWD') return true;
  if (words.some((word) => CREDENTIAL_WORDS.some((credential) => word.endsWith(credential)))) {
    return true;
  }
  return words.some((word, i) => CREDENTIAL_PAIRS.some(([first, second]) => word === first && words[i + 1] === second));
}
