import { looksLikeCredential } from './credential-name';

/**
 * What a masked credential is shown as. Nothing of the value is kept (no prefix, no length): a
 * finding only needs to say where the credential is, and a few characters of a short token or
 * its length would help whoever guesses it.
 */
export const MASK = '***';

/** Last words of parameter names that carry a credential although looksLikeCredential does not say so. */
const CREDENTIAL_PARAMETER_WORDS = new Set([
  'KEY', 'SSHKEY', 'SIG', 'SIGNATURE', 'AUTH', 'AUTHORIZATION', 'PASS', 'PWD', 'PASSPHRASE', 'CODE',
  'JWT', 'BEARER', 'SESSION', 'SESSIONID', 'SESSID', 'SID', 'TICKET', 'OTP',
]);

/**
 * Where a URL starts: an optional go-getter forced getter (`git::`, `s3::`), then a scheme and
 * `:` followed by slashes. For the special schemes of the WHATWG URL standard (http, https, ws,
 * wss, ftp) any number of `/` or `\`, none included, leads to the authority (`https:/u:p@host`
 * and `https:u:p@host` are `https://u:p@host` to curl, git and browsers); for other schemes one
 * `/` or more. The look-behind makes a scheme start at a word boundary, so that a long word is
 * scanned once, not once per character. Group 1 is set for a special scheme.
 */
const URL_START_SOURCE = String.raw`(?<![A-Za-z0-9+.-])(?:[A-Za-z][A-Za-z0-9+.-]*::)?(?:((?:https?|wss?|ftp):)[/\\]*|[A-Za-z][A-Za-z0-9+.-]*:\/+)`;
const URL_START = new RegExp(URL_START_SOURCE, 'i');
const URL_START_AT_BEGINNING = new RegExp(`^${URL_START_SOURCE}`, 'i');
const URL_STARTS = new RegExp(URL_START_SOURCE, 'gi');
/** A URL in free text runs to the next white space. */
const URLS_IN_TEXT = new RegExp(`${URL_START_SOURCE}\\S*`, 'gi');

/** A host (name, IPv4 or bracketed IPv6) with an optional port, then the end of the authority. */
const HOST_AFTER_AT = /^(\[[0-9A-Fa-f:.]*\]|[A-Za-z0-9._~%-]*)(:\d*)?([/?#]|$)/;
const HOST_AFTER_AT_SPECIAL = /^(\[[0-9A-Fa-f:.]*\]|[A-Za-z0-9._~%-]*)(:\d*)?([/?#\\]|$)/;

/** What follows a host name when a token holds one `/`, `?` or `#`: one piece without parameters, then `@`. */
const TOKEN_TAIL = /^[/?#\\][^/?#\\=&@\s]+@/;

/** Punctuation that closes a quoted URL in a message (`"https://h/x?token=abc"`): kept after the mask. */
const CLOSING_PUNCTUATION = new Set(['"', "'", '`', ')', '>', ']']);

/** The closing punctuation at the end of `value` (scanned from the end: a regular expression would be quadratic). */
function closingPunctuation(value: string): string {
  let start = value.length;
  while (start > 0 && CLOSING_PUNCTUATION.has(value[start - 1] ?? '')) start--;
  return value.slice(start);
}

/**
 * A URL as it may be quoted in a finding message: the user information (`user:password@`,
 * `token@`) becomes `***@`, and the values of parameters named like credentials (`token=`,
 * `password=`, `X-Amz-Signature=`, `sshkey=`, `jwt=`, `session_id=`...) become `***`, in the
 * query and in the fragment (`#access_token=`), separated by `&` or `;`, and `;name=value`
 * parameters of the path. Everything else is kept, so the message still says which repository
 * or endpoint it is about.
 *
 * The URL may be preceded by anything (white space, a tab, words): masking starts where it
 * starts, and the value is read whole to its end, so a password holding a space is masked whole.
 * The user information ends at the last `@` before the path, as URL parsers read it. When what
 * comes before the path is not a host name (a password with an unescaped `/`, `?` or `#`), it
 * ends at the last `@` that is followed by a host name, so such a password is masked whole too,
 * and so is a token with one unescaped `/`, `?` or `#` (`https://TOKEN#PART@host`), which a URL
 * parser would read as a host name.
 * URLs nested in the value (`?next=https://u:p@other`) are masked as well. Text without a
 * `scheme:/` is returned as it is (an scp-style `git@host:path` holds a user name, never a
 * password).
 */
export function maskUrlCredentials(text: string): string {
  const start = URL_START.exec(text);
  if (!start) return text;
  return `${text.slice(0, start.index)}${maskUrlsIn(maskOneUrl(text.slice(start.index)))}`;
}

/** Every URL of a free text (a message, a program's error output) with its credentials masked. */
export function maskUrlsIn(text: string): string {
  return text.replace(URLS_IN_TEXT, (url) => maskNestedUrls(maskOneUrl(url)));
}

/** `url` starts with a URL: masks its user information and its credential parameters. */
function maskOneUrl(url: string): string {
  const start = URL_START_AT_BEGINNING.exec(url);
  if (!start) return url;
  const prefix = start[0];
  const special = start[1] !== undefined;
  const rest = url.slice(prefix.length);
  const authorityEnd = rest.search(special ? /[/?#\\]/ : /[/?#]/);
  const authority = authorityEnd < 0 ? rest : rest.slice(0, authorityEnd);
  const at = authority.lastIndexOf('@');
  if (at >= 0) return `${prefix}${MASK}@${maskAfterAuthority(rest.slice(at + 1))}`;
  const host = special ? HOST_AFTER_AT_SPECIAL : HOST_AFTER_AT;
  // `https://TOKEN#PART@host`: a token with one unescaped `/`, `?` or `#` reads as a host name
  // and a path, query or fragment, but the `@` and the host after it say what was meant.
  const tokenTail = TOKEN_TAIL.exec(rest.slice(authority.length));
  if (tokenTail && host.test(rest.slice(authority.length + tokenTail[0].length))) {
    return `${prefix}${MASK}@${maskAfterAuthority(rest.slice(authority.length + tokenTail[0].length))}`;
  }
  if (!host.test(rest)) {
    for (let candidate = rest.lastIndexOf('@'); candidate > 0; candidate = rest.lastIndexOf('@', candidate - 1)) {
      if (host.test(rest.slice(candidate + 1))) return `${prefix}${MASK}@${maskAfterAuthority(rest.slice(candidate + 1))}`;
    }
  }
  return `${prefix}${maskAfterAuthority(rest)}`;
}

/**
 * A URL inside a URL (`https://a/?next=https://u:p@b/?token=t`): each one from its start to the
 * next one's is masked again. One pass over the text, however many there are.
 */
function maskNestedUrls(url: string): string {
  const first = URL_START_AT_BEGINNING.exec(url);
  const starts: number[] = [];
  URL_STARTS.lastIndex = first ? first[0].length : 0;
  for (let match = URL_STARTS.exec(url); match; match = URL_STARTS.exec(url)) starts.push(match.index);
  if (starts.length === 0) return url;
  const parts = [url.slice(0, starts[0])];
  starts.forEach((start, i) => parts.push(maskOneUrl(url.slice(start, starts[i + 1]))));
  return parts.join('');
}

/** Masks the parameters of `host/path;name=value?query#fragment`. */
function maskAfterAuthority(rest: string): string {
  const question = rest.indexOf('?');
  const hash = rest.indexOf('#');
  const pathEnd = Math.min(question < 0 ? rest.length : question, hash < 0 ? rest.length : hash);
  // The path's first piece is the host and path themselves; `;name=value` pieces follow it.
  const path = maskParameters(rest.slice(0, pathEnd), /(;)/, 1);
  if (pathEnd === rest.length) return path;
  const fragmentStart = hash < 0 ? rest.length : hash;
  // A `?` after the `#` belongs to the fragment.
  const query = pathEnd < fragmentStart ? maskParameters(rest.slice(pathEnd, fragmentStart), /([&;])/, 0) : '';
  const fragment = maskParameters(rest.slice(fragmentStart), /([&;])/, 0);
  return `${path}${query}${fragment}`;
}

/**
 * `?ref=v1&token=abc` → `?ref=v1&token=***`. `separator` has one capturing group, so that
 * separators are kept; the first `skip` pieces are not parameters.
 */
function maskParameters(text: string, separator: RegExp, skip: number): string {
  return text
    .split(separator)
    .map((parameter, index) => {
      const equals = parameter.indexOf('=');
      if (index < skip || equals <= 0) return parameter;
      const value = parameter.slice(equals + 1);
      const closing = closingPunctuation(value);
      if (value.length === closing.length) return parameter;
      const name = parameter.slice(0, equals);
      // `#/callback?token=`, `/path;jsessionid=`: the name is what follows the last delimiter.
      const bare = name.slice(Math.max(name.lastIndexOf('?'), name.lastIndexOf('#'), name.lastIndexOf('/')) + 1);
      return isCredentialParameter(bare) ? `${name}=${MASK}${closing}` : parameter;
    })
    .join('');
}

function isCredentialParameter(raw: string): boolean {
  let name = raw;
  try {
    name = decodeURIComponent(raw);
  } catch {
    // A malformed escape: judge the name as written.
  }
  if (looksLikeCredential(name)) return true;
  const upper = name.toUpperCase();
  const words = upper.split(/[_.-]+/);
  const compact = upper.replace(/[^A-Z0-9]/g, '');
  // `session_id`, `JSESSIONID`, `PHPSESSID`.
  return CREDENTIAL_PARAMETER_WORDS.has(words[words.length - 1] ?? '') || CREDENTIAL_PARAMETER_WORDS.has(compact) || /SESS(ION)?ID$/.test(compact);
}
