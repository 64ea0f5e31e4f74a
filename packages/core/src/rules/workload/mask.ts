import { looksLikeCredential } from './credential-name';

/**
 * What a masked credential is shown as. Nothing of the value is kept (no prefix, no length): a
 * finding only needs to say where the credential is, and a few characters of a short token or
 * its length would help whoever guesses it.
 */
export const MASK = '***';

/** Query parameters that carry a credential although looksLikeCredential does not say so. */
const CREDENTIAL_PARAMETER_WORDS = new Set(['KEY', 'SSHKEY', 'SIG', 'SIGNATURE', 'AUTH', 'PASS', 'PWD', 'CODE']);

/** A host (name, IPv4 or bracketed IPv6) with an optional port, then the end of the authority. */
const HOST_AFTER_AT = /^(\[[0-9A-Fa-f:.]*\]|[A-Za-z0-9._~%-]*)(:\d*)?([/?#]|$)/;

/** `scheme://`, `git::https://`, `s3::https://`: what go-getter, git, Flux and Argo CD accept. */
const SCHEME_PREFIX = /^[A-Za-z][A-Za-z0-9+.:-]*:\/\//;

function isCredentialParameter(name: string): boolean {
  if (looksLikeCredential(name)) return true;
  const words = name.toUpperCase().split(/[_.-]+/);
  return CREDENTIAL_PARAMETER_WORDS.has(words[words.length - 1] ?? '');
}

/** `ref=v1&token=abc` → `ref=v1&token=***`. */
function maskQuery(query: string): string {
  return query
    .split('&')
    .map((parameter) => {
      const equals = parameter.indexOf('=');
      if (equals <= 0 || equals === parameter.length - 1) return parameter;
      let name = parameter.slice(0, equals);
      try {
        name = decodeURIComponent(name);
      } catch {
        // A malformed escape: judge the name as written.
      }
      return isCredentialParameter(name) ? `${parameter.slice(0, equals)}=${MASK}` : parameter;
    })
    .join('&');
}

/**
 * A URL as it may be quoted in a finding message: the user information (`user:password@`,
 * `token@`) becomes `***@`, and the values of query parameters named like credentials
 * (`token=`, `password=`, `X-Amz-Signature=`, `sshkey=`, `aws_access_key_id=`...) become `***`.
 * Everything else is kept, so the message still says which repository or endpoint it is about.
 *
 * The user information ends at the last `@` before the path, as URL parsers read it. When what
 * comes before the path is not a host name (a password with an unescaped `/`, `?` or `#`), it
 * ends at the last `@` that is followed by a host name, so such a password is masked whole too.
 * Text without `scheme://` is returned as it is (an scp-style `git@host:path` holds a user
 * name, never a password).
 */
export function maskUrlCredentials(url: string): string {
  const scheme = SCHEME_PREFIX.exec(url);
  if (!scheme) return url;
  const prefix = scheme[0];
  const rest = url.slice(prefix.length);
  const authorityEnd = rest.search(/[/?#]/);
  const authority = authorityEnd < 0 ? rest : rest.slice(0, authorityEnd);
  const at = authority.lastIndexOf('@');
  if (at >= 0) return `${prefix}${MASK}@${maskAfterAuthority(rest.slice(at + 1))}`;
  if (!HOST_AFTER_AT.test(rest)) {
    for (let candidate = rest.lastIndexOf('@'); candidate > 0; candidate = rest.lastIndexOf('@', candidate - 1)) {
      if (HOST_AFTER_AT.test(rest.slice(candidate + 1))) return `${prefix}${MASK}@${maskAfterAuthority(rest.slice(candidate + 1))}`;
    }
  }
  return `${prefix}${maskAfterAuthority(rest)}`;
}

/** Masks the query of `host/path?query#fragment`. */
function maskAfterAuthority(rest: string): string {
  const question = rest.indexOf('?');
  if (question < 0) return rest;
  const hash = rest.indexOf('#', question);
  const end = hash < 0 ? rest.length : hash;
  return `${rest.slice(0, question + 1)}${maskQuery(rest.slice(question + 1, end))}${rest.slice(end)}`;
}

const URL_IN_TEXT = /[A-Za-z][A-Za-z0-9+.-]*:\/\/\S+/g;

/** Every `scheme://...` of a free text (a program's error output) with its credentials masked. */
export function maskUrlsIn(text: string): string {
  return text.replace(URL_IN_TEXT, (url) => maskUrlCredentials(url));
}
