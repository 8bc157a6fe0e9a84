import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { PermanentError } from '../errors.js';

/** Address ranges no fetch may reach unless its source allows private addresses. */
const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata lives here)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
  ['64:ff9b:1::', 48], // local-use NAT64
] as const)
  blocked.addSubnet(net, prefix, 'ipv6');

/** An IPv6 address as its eight 16-bit groups (an embedded dotted IPv4 tail included). */
function hextets(ip: string): number[] {
  let text = ip.toLowerCase();
  const dotted = /(?<!\d)(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const part = (s: string | undefined) => (s ? s.split(':').map((h) => parseInt(h, 16)) : []);
  const left = part(head);
  const right = part(tail);
  return tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill(0), ...right];
}

const ipv4Of = (hi: number, lo: number): string => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;

/**
 * The IPv4 address an IPv6 address stands for, where it carries one: IPv4-mapped
 * (`::ffff:0:0/96`), NAT64 (`64:ff9b::/96`) and 6to4 (`2002::/16`, the address in bits 16–48).
 */
function embeddedIpv4(h: number[]): string | null {
  const zeros = (n: number) => h.slice(0, n).every((x) => x === 0);
  if (zeros(5) && h[5] === 0xffff) return ipv4Of(h[6]!, h[7]!);
  if (h[0] === 0x64 && h[1] === 0xff9b && h.slice(2, 6).every((x) => x === 0)) return ipv4Of(h[6]!, h[7]!);
  if (h[0] === 0x2002) return ipv4Of(h[1]!, h[2]!);
  return null;
}

/**
 * Whether `ip` is private, loopback, link-local or otherwise not a public address. An IPv6
 * address that carries an IPv4 one (mapped, NAT64, 6to4) is judged by that IPv4 address;
 * IPv4-compatible addresses (`::/96`, deprecated and never routed) are refused whole.
 */
export function isPrivateAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 4) return blocked.check(ip, 'ipv4');
  if (family === 6) {
    const h = hextets(ip);
    const v4 = embeddedIpv4(h);
    if (v4) return blocked.check(v4, 'ipv4');
    if (h.slice(0, 6).every((x) => x === 0)) return true;
    return blocked.check(ip, 'ipv6');
  }
  return true;
}

/** The refusal: permanent, with a code callers match on and a message that says how to allow it. */
export function privateAddressError(host: string, ip: string): PermanentError {
  return new PermanentError(
    'ERR_FETCH_PRIVATE_ADDRESS',
    `refused to fetch ${host}: it resolves to ${ip}, a private, loopback or link-local address. ` +
      'Set `allowPrivate: true` on the source (or FETCH_ALLOW_PRIVATE=true) if this host is meant to be reached.',
    { details: { host, ip } },
  );
}

/** A resolver in the shape of `dns.lookup` with `{ all: true }` (tests inject their own). */
export type Resolver = (host: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (host) =>
  new Promise((resolve, reject) =>
    dnsLookup(host, { all: true }, (err, addrs) => (err ? reject(err) : resolve(addrs))),
  );

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for the socket connect of an undici Agent. It resolves the host itself,
 * checks every address, and hands the socket the address it checked: the connection goes
 * to exactly that IP, so a second DNS answer (DNS rebinding) cannot swap it for another.
 */
export function guardedLookup(allowPrivate: boolean, resolver: Resolver = systemResolver) {
  return (
    hostname: string,
    options: { all?: boolean } | number | undefined,
    callback: LookupCallback,
  ): void => {
    resolver(hostname).then(
      (addrs) => {
        const bad = addrs.find((a) => isPrivateAddress(a.address));
        if (!allowPrivate && bad) {
          const err = privateAddressError(hostname, bad.address) as unknown as NodeJS.ErrnoException;
          callback(err, '');
          return;
        }
        const first = addrs[0];
        if (!first) {
          callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
          return;
        }
        if (typeof options === 'object' && options?.all) callback(null, [first]);
        else callback(null, first.address, first.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, ''),
    );
  };
}

/** Refuses a URL whose host is a literal private address (no DNS is asked, so the lookup hook never runs). */
export function checkLiteralHost(url: URL, allowPrivate: boolean): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isIP(host) && isPrivateAddress(host)) throw privateAddressError(url.hostname, host);
}
