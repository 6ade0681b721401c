// Customer revocation under races, each interleaving forced through the dependencies: a late grant never survives it,
// and concurrent revocations (the customer twice, or the customer and the operator) end in one revocation, one event.
import { liveDependencies as live, type Dependencies } from '../../../shared/consent/dependencies';
import { acceptAsCustomer } from '../../../shared/consent/customerDecisions';
import { revokeAsCustomer } from '../../../shared/consent/customerRevocation';
import { revokeConsentOnRequest } from '../../../shared/consent/operatorActions';
import { authorizationRecordsFor } from '../../../shared/consent/projection';
import type { Consent } from '../../../shared/domain/consent';
import { globalAdminOf, storedPartner, storedPendingConsent } from '../../support/storeFixtures';

const CONFIRMED = new URLSearchParams({ confirm: 'yes' });

async function acceptedConsent() {
  const csp = await storedPartner('direct-csp');
  const admin = globalAdminOf();
  const pending = await storedPendingConsent(csp, admin.tenantId);
  const { consent } = (await acceptAsCustomer(live, { partnerId: csp.id, consentId: pending.id }, admin)) as {
    consent: Consent;
  };
  return { csp, admin, consent, reader: { principal: admin, context: { locale: 'en' as const } } };
}

/** `deps` whose first consent write lets `meanwhile` happen just before it. */
function beforeFirstWrite(meanwhile: () => Promise<unknown>): Dependencies {
  let pending = true;
  return {
    ...live,
    consents: {
      ...live.consents,
      replaceConsent: async (consent, etag) => {
        if (pending) {
          pending = false;
          await meanwhile();
        }
        return live.consents.replaceConsent(consent, etag);
      },
    },
  };
}

describe('customer revocation races', () => {
  it('a grant from an older copy landing in the middle of the revocation does not survive it', async () => {
    const { csp, admin, consent, reader } = await acceptedConsent();
    const interleaved = beforeFirstWrite(async () => {
      for (const record of authorizationRecordsFor(consent)) await live.authorizations.saveAuthorization(record);
    });

    await revokeAsCustomer(interleaved, reader, consent.id, CONFIRMED);

    expect(await live.authorizations.findOwnAuthorization(admin.tenantId, csp.id)).toBeUndefined();
    expect((await live.consents.findConsent(csp.id, consent.id))?.value.status).toBe('revoked');
  });

  it('two revocations at once: one is written, the other goes back to the list; one event, one receipt', async () => {
    const { csp, consent, reader } = await acceptedConsent();
    const interleaved = beforeFirstWrite(() => revokeAsCustomer(live, reader, consent.id, CONFIRMED));

    const answer = await revokeAsCustomer(interleaved, reader, consent.id, CONFIRMED);

    expect(answer).toEqual({ kind: 'back-to-list' });
    const events = await live.events.listEvents(consent.id);
    expect(events.filter((event) => event.type === 'consent.revoked')).toHaveLength(1);
    expect((await live.consents.findConsent(csp.id, consent.id))?.value.revocation?.by).toBe('customer');
    expect((await live.receipts.listReceipts(consent.id)).map((receipt) => receipt.event)).toEqual(['revoked']);
  });

  it('the operator revoking at the same moment wins its write; the customer’s answer changes nothing more', async () => {
    const { csp, consent, reader } = await acceptedConsent();
    const interleaved = beforeFirstWrite(() =>
      revokeConsentOnRequest(live, consent.id, { reason: 'Support request', ticket: 'SR-7', operatorId: 'op' }),
    );

    const answer = await revokeAsCustomer(interleaved, reader, consent.id, CONFIRMED);

    expect(answer).toEqual({ kind: 'back-to-list' });
    expect((await live.consents.findConsent(csp.id, consent.id))?.value.revocation).toEqual({
      by: 'operator',
      reason: 'Support request',
      ticket: 'SR-7',
    });
    expect((await live.events.listEvents(consent.id)).filter((e) => e.type === 'consent.revoked')).toHaveLength(1);
    expect(await live.receipts.findReceipt(consent.id, 'revoked')).toBeUndefined();
  });
});
