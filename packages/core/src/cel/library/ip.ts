import { celFunc, celMethod, CelScalar } from '@bufbuild/cel';
import type { CelFunc } from '@bufbuild/cel';
import { expectOpaque, opaqueOf, opaqueValue, type Opaque } from './opaque';

const { STRING, BOOL, INT, DYN } = CelScalar;
const IP_TYPE = 'net.IP';
const CIDR_TYPE = 'net.CIDR';

/** An IPv4 (4 bytes) or IPv6 (16 bytes) address, as Go's netip.Addr. */
export class IpAddress implements Opaque {
  readonly typeName = IP_TYPE;
  constructor(readonly bytes: readonly number[]) {}
  get family(): 4 | 6 {
    return this.bytes.length === 4 ? 4 : 6;
  }
  private word(i: number): number {
    return ((this.bytes[2 * i] as number) << 8) | (this.bytes[2 * i + 1] as number);
  }
  isUnspecified(): boolean {
    return this.bytes.every((b) => b === 0);
  }
  isLoopback(): boolean {
    return this.family === 4 ? this.bytes[0] === 127 : this.bytes.slice(0, 15).every((b) => b === 0) && this.bytes[15] === 1;
  }
  isMulticast(): boolean {
    return this.family === 4 ? ((this.bytes[0] as number) & 0xf0) === 0xe0 : this.bytes[0] === 0xff;
  }
  isLinkLocalMulticast(): boolean {
    return this.family === 4
      ? this.bytes[0] === 224 && this.bytes[1] === 0 && this.bytes[2] === 0
      : (this.word(0) & 0xff0f) === 0xff02;
  }
  isLinkLocalUnicast(): boolean {
    return this.family === 4 ? this.bytes[0] === 169 && this.bytes[1] === 254 : (this.word(0) & 0xffc0) === 0xfe80;
  }
  isGlobalUnicast(): boolean {
    if (this.family === 4 && this.bytes.every((b) => b === 255)) return false;
    return !this.isUnspecified() && !this.isLoopback() && !this.isMulticast() && !this.isLinkLocalUnicast();
  }
  /** RFC 5952 text, as netip.Addr.String(). */
  toString(): string {
    if (this.family === 4) return this.bytes.join('.');
    const words = Array.from({ length: 8 }, (_, i) => this.word(i));
    let bestStart = -1;
    let bestLen = 1;
    for (let i = 0; i < 8; ) {
      if (words[i] !== 0) {
        i++;
        continue;
      }
      let j = i;
      while (j < 8 && words[j] === 0) j++;
      if (j - i > bestLen) [bestStart, bestLen] = [i, j - i];
      i = j;
    }
    const hex = words.map((w) => w.toString(16));
    if (bestStart < 0) return hex.join(':');
    return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
  }
}

function parseIpv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes = parts.map((p) => (/^(0|[1-9]\d{0,2})$/.test(p) ? Number(p) : NaN));
  return bytes.every((b) => b <= 255) ? bytes : undefined;
}

function parseIpv6(text: string): number[] | undefined {
  if (!/^[0-9A-Fa-f:.]+$/.test(text)) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string): number[] | undefined => {
    if (s === '') return [];
    const out: number[] = [];
    const parts = s.split(':');
    for (const [i, part] of parts.entries()) {
      if (i === parts.length - 1 && part.includes('.')) {
        const v4 = parseIpv4(part);
        if (v4 === undefined) return undefined;
        out.push((v4[0] as number) * 256 + (v4[1] as number), (v4[2] as number) * 256 + (v4[3] as number));
      } else if (/^[0-9A-Fa-f]{1,4}$/.test(part)) {
        out.push(parseInt(part, 16));
      } else {
        return undefined;
      }
    }
    return out;
  };
  const head = groups(halves[0] as string);
  const tail = halves.length === 2 ? groups(halves[1] as string) : [];
  if (head === undefined || tail === undefined) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const words = [...head, ...new Array<number>(missing).fill(0), ...tail];
  return words.flatMap((w) => [w >> 8, w & 0xff]);
}

/** netip.ParseAddr, without zones or IPv4-mapped IPv6 addresses (as the API server). */
export function parseIp(text: string): IpAddress {
  const bytes = text.includes(':') ? parseIpv6(text) : parseIpv4(text);
  if (bytes === undefined) throw new Error(`IP Address ${JSON.stringify(text)} parse error during conversion from string`);
  if (bytes.length === 16 && bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 255 && bytes[11] === 255) {
    throw new Error(`IPv4-mapped IPv6 address ${JSON.stringify(text)} is not allowed`);
  }
  return new IpAddress(bytes);
}

export class Cidr implements Opaque {
  readonly typeName = CIDR_TYPE;
  constructor(
    readonly ip: IpAddress,
    readonly bits: number,
  ) {}
  masked(): Cidr {
    const bytes = this.ip.bytes.map((b, i) => {
      const keep = Math.max(0, Math.min(8, this.bits - 8 * i));
      return b & (0xff << (8 - keep)) & 0xff;
    });
    return new Cidr(new IpAddress(bytes), this.bits);
  }
  containsIp(ip: IpAddress): boolean {
    return ip.family === this.ip.family && new Cidr(ip, this.bits).masked().toString() === this.masked().toString();
  }
  containsCidr(other: Cidr): boolean {
    return other.bits >= this.bits && this.containsIp(other.ip);
  }
  toString(): string {
    return `${this.ip.toString()}/${this.bits}`;
  }
}

/** netip.ParsePrefix, without IPv4-mapped IPv6 addresses. */
export function parseCidr(text: string): Cidr {
  const slash = text.indexOf('/');
  const bitsText = slash < 0 ? '' : text.slice(slash + 1);
  if (slash < 0 || !/^(0|[1-9]\d{0,2})$/.test(bitsText)) {
    throw new Error(`network address parse error during conversion from string: ${JSON.stringify(text)}`);
  }
  const ip = parseIp(text.slice(0, slash));
  const bits = Number(bitsText);
  if (bits > (ip.family === 4 ? 32 : 128)) {
    throw new Error(`network address parse error during conversion from string: prefix length out of range in ${JSON.stringify(text)}`);
  }
  return new Cidr(ip, bits);
}

const wrapIp = (ip: IpAddress) => opaqueValue(ip, ip.toString());
const wrapCidr = (c: Cidr) => opaqueValue(c, c.toString());
const ipOf = (v: unknown, fn: string) => expectOpaque<IpAddress>(v, IP_TYPE, fn);
const cidrOf = (v: unknown, fn: string) => expectOpaque<Cidr>(v, CIDR_TYPE, fn);
const valid = (parse: (s: string) => unknown) => (s: string) => {
  try {
    parse(s);
    return true;
  } catch {
    return false;
  }
};
const ipMethod = (name: string, test: (ip: IpAddress) => boolean) =>
  celMethod(name, DYN, [], BOOL, function () {
    return test(ipOf(this, name));
  });

/** Kubernetes IP and CIDR libraries. */
export const IP_LIBRARY: CelFunc[] = [
  celFunc('ip', [STRING], DYN, (s) => wrapIp(parseIp(s))),
  celFunc('isIP', [STRING], BOOL, valid(parseIp)),
  celFunc('ip.isCanonical', [STRING], BOOL, (s) => parseIp(s).toString() === s),
  celMethod('family', DYN, [], INT, function () {
    return BigInt(ipOf(this, 'family').family);
  }),
  ipMethod('isUnspecified', (ip) => ip.isUnspecified()),
  ipMethod('isLoopback', (ip) => ip.isLoopback()),
  ipMethod('isLinkLocalMulticast', (ip) => ip.isLinkLocalMulticast()),
  ipMethod('isLinkLocalUnicast', (ip) => ip.isLinkLocalUnicast()),
  ipMethod('isGlobalUnicast', (ip) => ip.isGlobalUnicast()),
  celFunc('cidr', [STRING], DYN, (s) => wrapCidr(parseCidr(s))),
  celFunc('isCIDR', [STRING], BOOL, valid(parseCidr)),
  celMethod('containsIP', DYN, [STRING], BOOL, function (s) {
    return cidrOf(this, 'containsIP').containsIp(parseIp(s));
  }),
  celMethod('containsIP', DYN, [DYN], BOOL, function (ip) {
    return cidrOf(this, 'containsIP').containsIp(ipOf(ip, 'containsIP'));
  }),
  celMethod('containsCIDR', DYN, [STRING], BOOL, function (s) {
    return cidrOf(this, 'containsCIDR').containsCidr(parseCidr(s));
  }),
  celMethod('containsCIDR', DYN, [DYN], BOOL, function (c) {
    return cidrOf(this, 'containsCIDR').containsCidr(cidrOf(c, 'containsCIDR'));
  }),
  celMethod('ip', DYN, [], DYN, function () {
    return wrapIp(cidrOf(this, 'ip').ip);
  }),
  celMethod('prefixLength', DYN, [], INT, function () {
    return BigInt(cidrOf(this, 'prefixLength').bits);
  }),
  celMethod('masked', DYN, [], DYN, function () {
    return wrapCidr(cidrOf(this, 'masked').masked());
  }),
  // Tried after the standard string() overloads, which do not match these values.
  celFunc('string', [DYN], STRING, (v) => {
    const opaque = opaqueOf(v);
    if (opaque?.typeName !== IP_TYPE && opaque?.typeName !== CIDR_TYPE) throw new Error("found no matching overload for 'string'");
    return opaque.toString();
  }),
];

