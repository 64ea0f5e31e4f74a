import { celFunc, celMethod, CelScalar, listType, mapType } from '@bufbuild/cel';
import type { CelFunc } from '@bufbuild/cel';
import { expectOpaque, opaqueValue, type Opaque } from './opaque';

const { STRING, BOOL, DYN } = CelScalar;
const TYPE = 'kubernetes.URL';

/** The parts of a URL, as Go's net/url splits them. */
export class ParsedUrl implements Opaque {
  readonly typeName = TYPE;
  constructor(
    readonly source: string,
    readonly scheme: string,
    readonly host: string,
    readonly path: string,
    readonly rawQuery: string,
  ) {}
  hostname(): string {
    if (this.host.startsWith('[')) return this.host.slice(1, this.host.indexOf(']'));
    const colon = this.host.lastIndexOf(':');
    return colon < 0 ? this.host : this.host.slice(0, colon);
  }
  port(): string {
    const colon = this.host.lastIndexOf(':');
    return colon < 0 || colon < this.host.lastIndexOf(']') ? '' : this.host.slice(colon + 1);
  }
  toString(): string {
    return this.source;
  }
}

const PARTS = /^(?:([A-Za-z][A-Za-z0-9+.-]*):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#.*)?$/s;

/** Go's url.ParseRequestURI rules: an absolute URL or an absolute path; a valid host and port. */
export function parseUrl(text: string): ParsedUrl {
  const m = PARTS.exec(text);
  const fail = (why: string): never => {
    throw new Error(`URL parse error during conversion from string: parse ${JSON.stringify(text)}: ${why}`);
  };
  if (m === null || Array.from(text).some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) {
    return fail('invalid control character in URL');
  }
  const [, scheme = '', authority, path = '', query = ''] = m;
  if (scheme === '' && !path.startsWith('/')) return fail('invalid URI for request');
  if (authority === undefined && scheme !== '' && !path.startsWith('/')) return fail('invalid URI for request');
  let host = authority ?? '';
  const at = host.lastIndexOf('@');
  if (at >= 0) host = host.slice(at + 1);
  const bracket = /^\[[0-9A-Fa-f:.]+\](:\d*)?$/;
  if (host.startsWith('[') ? !bracket.test(host) : /:.*:|:[^0-9]|[^:]*:\d*[^0-9]/.test(host)) {
    const port = host.slice(host.indexOf(':'));
    return fail(`invalid port ${JSON.stringify(port)} after host`);
  }
  return new ParsedUrl(text, scheme.toLowerCase(), host, path, query);
}

function escapePath(path: string): string {
  return Array.from(path, (ch) =>
    /[A-Za-z0-9\-._~!$&'()*+,;=:@/]/.test(ch) ? ch : encodeURIComponent(ch),
  ).join('');
}

function decodeQueryPart(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function query(raw: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const pair of raw.split('&')) {
    if (pair === '' || pair.includes(';')) continue;
    const eq = pair.indexOf('=');
    const key = decodeQueryPart(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decodeQueryPart(pair.slice(eq + 1));
    out.set(key, [...(out.get(key) ?? []), value]);
  }
  return out;
}

const u = (v: unknown, fn: string) => expectOpaque<ParsedUrl>(v, TYPE, fn);

/** Kubernetes URL library. */
export const URL_LIBRARY: CelFunc[] = [
  celFunc('url', [STRING], DYN, (s) => {
    const parsed = parseUrl(s);
    return opaqueValue(parsed, s);
  }),
  celFunc('isURL', [STRING], BOOL, (s) => {
    try {
      parseUrl(s);
      return true;
    } catch {
      return false;
    }
  }),
  celMethod('getScheme', DYN, [], STRING, function () {
    return u(this, 'getScheme').scheme;
  }),
  celMethod('getHost', DYN, [], STRING, function () {
    return u(this, 'getHost').host;
  }),
  celMethod('getHostname', DYN, [], STRING, function () {
    return u(this, 'getHostname').hostname();
  }),
  celMethod('getPort', DYN, [], STRING, function () {
    return u(this, 'getPort').port();
  }),
  celMethod('getEscapedPath', DYN, [], STRING, function () {
    return escapePath(u(this, 'getEscapedPath').path);
  }),
  celMethod('getQuery', DYN, [], mapType(STRING, listType(STRING)), function () {
    return query(u(this, 'getQuery').rawQuery);
  }),
];
