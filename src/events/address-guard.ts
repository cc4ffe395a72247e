// Where a webhook may not be sent: private, loopback, link-local and other non-public addresses, so that a
// subscription cannot make Keyward call into its own network (server-side request forgery). Checked when a URL is
// given (the name resolved then) and again on every connection (the address actually connected to, so a name that
// later resolves to 127.0.0.1 is refused too). KEYWARD_WEBHOOK_ALLOW_PRIVATE=true lifts it for development and tests.
import { lookup, type LookupAddress } from 'node:dns';
import { promises as dns } from 'node:dns';
import { BlockList, isIP } from 'node:net';

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local (cloud metadata services live here)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
  ['64:ff9b::', 96], // NAT64 (maps to IPv4, possibly private)
] as const)
  blocked.addSubnet(net, prefix, 'ipv6');

/** Whether `ip` is an address a webhook may not reach (IPv4-mapped IPv6 addresses are judged as their IPv4). */
export function isPrivateAddress(ip: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return blocked.check(mapped[1]!, 'ipv4');
  const family = isIP(ip);
  if (family === 0) return true;
  return blocked.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

export class BlockedAddressError extends Error {
  constructor(readonly address: string) {
    super(`the address ${address} is private, loopback or link-local, where webhooks are not sent`);
    this.name = 'BlockedAddressError';
  }
}

/** The host of a URL as an address or a name (IPv6 literals lose their brackets). */
const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** Throws BlockedAddressError when the URL's host is, or resolves to, a blocked address (name resolution errors pass: the delivery will fail and retry). */
export async function checkPublicUrl(url: URL): Promise<void> {
  const host = hostOf(url);
  if (isIP(host)) {
    if (isPrivateAddress(host)) throw new BlockedAddressError(host);
    return;
  }
  let addresses: { address: string }[];
  try {
    addresses = await dns.lookup(host, { all: true, verbatim: true });
  } catch {
    return;
  }
  const bad = addresses.find((a) => isPrivateAddress(a.address));
  if (bad) throw new BlockedAddressError(bad.address);
}

/** Sync check of an address literal (the connection-time lookup below never sees literals: node connects to them directly). */
export function checkLiteralHost(url: URL): void {
  const host = hostOf(url);
  if (isIP(host) && isPrivateAddress(host)) throw new BlockedAddressError(host);
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for http.request that refuses blocked addresses: the check applies to the address connected to. */
export function guardedLookup(hostname: string, options: { all?: boolean; family?: number }, callback: LookupCallback): void {
  lookup(hostname, { ...options, all: true, verbatim: true }, (err, addresses) => {
    if (err) return callback(err, options.all ? [] : '', 0);
    const bad = addresses.find((a) => isPrivateAddress(a.address));
    if (bad) return callback(new BlockedAddressError(bad.address), options.all ? [] : '', 0);
    if (options.all) return callback(null, addresses);
    const first = addresses[0]!;
    callback(null, first.address, first.family);
  });
}
