// Retention against Azurite with a moved clock: PERSONAL_DATA_RETENTION_DAYS after a final state the sweep erases
// a consent's personal data from it and its events, keeps the evidence (receipts verify), bounded and idempotent.
// Its own Azurite: the sweep looks across every partner, so the consents here are the only ones it finds.
import { randomUUID } from 'node:crypto';
import type { RunningAzurite } from '../../../dev/azurite';
import { acceptAsCustomer, declineAsCustomer } from '../../../shared/consent/customerDecisions';
import { liveDependencies as live, type Dependencies } from '../../../shared/consent/dependencies';
import { sweepConsents } from '../../../shared/consent/sweep';
import { toConsentResource, type Consent } from '../../../shared/domain/consent';
import { ERASED } from '../../../shared/domain/retention';
import { verifyReceipt } from '../../../shared/evidence/receipt';
import { useOwnAzurite } from '../../support/ownAzurite';
import { globalAdminOf, storedPartner, storedPendingConsent } from '../../support/storeFixtures';

const DAY = 24 * 60 * 60 * 1000;
const DISCLOSURE = { version: 'v', locale: 'en' as const, sha256: 'd'.repeat(64) };
let azurite: RunningAzurite;

beforeAll(async () => {
  azurite = await useOwnAzurite();
});
afterAll(async () => {
  await azurite.stop();
});

const at = (days: number): Dependencies => ({ ...live, now: () => new Date(Date.now() + days * DAY) });

/** A consent with everything personal a consent can hold, answered by a named user. */
async function answered(decision: 'accept' | 'decline'): Promise<Consent> {
  const partner = await storedPartner('direct-csp');
  const admin = { ...globalAdminOf(), userPrincipalName: `kim-${randomUUID().slice(0, 6)}@contoso.com` };
  const pending = await storedPendingConsent(partner, admin.tenantId, {
    request: {
      customer: { tenantId: admin.tenantId, contactEmail: 'kim@contoso.com', contactName: 'Kim Akers', locale: 'en' },
      message: 'Call Kim on +49 30 1234',
    },
  });
  const target = { partnerId: partner.id, consentId: pending.id, disclosure: DISCLOSURE };
  const answer = decision === 'accept' ? acceptAsCustomer : declineAsCustomer;
  await answer(live, target, admin);
  await live.events.appendEvent(pending.id, 'email-failed-v1', {
    at: new Date().toISOString(),
    type: 'email.failed',
    actor: { kind: 'system', id: 'invitation-email' },
    data: { reason: 'ACS refused kim@contoso.com: mailbox of Kim Akers full' },
  });
  return (await live.consents.findConsent(partner.id, pending.id))!.value;
}

const stored = async (consent: Consent) => (await live.consents.findConsent(consent.partner.id, consent.id))!.value;

describe('personal data retention (PERSONAL_DATA_RETENTION_DAYS, default 365)', () => {
  it('erases a declined consent’s personal data after 365 days, from it and its events; the evidence stays', async () => {
    const declined = await answered('decline');
    const accepted = await answered('accept');

    expect((await sweepConsents(at(364))).personalDataErased).toBe(0);
    expect(await stored(declined)).toEqual(declined);

    const report = await sweepConsents(at(366));
    const erased = await stored(declined);

    expect(report.personalDataErased).toBe(1);
    expect(erased.customer).toEqual({ tenantId: declined.customer.tenantId, locale: 'en' });
    expect(erased.message).toBeUndefined();
    expect(erased.declinedBy).toEqual({
      tenantId: declined.declinedBy!.tenantId,
      objectId: declined.declinedBy!.objectId,
    });
    expect(Date.parse(erased.personalDataErasedAt!)).toBeGreaterThan(Date.now() + 365 * DAY);
    expect(erased).toMatchObject({
      id: declined.id,
      status: 'declined',
      declinedAt: declined.declinedAt,
      disclosures: { declined: DISCLOSURE },
    });
    const events = await live.events.listEvents(declined.id);
    expect(JSON.stringify(events)).not.toMatch(/kim@contoso\.com|Kim Akers/);
    expect(events.find((event) => event.type === 'email.failed')?.data).toEqual({
      reason: `ACS refused ${ERASED}: mailbox of ${ERASED} full`,
    });
    expect(events.map((event) => event.type)).toEqual(['consent.declined', 'email.failed']);
    const receipt = (await live.receipts.findReceipt(declined.id, 'declined'))!;
    await expect(verifyReceipt(receipt.jws, { keys: await live.receiptSigner.publicKeys() })).resolves.toMatchObject({
      claims: { event: 'declined', sub: declined.id },
    });
    expect(await stored(accepted)).toEqual(accepted); // not final: nothing erased
  });

  it('is idempotent: a second run finds nothing more to erase and changes nothing', async () => {
    const declined = await answered('decline');
    await sweepConsents(at(366));
    const once = await stored(declined);
    const eventsOnce = await live.events.listEvents(declined.id);

    const again = await sweepConsents(at(367));

    expect(again.personalDataErased).toBe(0);
    expect(await stored(declined)).toEqual(once);
    expect(await live.events.listEvents(declined.id)).toEqual(eventsOnce);
  });

  it('is bounded per run: a backlog is worked off over the following runs', async () => {
    await Promise.all([answered('decline'), answered('decline'), answered('decline')]);

    const runs = [];
    for (let run = 0; run < 4; run++) runs.push((await sweepConsents(at(400), { personalData: 2 })).personalDataErased);

    expect(runs).toEqual([2, 1, 0, 0]);
  });

  it('a partner reads personalDataErasedAt on the consent resource', async () => {
    const declined = await answered('decline');
    await sweepConsents(at(366));
    expect(toConsentResource(await stored(declined), new Date())).toMatchObject({
      personalDataErasedAt: expect.any(String),
      customer: { tenantId: declined.customer.tenantId },
    });
  });
});
