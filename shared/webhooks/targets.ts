// Where a webhook may point (API.md: https only; in Azure never loopback, private, link-local or metadata addresses),
// checked on the URL and on every address its host resolves to, when registering and again on each delivery.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import type { WebhookTargets } from '../config';
import type { ErrorCode } from '../errors';

/** Resolves a host name to all its addresses (tests give their own). */
export type ResolveHost = (hostname: string) => Promise<string[]>;

export const resolveHost: ResolveHost = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((found) => found.address);

/** Why a URL may not receive webhooks, as a sentence for the partner; undefined when it may. */
export async function targetRefusal(
  url: string,
  targets: WebhookTargets,
  resolve: ResolveHost,
): Promise<string | undefined> {
  return (await targetProblem(url, targets, resolve))?.message;
}

/** Why a URL may not receive webhooks: the sentence, and its code for pages that say it in their own words. */
export async function targetProblem(
  url: string,
  targets: WebhookTargets,
  resolve: ResolveHost,
): Promise<{ code: ErrorCode; message: string } | undefined> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { code: 'url-not-absolute', message: 'must be an absolute https:// URL' };
  }
  if (targets === 'local') {
    return ['http:', 'https:'].includes(parsed.protocol)
      ? undefined
      : { code: 'url-scheme', message: 'must be an http(s) URL' };
  }
  if (parsed.protocol !== 'https:') return { code: 'url-scheme', message: 'must be an https:// URL' };
  if (parsed.username || parsed.password) {
    return { code: 'url-credentials', message: 'must not carry a user name or password' };
  }
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  const addresses = isIP(host) ? [host] : await resolved(host, resolve);
  if (addresses === undefined) {
    return { code: 'url-unresolvable', message: `has a host (${host}) that does not resolve to an address` };
  }
  const refused = addresses.find((address) => !isPublicAddress(address));
  if (refused === undefined) return undefined;
  return {
    code: 'url-not-public',
    message: `resolves to ${refused}, a loopback, private, link-local or metadata address that may not receive webhooks`,
  };
}

async function resolved(host: string, resolve: ResolveHost): Promise<string[] | undefined> {
  try {
    const addresses = await resolve(host);
    return addresses.length ? addresses : undefined;
  } catch {
    return undefined;
  }
}

/** Addresses no webhook may reach: this host, private networks, link-local, cloud metadata and other special ranges. */
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT (also Alibaba's metadata address)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, with the AWS/Azure/GCP metadata address 169.254.169.254
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
  ['168.63.129.16', 32], // Azure's platform endpoint (WireServer)
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local (AWS's IPv6 metadata address fd00:ec2::254 among them)
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
  ['64:ff9b::', 96], // NAT64: reaches IPv4 addresses, private ones included
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

/** Whether an address is one a webhook may reach; an IPv4 address written as IPv6 is judged as IPv4. */
export function isPublicAddress(address: string): boolean {
  const mapped = ipv4Inside(address);
  if (mapped) return isPublicAddress(mapped);
  const family = isIP(address);
  if (family === 0) return false;
  return !NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** The IPv4 address inside an IPv4-mapped IPv6 one, in either spelling (`::ffff:127.0.0.1`, `::ffff:7f00:1`). */
function ipv4Inside(address: string): string | undefined {
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (dotted) return dotted;
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return undefined;
  const [high, low] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}
