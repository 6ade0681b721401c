// The daily sweep settles queued invitation emails that can no longer go out, even when no message for them ever comes.
// Its own Azurite: the sweep looks across every partner, so the consents here are the only ones it finds.
import type { RunningAzurite } from '../../../dev/azurite';
import { liveDependencies as live, type Dependencies } from '../../../shared/consent/dependencies';
import { acceptAsCustomer } from '../../../shared/consent/customerDecisions';
import { changePartner } from '../../../shared/consent/operatorActions';
import { cancelConsentRequest } from '../../../shared/consent/partnerRequests';
import { sweepConsents } from '../../../shared/consent/sweep';
import type { Partner } from '../../../shared/domain/partners';
import { useOwnAzurite } from '../../support/ownAzurite';
import { globalAdminOf, issuedWithEmail, storedPartner } from '../../support/storeFixtures';
import { actingWithKey } from '../../../shared/domain/partnerAccess';

const DAY = 24 * 60 * 60 * 1000;

let azurite: RunningAzurite;

beforeAll(async () => {
  azurite = await useOwnAzurite();
}, 60_000);

afterAll(async () => {
  await azurite?.stop();
});

/** Live dependencies on a clock the test moves; the messages issuing queues are never delivered (no trigger runs). */
function clocked() {
  const clock = { now: Date.now() };
  const deps: Dependencies = { ...live, now: () => new Date(clock.now) };
  return { deps, advance: (ms: number) => (clock.now += ms) };
}

async function emailOf(partner: Partner, consentId: string) {
  return (await live.consents.findConsent(partner.id, consentId))?.value.email;
}

async function notSentEvents(consentId: string) {
  return (await live.events.listEvents(consentId)).filter((event) => event.type === 'email.not-sent');
}

describe('the sweep settles queued emails that can no longer go out (item 5)', () => {
  it('cancelled, accepted, expired, and a suspended partner’s: not-sent with the reason and one event each, over two runs; a live one stays queued', async () => {
    const { deps, advance } = clocked();
    const csp = await storedPartner('direct-csp');
    const suspended = await storedPartner('direct-csp');
    const admin = globalAdminOf();
    const cancelled = await issuedWithEmail(deps, csp);
    const accepted = await issuedWithEmail(deps, csp, { tenantId: admin.tenantId });
    const expiring = await issuedWithEmail(deps, csp, { expiresInDays: 1 });
    const stillPending = await issuedWithEmail(deps, csp);
    const ofSuspended = await issuedWithEmail(deps, suspended);
    await cancelConsentRequest(deps, actingWithKey(csp), cancelled);
    await acceptAsCustomer(deps, { partnerId: csp.id, consentId: accepted }, admin);
    await changePartner(deps, suspended.id, { status: 'suspended' });
    advance(DAY + 1000);

    const first = await sweepConsents(deps);
    const second = await sweepConsents(deps);

    expect(first).toMatchObject({ expired: 1, emailsNotSent: 4 });
    expect(second).toMatchObject({ expired: 0, emailsNotSent: 0 });
    expect(await emailOf(csp, cancelled)).toEqual({
      status: 'not-sent',
      lastError: 'The consent was cancelled before the invitation was sent.',
    });
    expect(await emailOf(csp, accepted)).toEqual({
      status: 'not-sent',
      lastError: 'The consent was accepted before the invitation was sent.',
    });
    expect(await emailOf(csp, expiring)).toEqual({
      status: 'not-sent',
      lastError: 'The consent expired before the invitation was sent.',
    });
    expect(await emailOf(suspended, ofSuspended)).toMatchObject({
      status: 'not-sent',
      lastError: expect.stringMatching(/^The invitation was not sent: the partner may no longer ask for consent\./),
    });
    expect(await emailOf(csp, stillPending)).toEqual({ status: 'queued' });
    for (const id of [cancelled, accepted, expiring, ofSuspended]) {
      expect(await notSentEvents(id)).toEqual([
        expect.objectContaining({
          actor: { kind: 'system', id: 'email-sweep' },
          data: expect.objectContaining({ linkVersion: 1 }),
        }),
      ]);
    }
  });

  it('looks at no more queued emails per run than its limit; the next runs settle the rest', async () => {
    const { deps } = clocked();
    const csp = await storedPartner('direct-csp');
    const ids = [await issuedWithEmail(deps, csp), await issuedWithEmail(deps, csp), await issuedWithEmail(deps, csp)];
    for (const id of ids) await cancelConsentRequest(deps, actingWithKey(csp), id);

    const runs = [];
    for (let run = 0; run < 3; run++) runs.push((await sweepConsents(deps, { queuedEmails: 2 })).emailsNotSent);

    expect(runs).toEqual([2, 1, 0]);
    for (const id of ids) expect((await emailOf(csp, id))?.status).toBe('not-sent');
  });
});
