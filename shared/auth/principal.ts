// Who is signed in: the platform's sign-in principal (`x-ms-client-principal`) read into a customer identity.
import { z } from 'zod';
import type { SignInTrust } from '../config';
import type { Signer } from '../domain/acceptance';

/** The header the platform's sign-in ("Easy Auth") sets on every request of a signed-in user. */
export const CLIENT_PRINCIPAL_HEADER = 'x-ms-client-principal';

/** Claim types read for each field, short form first, exactly as API.md lists them. */
const CLAIM_TYPES = {
  tenantId: ['tid', 'http://schemas.microsoft.com/identity/claims/tenantid'],
  objectId: ['oid', 'http://schemas.microsoft.com/identity/claims/objectidentifier'],
  userPrincipalName: ['preferred_username', 'upn', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn'],
  roles: ['wids'],
} as const;

/** What the platform would put in `name_typ` and `role_typ`; only used when we build a header ourselves. */
const NAME_CLAIM_TYPE = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress';
const ROLE_CLAIM_TYPE = 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role';

const claimsSchema = z.object({
  // Only Microsoft Entra sign-ins carry a tenant we can trust; any other provider is "not signed in".
  auth_typ: z.string().refine((value) => value.toLowerCase() === 'aad'),
  claims: z.array(z.object({ typ: z.string(), val: z.string() })),
  name_typ: z.string().optional(),
  role_typ: z.string().optional(),
});

const guid = z.guid().transform((value) => value.toLowerCase());

/** Who sent a request, as far as its principal header can be believed. */
export type RequestIdentity =
  /** Nothing vouches for the header (no sign-in in front of the app), so nobody can be signed in: fail closed. */
  { kind: 'unverifiable' } | { kind: 'anonymous' } | { kind: 'signed-in'; principal: Signer };

/**
 * The one check every use of the principal goes through: the header counts only where a sign-in in front of the
 * app vouches for it (`signIn`, from the settings: the platform's, or the local stand-in). Anywhere else a client could have
 * written it itself.
 */
export function requestIdentity(headers: { get(name: string): string | null }, signIn: SignInTrust): RequestIdentity {
  if (signIn === 'none') return { kind: 'unverifiable' };
  const principal = parseClientPrincipal(headers.get(CLIENT_PRINCIPAL_HEADER));
  return principal ? { kind: 'signed-in', principal } : { kind: 'anonymous' };
}

/**
 * Parses an `x-ms-client-principal` value. Never throws: anything malformed means "not signed in". Whether the value
 * may be believed at all is requestIdentity's question.
 */
export function parseClientPrincipal(headerValue: string | null | undefined): Signer | undefined {
  if (!headerValue) return undefined;
  const parsed = claimsSchema.safeParse(decodeJson(headerValue));
  if (!parsed.success) return undefined;
  const claims = parsed.data.claims;
  const tenantId = guid.safeParse(firstClaim(claims, CLAIM_TYPES.tenantId));
  const objectId = guid.safeParse(firstClaim(claims, CLAIM_TYPES.objectId));
  if (!tenantId.success || !objectId.success) return undefined;
  return {
    tenantId: tenantId.data,
    objectId: objectId.data,
    userPrincipalName: firstClaim(claims, CLAIM_TYPES.userPrincipalName)?.trim() ?? '',
    roles: roleIds(claims),
  };
}

export interface PrincipalClaims {
  tenantId: string;
  objectId: string;
  userPrincipalName: string;
  roles?: readonly string[];
  /** Claim names to write: 'long' as the platform's default claims mapping delivers tid/oid, or 'short'. */
  claimNames?: 'long' | 'short';
}

/** Builds an `x-ms-client-principal` value as the platform would (the local sign-in stand-in and tests use it). */
export function encodePrincipal(identity: PrincipalClaims): string {
  const long = (identity.claimNames ?? 'long') === 'long';
  const claims = [
    { typ: CLAIM_TYPES.tenantId[long ? 1 : 0], val: identity.tenantId },
    { typ: CLAIM_TYPES.objectId[long ? 1 : 0], val: identity.objectId },
    { typ: 'preferred_username', val: identity.userPrincipalName },
    { typ: 'name', val: identity.userPrincipalName },
    ...(identity.roles ?? []).map((role) => ({ typ: 'wids', val: role })),
  ];
  const body = { auth_typ: 'aad', claims, name_typ: NAME_CLAIM_TYPE, role_typ: ROLE_CLAIM_TYPE };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64');
}

function decodeJson(headerValue: string): unknown {
  try {
    return JSON.parse(Buffer.from(headerValue, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
}

function firstClaim(claims: { typ: string; val: string }[], types: readonly string[]): string | undefined {
  for (const type of types) {
    const claim = claims.find((candidate) => candidate.typ === type);
    if (claim) return claim.val;
  }
  return undefined;
}

/** Every well-formed `wids` value, lower-cased and once; a malformed one cannot grant a role, so it is dropped. */
function roleIds(claims: { typ: string; val: string }[]): string[] {
  const roles = claims
    .filter((claim) => (CLAIM_TYPES.roles as readonly string[]).includes(claim.typ))
    .map((claim) => guid.safeParse(claim.val.trim()))
    .flatMap((result) => (result.success ? [result.data] : []));
  return [...new Set(roles)];
}
