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

/** Whether `ip` is private, loopback, link-local or otherwise not a public address. */
export function isPrivateAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 4) return blocked.check(ip, 'ipv4');
  if (family === 6) {
    // IPv4-mapped (::ffff:127.0.0.1) and IPv4-compatible forms are judged by their IPv4 address.
    const mapped = /^::(?:ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
    if (mapped?.[1]) return blocked.check(mapped[1], 'ipv4');
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
