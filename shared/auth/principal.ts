// Who is signed in: the platform's sign-in principal (`x-ms-client-principal`), believed only where a sign-in vouches
// for it, read into a customer identity (a partner's is read by partnerPrincipal.ts from the same claims).
import { z } from 'zod';
import type { SignInTrust } from '../config';
import type { Signer } from '../domain/acceptance';

/** The header the platform's sign-in ("Easy Auth") sets on every request of a signed-in user or validated token. */
export const CLIENT_PRINCIPAL_HEADER = 'x-ms-client-principal';

/** Claim types read for each field, short form first, exactly as API.md lists them. */
export const CLAIM_TYPES = {
  tenantId: ['tid', 'http://schemas.microsoft.com/identity/claims/tenantid'],
  objectId: ['oid', 'http://schemas.microsoft.com/identity/claims/objectidentifier'],
  userPrincipalName: ['preferred_username', 'upn', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn'],
  /** Directory roles (role template ids): what a customer's Global Administrator is recognised by. */
  roles: ['wids'],
  /** App roles of this service's app registration: what a partner's people and daemons are recognised by. */
  appRoles: ['roles', 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role'],
  /** A delegated (user) token's scopes; an app-only token has none. */
  scopes: ['scp', 'http://schemas.microsoft.com/identity/claims/scope'],
  /** The calling application's client id: `azp` in v2 tokens, `appid` in v1. */
  clientId: ['azp', 'appid'],
  /** The optional claim that says "app" for an app-only token. */
  tokenType: ['idtyp'],
} as const;

/** What the platform would put in `name_typ` and `role_typ`; only used when we build a header ourselves. */
const NAME_CLAIM_TYPE = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress';
const ROLE_CLAIM_TYPE = CLAIM_TYPES.appRoles[1];

export type Claim = { typ: string; val: string };

const claimsSchema = z.object({
  // Only Microsoft Entra sign-ins carry a tenant we can trust; any other provider is "not signed in".
  auth_typ: z.string().refine((value) => value.toLowerCase() === 'aad'),
  claims: z.array(z.object({ typ: z.string(), val: z.string() })),
  name_typ: z.string().optional(),
  role_typ: z.string().optional(),
});

const guid = z.guid().transform((value) => value.toLowerCase());

/** Who sent a request, as far as its principal header can be believed, read as `P` (a customer, or a partner's). */
export type Identity<P> =
  /** Nothing vouches for the header (no sign-in in front of the app), so nobody can be signed in: fail closed. */
  { kind: 'unverifiable' } | { kind: 'anonymous' } | { kind: 'signed-in'; principal: P };

/** The reader of a customer page, as far as the header can be believed. */
export type RequestIdentity = Identity<Signer>;

/** A customer's identity: see vouchedIdentity, the one trust check. */
export function requestIdentity(headers: { get(name: string): string | null }, signIn: SignInTrust): RequestIdentity {
  return vouchedIdentity(headers, signIn, parseClientPrincipal);
}

/**
 * The one check every use of the principal goes through: the header counts only where a sign-in in front of the
 * app vouches for it (`signIn`, from the settings: the platform's, or the local stand-in). Anywhere else a client could
 * have written it itself. `read` turns a believed header into the principal its caller needs, or undefined.
 */
export function vouchedIdentity<P>(
  headers: { get(name: string): string | null },
  signIn: SignInTrust,
  read: (headerValue: string | null) => P | undefined,
): Identity<P> {
  if (signIn === 'none') return { kind: 'unverifiable' };
  const principal = read(headers.get(CLIENT_PRINCIPAL_HEADER));
  return principal ? { kind: 'signed-in', principal } : { kind: 'anonymous' };
}

/**
 * Parses an `x-ms-client-principal` value as a customer. Never throws: anything malformed means "not signed in".
 * Whether the value may be believed at all is vouchedIdentity's question. App roles play no part here, and an
 * application (a daemon's app-only token) holds no directory role: only a person accepts for a tenant (R6).
 */
export function parseClientPrincipal(headerValue: string | null | undefined): Signer | undefined {
  const claims = principalClaims(headerValue);
  const ids = claims && tenantAndObject(claims);
  if (!claims || !ids) return undefined;
  return {
    ...ids,
    userPrincipalName: firstClaim(claims, CLAIM_TYPES.userPrincipalName)?.trim() ?? '',
    roles: isApplication(claims) ? [] : roleIds(claims),
  };
}

/** The claims of a well-formed Microsoft Entra principal header; undefined for anything else. Never throws. */
export function principalClaims(headerValue: string | null | undefined): Claim[] | undefined {
  if (!headerValue) return undefined;
  const parsed = claimsSchema.safeParse(decodeJson(headerValue));
  return parsed.success ? parsed.data.claims : undefined;
}

/** The principal's tenant and object id, lower-case; undefined unless both are GUIDs. */
export function tenantAndObject(claims: Claim[]): { tenantId: string; objectId: string } | undefined {
  const tenantId = guid.safeParse(firstClaim(claims, CLAIM_TYPES.tenantId));
  const objectId = guid.safeParse(firstClaim(claims, CLAIM_TYPES.objectId));
  return tenantId.success && objectId.success ? { tenantId: tenantId.data, objectId: objectId.data } : undefined;
}

/**
 * Whether the principal is an application acting as itself (a daemon's app-only token) rather than a person. `idtyp`
 * (an optional claim our app registration asks for) says so exactly; without it, an app-only token names its client
 * (`azp`, `appid`) but carries neither a user name nor a delegated scope.
 */
export function isApplication(claims: Claim[]): boolean {
  const tokenType = firstClaim(claims, CLAIM_TYPES.tokenType)?.trim().toLowerCase();
  if (tokenType) return tokenType === 'app';
  return (
    firstClaim(claims, CLAIM_TYPES.clientId) !== undefined &&
    firstClaim(claims, CLAIM_TYPES.userPrincipalName) === undefined &&
    firstClaim(claims, CLAIM_TYPES.scopes) === undefined
  );
}

/** Every value of these claim types, in either form, trimmed and once. */
export function allClaims(claims: Claim[], types: readonly string[]): string[] {
  const values = claims.filter((claim) => types.includes(claim.typ)).map((claim) => claim.val.trim());
  return [...new Set(values.filter(Boolean))];
}

export interface PrincipalClaims {
  tenantId: string;
  objectId: string;
  /** A person's user name; leave it out for an application. */
  userPrincipalName?: string;
  /** Directory role template ids (`wids`). */
  roles?: readonly string[];
  /** App role values of this service (`roles`). */
  appRoles?: readonly string[];
  /** Makes an application's app-only principal: `idtyp=app` and this client id as `azp`, no user name. */
  applicationClientId?: string;
  /** Claim names to write: 'long' as the platform's default claims mapping delivers tid/oid, or 'short'. */
  claimNames?: 'long' | 'short';
  /** How app roles are written: 'short' (`roles`, as the platform passes them) or 'long' (the role claim type). */
  appRoleClaimNames?: 'long' | 'short';
}

/** Builds an `x-ms-client-principal` value as the platform would (the local sign-in stand-in and tests use it). */
export function encodePrincipal(identity: PrincipalClaims): string {
  const long = (identity.claimNames ?? 'long') === 'long';
  const appRoleType = CLAIM_TYPES.appRoles[identity.appRoleClaimNames === 'long' ? 1 : 0];
  const name = identity.userPrincipalName;
  const claims = [
    { typ: CLAIM_TYPES.tenantId[long ? 1 : 0], val: identity.tenantId },
    { typ: CLAIM_TYPES.objectId[long ? 1 : 0], val: identity.objectId },
    ...(name === undefined
      ? []
      : [
          { typ: 'preferred_username', val: name },
          { typ: 'name', val: name },
        ]),
    ...(identity.applicationClientId === undefined
      ? []
      : [
          { typ: 'idtyp', val: 'app' },
          { typ: 'azp', val: identity.applicationClientId },
        ]),
    ...(identity.roles ?? []).map((role) => ({ typ: 'wids', val: role })),
    ...(identity.appRoles ?? []).map((role) => ({ typ: appRoleType, val: role })),
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

function firstClaim(claims: Claim[], types: readonly string[]): string | undefined {
  for (const type of types) {
    const claim = claims.find((candidate) => candidate.typ === type);
    if (claim) return claim.val;
  }
  return undefined;
}

/** Every well-formed `wids` value, lower-cased and once; a malformed one cannot grant a role, so it is dropped. */
function roleIds(claims: Claim[]): string[] {
  const roles = allClaims(claims, CLAIM_TYPES.roles)
    .map((value) => guid.safeParse(value))
    .flatMap((result) => (result.success ? [result.data] : []));
  return [...new Set(roles)];
}
