/**
 * CIDR matching for the search language (`ip="10.0.0.0/8"`, [V search]) and the eval function
 * `cidrmatch` [V cmpfn]. IPv4 and IPv6 (`::` compression, embedded dotted IPv4 tail). Pure.
 */

export type IpFamily = 4 | 6;

export interface ParsedIp {
  family: IpFamily;
  /** 4 bytes for IPv4, 16 for IPv6. */
  bytes: number[];
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function parseIpv4(s: string): number[] | null {
  const m = IPV4.exec(s);
  if (!m) return null;
  const bytes = m.slice(1, 5).map(Number);
  return bytes.every((b) => b <= 255) ? bytes : null;
}

function parseGroups(part: string): number[] | null {
  if (part === "") return [];
  const out: number[] = [];
  for (const g of part.split(":")) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    out.push(parseInt(g, 16));
  }
  return out;
}

function parseIpv6(input: string): number[] | null {
  let s = input;
  const zone = s.indexOf("%");
  if (zone >= 0) s = s.slice(0, zone);
  if (s.length === 0) return null;
  // A dotted IPv4 tail (`::ffff:1.2.3.4`) stands for the last two groups: rewrite it as hex.
  const lastColon = s.lastIndexOf(":");
  if (lastColon >= 0 && s.indexOf(".", lastColon) > 0) {
    const v4 = parseIpv4(s.slice(lastColon + 1));
    if (!v4) return null;
    const hi = (((v4[0] as number) << 8) | (v4[1] as number)).toString(16);
    const lo = (((v4[2] as number) << 8) | (v4[3] as number)).toString(16);
    s = `${s.slice(0, lastColon + 1)}${hi}:${lo}`;
  }
  const parts = s.split("::");
  if (parts.length > 2) return null;
  let groups: number[];
  if (parts.length === 2) {
    const head = parseGroups(parts[0] as string);
    const rest = parseGroups(parts[1] as string);
    if (!head || !rest) return null;
    const missing = 8 - head.length - rest.length;
    if (missing < 1) return null;
    groups = [...head, ...new Array<number>(missing).fill(0), ...rest];
  } else {
    const all = parseGroups(s);
    if (!all) return null;
    groups = all;
    if (groups.length !== 8) return null;
  }
  const bytes: number[] = [];
  for (const g of groups) bytes.push(g >> 8, g & 0xff);
  return bytes;
}

/** Parse an IPv4 or IPv6 address (no surrounding spaces); null if it is not one. */
export function parseIp(s: string): ParsedIp | null {
  if (typeof s !== "string" || s.length === 0 || s.length > 64) return null;
  const v4 = parseIpv4(s);
  if (v4) return { family: 4, bytes: v4 };
  if (!s.includes(":")) return null;
  const v6 = parseIpv6(s);
  return v6 ? { family: 6, bytes: v6 } : null;
}

export interface ParsedCidr {
  family: IpFamily;
  bytes: number[];
  prefix: number;
}

/** Parse `address/prefix`; null if `s` is not CIDR notation. */
export function parseCidr(s: string): ParsedCidr | null {
  if (typeof s !== "string") return null;
  const slash = s.indexOf("/");
  if (slash < 0 || s.indexOf("/", slash + 1) >= 0) return null;
  const prefixText = s.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return null;
  const ip = parseIp(s.slice(0, slash));
  if (!ip) return null;
  const prefix = Number(prefixText);
  if (prefix > (ip.family === 4 ? 32 : 128)) return null;
  return { family: ip.family, bytes: ip.bytes, prefix };
}

/** True when `s` is written in CIDR notation (`10.0.0.0/8`, `2001:db8::/32`). */
export function looksLikeCidr(s: string): boolean {
  return parseCidr(s) !== null;
}

function prefixEqual(a: number[], b: number[], prefix: number): boolean {
  let bits = prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((((a[i] as number) ^ (b[i] as number)) & mask) !== 0) return false;
  }
  return true;
}

/**
 * Does `ip` fall inside `cidr`? null when `cidr` is not CIDR notation; false when `ip` is not an
 * address of the same family (an IPv4 address never matches an IPv6 range and vice versa [U]).
 */
export function cidrMatch(cidr: string, ip: string): boolean | null {
  const range = parseCidr(cidr);
  if (!range) return null;
  const addr = parseIp(ip);
  if (!addr || addr.family !== range.family) return false;
  return prefixEqual(range.bytes, addr.bytes, range.prefix);
}
