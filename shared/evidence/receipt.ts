// The consent receipt (API.md, "Receipts"): its claims, made from a decided consent, signed as a compact JWS (ES256),
// and verified offline against a JWKS.
import { base64url, compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';
import {
  withoutAbsentFields as withoutAbsent,
  type Consent,
  type DecisionEvent,
  type Disclosure,
} from '../domain/consent';
import { channelsFor, type Partner } from '../domain/partners';
import type { ReceiptSigner } from './signer';

/** The JOSE header's `typ`, so a receipt cannot be taken for another kind of token. */
export const RECEIPT_TYPE = 'consent-receipt+jwt';
/** The media type receipts are served with. */
export const RECEIPT_MEDIA_TYPE = 'application/jose';

export interface ReceiptClaims {
  iss: string;
  sub: string;
  jti: string;
  iat: number;
  event: DecisionEvent;
  tid: string;
  partner: { id: string; type: Consent['partner']['type']; displayName: string; tenantId?: string };
  indirectProvider?: { id: string; displayName: string };
  channels: string[];
  delegatedAdmin?: { roles: string[]; durationDays: number; autoExtend: boolean };
  decidedAt: string;
  decidedBy: { objectId: string; userPrincipalName?: string };
  disclosure: Disclosure;
}

/**
 * The claims of the receipt for one decision, or undefined when the consent holds no such decision with a disclosure
 * (an operator's revocation: the customer was shown nothing). `partner`: its registration, for its tenant id.
 */
export function receiptClaims(input: {
  issuer: string;
  consent: Consent;
  partner: Partner | undefined;
  event: DecisionEvent;
  issuedAt: Date;
}): ReceiptClaims | undefined {
  const { consent, event } = input;
  const disclosure = consent.disclosures?.[event];
  const decision = decisionOf(consent, event);
  if (!disclosure || !decision || !consent.customer.tenantId) return undefined;
  const admin = consent.delegatedAdmin;
  return withoutAbsent({
    iss: input.issuer,
    sub: consent.id,
    jti: `${consent.id}.${event}`,
    iat: Math.floor(input.issuedAt.getTime() / 1000),
    event,
    tid: consent.customer.tenantId,
    partner: withoutAbsent({ ...consent.partner, tenantId: input.partner?.tenantId }),
    indirectProvider: consent.indirectProvider,
    channels: [...channelsFor(consent.partner.type)],
    delegatedAdmin: admin && {
      roles: admin.roles.map((role) => role.id),
      durationDays: admin.durationDays,
      autoExtend: admin.autoExtend,
    },
    decidedAt: decision.at,
    decidedBy: withoutAbsent({
      objectId: decision.objectId,
      userPrincipalName: decision.userPrincipalName || undefined,
    }),
    disclosure,
  });
}

/** The compact JWS and its key id: `jose` encodes, the signer signs the encoded header and payload (raw r‖s). */
export async function signReceipt(claims: ReceiptClaims, signer: ReceiptSigner): Promise<{ jws: string; kid: string }> {
  const key = await signer.current();
  const header = { alg: 'ES256', kid: key.kid, typ: RECEIPT_TYPE };
  const signingInput = `${encodeJson(header)}.${encodeJson(claims)}`;
  const signature = await key.sign(new TextEncoder().encode(signingInput));
  return { jws: `${signingInput}.${base64url.encode(signature)}`, kid: key.kid };
}

/** Verifies a receipt against a key set; throws (a `jose` error) when it is tampered with, unknown, or not a receipt. */
export async function verifyReceipt(jws: string, keys: JSONWebKeySet): Promise<{ kid: string; claims: ReceiptClaims }> {
  const { payload, protectedHeader } = await compactVerify(jws.trim(), createLocalJWKSet(keys), {
    algorithms: ['ES256'],
  });
  if (protectedHeader.typ !== RECEIPT_TYPE) throw new Error(`Not a consent receipt: typ is ${protectedHeader.typ}`);
  return { kid: protectedHeader.kid!, claims: JSON.parse(new TextDecoder().decode(payload)) as ReceiptClaims };
}

function decisionOf(consent: Consent, event: DecisionEvent) {
  if (event === 'accepted' && consent.acceptedAt && consent.acceptedBy) {
    return { at: consent.acceptedAt, ...consent.acceptedBy };
  }
  if (event === 'declined' && consent.declinedAt && consent.declinedBy) {
    return { at: consent.declinedAt, ...consent.declinedBy };
  }
  if (event === 'revoked' && consent.revocation?.by === 'customer') {
    return { at: consent.revocation.at, ...consent.revocation.revokedBy };
  }
  return undefined;
}

function encodeJson(value: unknown): string {
  return base64url.encode(JSON.stringify(value));
}
