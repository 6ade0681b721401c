// Receipts (API.md, "Receipts"): issued after each customer decision from what the decision stored, served to the
// partner and to the customer, completed by the sweep when signing failed, and the public keys that verify them.
import { isGlobalAdministrator } from '../domain/acceptance';
import { DECISION_EVENTS, type Consent, type DecisionEvent } from '../domain/consent';
import type { Partner } from '../domain/partners';
import { notFound } from '../errors';
import { receiptClaims, signReceipt } from '../evidence/receipt';
import type { PublicSigningKey } from '../evidence/signer';
import type { CustomerPage } from '../pages';
import type { StoredReceipt } from '../storage/receiptStore';
import type { Dependencies } from './dependencies';
import { notGlobalAdministrator, type CustomerReader } from './tenantPartners';

/**
 * Issues the receipt for one decision the consent holds, once: a receipt already stored is the answer. Runs after
 * the decision is complete, so a signing failure leaves a decided consent whose receipt the sweep (or a repeated
 * answer) issues later. Undefined when the decision left no disclosure (an operator's revocation).
 */
export async function issueReceipt(
  deps: Dependencies,
  consent: Consent,
  event: DecisionEvent,
): Promise<StoredReceipt | undefined> {
  const stored = await deps.receipts.findReceipt(consent.id, event);
  if (stored) return stored;
  const partner = (await deps.partners.findPartner(consent.partner.id))?.value;
  const issuedAt = deps.now();
  const claims = receiptClaims({ issuer: deps.receiptIssuer, consent, partner, event, issuedAt });
  if (!claims) return undefined;
  const { jws, kid } = await signReceipt(claims, deps.receiptSigner);
  return deps.receipts.saveReceipt({ consentId: consent.id, event, jws, kid, issuedAt: issuedAt.toISOString() });
}

/** GET /api/consent-requests/{id}/receipt: the partner's own consent's receipt for `event`, or its latest. */
export async function receiptForPartner(
  deps: Dependencies,
  partner: Partner,
  consentId: string,
  event?: DecisionEvent,
): Promise<string> {
  const stored = await deps.consents.findConsent(partner.id, consentId);
  if (!stored) throw notFound(`You have no consent request "${consentId}".`);
  return chosenReceipt(deps, consentId, event);
}

/**
 * GET /partners/{consentId}/receipt: for a Global Administrator of the consent's tenant (R6), the receipt; another user
 * of the tenant is told, as on /partners, that it needs a Global Administrator; for anyone else there is none.
 */
export async function receiptForCustomer(
  deps: Dependencies,
  reader: CustomerReader,
  consentId: string,
): Promise<{ kind: 'receipt'; jws: string } | { kind: 'page'; page: CustomerPage }> {
  if (!isGlobalAdministrator(reader.principal)) return { kind: 'page', page: notGlobalAdministrator(reader.context) };
  const consent = (await deps.consents.findConsentById(consentId))?.value;
  if (consent?.customer.tenantId !== reader.principal.tenantId) {
    throw notFound('There is no receipt for this consent in your organization.');
  }
  return { kind: 'receipt', jws: await chosenReceipt(deps, consentId) };
}

/** GET /.well-known/jwks.json: every key receipts were or are signed with. */
export async function receiptKeys(deps: Dependencies): Promise<{ keys: PublicSigningKey[] }> {
  return { keys: await deps.receiptSigner.publicKeys() };
}

/**
 * The sweep's part: decided consents whose decision stored a disclosure but has no receipt yet (signing failed after
 * the decision) get it; at most `limit` per run. Answers how many were issued.
 */
export async function completeReceipts(deps: Dependencies, limit: number): Promise<number> {
  let issued = 0;
  for (const event of DECISION_EVENTS) {
    for await (const { value } of deps.consents.consentsInStatus(event)) {
      if (issued >= limit) return issued;
      for (const decided of DECISION_EVENTS) {
        if (!value.disclosures?.[decided] || (await deps.receipts.findReceipt(value.id, decided))) continue;
        if (await issueReceipt(deps, value, decided)) issued++;
      }
    }
  }
  return issued;
}

async function chosenReceipt(deps: Dependencies, consentId: string, event?: DecisionEvent): Promise<string> {
  const receipts = await deps.receipts.listReceipts(consentId);
  const chosen = event ? receipts.find((receipt) => receipt.event === event) : receipts.at(-1);
  if (!chosen) {
    throw notFound(
      event ? `This consent has no ${event} receipt.` : 'This consent has no receipt yet: it has not been decided.',
    );
  }
  return chosen.jws;
}
