import { celFunc, celList, celMethod, CelScalar } from '@bufbuild/cel';
import type { CelFunc } from '@bufbuild/cel';
import { expectOpaque, opaqueValue, type Opaque } from './opaque';
import { optionalNone, optionalOf } from './optional';
import { parseUrl } from './url';

const { STRING, DYN } = CelScalar;
const TYPE = 'kubernetes.NamedFormat';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function check(s: string, max: number, re: RegExp, what: string, example: string, source: string): string[] {
  const errors: string[] = [];
  if (s.length > max) errors.push(`must be no more than ${max} characters`);
  if (!re.test(s)) errors.push(`a ${what} (e.g. ${example}, regex used for validation is '${source}')`);
  return errors;
}

const label = (s: string) =>
  check(s, 63, DNS1123_LABEL, "lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character", "'my-name',  or '123-abc'", '[a-z0-9]([-a-z0-9]*[a-z0-9])?');
const subdomain = (s: string) =>
  check(s, 253, DNS1123_SUBDOMAIN, "lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character", "'example.com'", '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*');
const label1035 = (s: string) =>
  check(s, 63, DNS1035_LABEL, "DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character", "'my-name',  or 'abc-123'", '[a-z]([-a-z0-9]*[a-z0-9])?');
// The *Prefix formats accept a trailing '-' (a generateName prefix).
const prefix = (f: (s: string) => string[]) => (s: string) => f(s.endsWith('-') ? `${s.slice(0, -1)}a` : s);

function qualifiedName(s: string): string[] {
  const parts = s.split('/');
  const name = parts.length === 2 ? (parts[1] as string) : (parts[0] as string);
  if (parts.length > 2) return ["a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"];
  const errors = parts.length === 2 ? subdomain(parts[0] as string).map((e) => `prefix part ${e}`) : [];
  if (name.length === 0) errors.push('name part must be non-empty');
  else if (name.length > 63) errors.push('name part must be no more than 63 characters');
  if (name.length > 0 && !QUALIFIED_NAME_PART.test(name)) {
    errors.push("name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
  }
  return errors;
}

const labelValue = (s: string) =>
  check(s, 63, LABEL_VALUE, "valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", "'MyValue',  or 'my_value',  or '12345'", '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?');

const matches = (re: RegExp, message: string) => (s: string) => (re.test(s) ? [] : [message]);
const validDate = (s: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m === null) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
};

/** The named formats of the API server's format library. */
const FORMATS: Record<string, (s: string) => string[]> = {
  dns1123Label: label,
  dns1123Subdomain: subdomain,
  dns1035Label: label1035,
  qualifiedName,
  dns1123LabelPrefix: prefix(label),
  dns1123SubdomainPrefix: prefix(subdomain),
  dns1035LabelPrefix: prefix(label1035),
  labelValue,
  uri: (s) => {
    try {
      parseUrl(s);
      return [];
    } catch (error) {
      return [(error as Error).message];
    }
  },
  uuid: matches(/^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i, 'does not match the UUID format'),
  byte: matches(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'invalid base64'),
  date: (s) => (/^\d{4}-\d{2}-\d{2}$/.test(s) && validDate(s) ? [] : ['invalid date']),
  datetime: (s) =>
    /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(s) && validDate(s) ? [] : ['invalid datetime'],
};

class NamedFormat implements Opaque {
  readonly typeName = TYPE;
  constructor(
    readonly name: string,
    readonly validate: (s: string) => string[],
  ) {}
  toString(): string {
    return `format.${this.name}()`;
  }
}

const wrap = (name: string) => opaqueValue(new NamedFormat(name, FORMATS[name] as (s: string) => string[]), name);

/** Kubernetes format library: format.<name>().validate(s) is none, or the list of errors. */
export const FORMAT_LIBRARY: CelFunc[] = [
  ...Object.keys(FORMATS).map((name) => celFunc(`format.${name}`, [], DYN, () => wrap(name))),
  celFunc('format.named', [STRING], DYN, (name) => (name in FORMATS ? optionalOf(wrap(name)) : optionalNone())),
  celMethod('validate', DYN, [STRING], DYN, function (s) {
    const errors = expectOpaque<NamedFormat>(this, TYPE, 'validate').validate(s);
    return errors.length === 0 ? optionalNone() : optionalOf(celList(errors));
  }),
];
