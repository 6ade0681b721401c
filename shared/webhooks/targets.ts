// Where a webhook may point (API.md: https only; in Azure never loopback, private, link-local or metadata addresses),
// checked on the URL and on every address its host resolves to, when registering and again on each delivery.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import type { WebhookTargets } from '../config';
import type { ErrorCode } from '../errors';

/** Resolves a host name to all its addresses (tests give their own). */
export type ResolveHost = (hostname: string) => Promise<string[]>;

export const resolveHost: ResolveHost = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((found) => found.address);

/** What each mode allows; the local host differs only in also taking http:// and loopback (API.md, Webhooks). */
const RULES: Record<WebhookTargets, { protocols: string[]; protocolRefusal: string; loopback: boolean }> = {
  public: { protocols: ['https:'], protocolRefusal: 'must be an https:// URL', loopback: false },
  local: { protocols: ['http:', 'https:'], protocolRefusal: 'must be an http(s) URL', loopback: true },
};

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
  const rules = RULES[targets];
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return {
      code: 'url-not-absolute',
      message: `must be an absolute ${targets === 'public' ? 'https://' : 'http(s)'} URL`,
    };
  }
  if (!rules.protocols.includes(parsed.protocol)) return { code: 'url-scheme', message: rules.protocolRefusal };
  // A password would be stored and shown back with the URL, and is sent in the clear on every delivery.
  if (parsed.username || parsed.password) {
    return { code: 'url-credentials', message: 'must not carry a user name or password' };
  }
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  const addresses = isIP(host) ? [host] : await resolved(host, resolve);
  if (addresses === undefined) {
    return { code: 'url-unresolvable', message: `has a host (${host}) that does not resolve to an address` };
  }
  const refused = addresses.find((address) => !isAllowedAddress(address, targets));
  if (refused === undefined) return undefined;
  return {
    code: 'url-not-public',
    message:
      `resolves to ${refused}, which is not a public address (loopback, private, link-local, metadata, reserved, ` +
      'or an IPv6 form of an IPv4 address) and may not receive webhooks',
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

/** Whether a webhook may connect to this address in this mode: a public one, or in local mode also loopback. */
export function isAllowedAddress(address: string, targets: WebhookTargets): boolean {
  return isPublicAddress(address) || (RULES[targets].loopback && isLoopbackAddress(address));
}

/** Azure's platform endpoint (WireServer): a public-looking address that reaches the host's own agent. */
const AZURE_WIRESERVER = '168.63.129.16';
/** IPv6 global unicast (RFC 4291); everything outside it (::/8 with its IPv4-compatible and -mapped forms, NAT64
 * 64:ff9b::/96, unique local, link-local, multicast) is not a public address. */
const IPV6_GLOBAL_UNICAST = ipaddr.parseCIDR('2000::/3');

/**
 * Whether an address is globally routable unicast, judged by ipaddr.js's special ranges (`range()` is 'unicast' only
 * outside all of them). Every IPv6 form that carries an IPv4 address (mapped, compatible, 6to4, NAT64, Teredo) is
 * refused outright: where it leads depends on a relay or the local stack, not on the address we checked.
 */
export function isPublicAddress(address: string): boolean {
  if (isIP(address) === 0) return false;
  const parsed = ipaddr.parse(address);
  if (parsed.range() !== 'unicast') return false;
  if (parsed.kind() === 'ipv4') return address !== AZURE_WIRESERVER;
  return parsed.match(IPV6_GLOBAL_UNICAST);
}

/** 127.0.0.0/8 and ::1, exactly as written (an IPv4-mapped loopback is not needed by any local receiver). */
function isLoopbackAddress(address: string): boolean {
  return isIP(address) !== 0 && ipaddr.parse(address).range() === 'loopback';
}
