import {
  CONSENT_STATUSES,
  standingLinkConsent,
  type Consent,
  type ConsentStatus,
} from '../../../shared/domain/consent';
import {
  acceptConsent,
  cancelConsent,
  canTransition,
  CONSENT_TRANSITIONS,
  declineConsent,
  expireConsent,
  reissueLink,
  removeDelegatedAdmin,
  revokeConsent,
} from '../../../shared/domain/consentTransitions';
import { ServiceError } from '../../../shared/errors';
import {
  acceptedBy,
  acceptedConsent,
  directCsp,
  globalAdmin,
  INTUNE_ADMINISTRATOR,
  later,
  NOW,
  oem,
  OTHER_TENANT,
  pendingConsent,
  TENANT,
  thrownBy,
} from './fixtures';

const HOUR_LATER = later(1 / 24);
const DELEGATED_ADMIN = { delegatedAdmin: { roles: [INTUNE_ADMINISTRATOR], durationDays: 30 } };
const REVOCATION = { reason: 'Customer asked support to remove the OEM', ticket: 'SR-1234' };

/** A consent stored in `status`, reached through the transitions themselves where one leads there. */
function consentIn(status: ConsentStatus): Consent {
  switch (status) {
    case 'pending':
      return pendingConsent();
    case 'accepted':
      return acceptedConsent();
    case 'declined':
      return declineConsent(pendingConsent(), HOUR_LATER);
    case 'expired':
      return expireConsent(pendingConsent(), later(30));
    case 'cancelled':
      return cancelConsent(pendingConsent(), HOUR_LATER);
    case 'revoked':
      return revokeConsent(acceptedConsent(), { now: later(2), ...REVOCATION });
  }
}

/** Each transition, as a call at a moment when the stored consent would not be expired on read. */
const TRANSITIONS: Record<Exclude<ConsentStatus, 'pending'>, (consent: Consent) => unknown> = {
  accepted: (consent) =>
    acceptConsent(consent, { now: later(3), acceptedBy: { ...acceptedBy(), tenantId: OTHER_TENANT } }),
  declined: (consent) => declineConsent(consent, later(3)),
  expired: (consent) => expireConsent(consent, later(31)),
  cancelled: (consent) => cancelConsent(consent, later(3)),
  revoked: (consent) => revokeConsent(consent, { now: later(3), ...REVOCATION }),
};

function conflictMessage(action: () => unknown): string {
  const error = thrownBy(action);
  expect(error).toBeInstanceOf(ServiceError);
  expect((error as ServiceError).kind).toBe('conflict');
  return (error as ServiceError).message;
}

describe('consent state machine', () => {
  it('R7: the transition table is exactly API.md: pending → accepted | declined | expired | cancelled, accepted → revoked', () => {
    const allowed = CONSENT_STATUSES.flatMap((from) =>
      CONSENT_STATUSES.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed).toEqual([
      'pending→accepted',
      'pending→declined',
      'pending→expired',
      'pending→cancelled',
      'accepted→revoked',
    ]);
    expect(Object.keys(CONSENT_TRANSITIONS).sort()).toEqual([...CONSENT_STATUSES].sort());
  });

  const refused = CONSENT_STATUSES.flatMap((from) =>
    (Object.keys(TRANSITIONS) as Array<keyof typeof TRANSITIONS>)
      .filter((to) => !canTransition(from, to) && !(from === 'accepted' && to === 'accepted'))
      .map((to) => [from, to] as const),
  );

  it.each(refused)('R7: a %s consent cannot become %s: conflict, and the message names both states', (from, to) => {
    const message = conflictMessage(() => TRANSITIONS[to](consentIn(from)));
    expect(message).toContain(from);
  });

  it('R7: nothing leaves declined, expired, cancelled or revoked (each refusal above covers one pair)', () => {
    for (const status of ['declined', 'expired', 'cancelled', 'revoked'] as const) {
      expect(CONSENT_TRANSITIONS[status]).toEqual([]);
    }
    expect(refused).toHaveLength(6 * 5 - 5 - 1);
  });
});

describe('accepting', () => {
  it('R7: acceptance takes effect at once, records who accepted and when', () => {
    const outcome = acceptConsent(pendingConsent(), { now: HOUR_LATER, acceptedBy: acceptedBy() });
    expect(outcome.kind).toBe('accepted');
    expect(outcome.consent).toMatchObject({
      status: 'accepted',
      acceptedAt: HOUR_LATER.toISOString(),
      acceptedBy: {
        tenantId: TENANT,
        objectId: globalAdmin.objectId,
        userPrincipalName: globalAdmin.userPrincipalName,
      },
    });
  });

  it("R7: an invitation that named no tenant becomes the accepting tenant's, with ids in lower case", () => {
    const consent = pendingConsent(directCsp, { customer: { domain: 'contoso.com' } });
    expect(consent.customer.tenantId).toBeUndefined();
    const outcome = acceptConsent(consent, {
      now: HOUR_LATER,
      acceptedBy: { ...acceptedBy(), tenantId: TENANT.toUpperCase(), objectId: globalAdmin.objectId.toUpperCase() },
    });
    expect(outcome.consent.customer.tenantId).toBe(TENANT);
    expect(outcome.consent.acceptedBy).toMatchObject({ tenantId: TENANT, objectId: globalAdmin.objectId });
  });

  it('R3: accepting activates delegated admin until acceptance plus durationDays', () => {
    const outcome = acceptConsent(pendingConsent(directCsp, DELEGATED_ADMIN), {
      now: HOUR_LATER,
      acceptedBy: acceptedBy(),
    });
    expect(outcome.consent.delegatedAdmin).toMatchObject({
      status: 'active',
      expiresAt: later(30, HOUR_LATER).toISOString(),
    });
  });

  it("R12: an OEM standing-link consent is accepted by any tenant's administrator at once", () => {
    const consent = standingLinkConsent({ id: 's-1', partner: oem, locale: 'en', now: NOW });
    const outcome = acceptConsent(consent, { now: NOW, acceptedBy: { ...acceptedBy(), tenantId: OTHER_TENANT } });
    expect(outcome.consent).toMatchObject({
      status: 'accepted',
      acceptedAt: NOW.toISOString(),
      customer: { tenantId: OTHER_TENANT },
    });
  });

  it('R7: accepting again from the same tenant is harmless and recognisable as already accepted', () => {
    const accepted = acceptedConsent();
    const outcome = acceptConsent(accepted, {
      now: later(5),
      acceptedBy: { ...acceptedBy(), objectId: 'another-admin' },
    });
    expect(outcome).toEqual({ kind: 'already-accepted', consent: accepted });
  });

  it('R7: accepting a consent another tenant already accepted is a conflict', () => {
    expect(conflictMessage(() => TRANSITIONS.accepted(acceptedConsent()))).toMatch(/another organization/);
  });

  it('R7: a consent naming a tenant cannot be accepted from another tenant: forbidden, nothing accepted', () => {
    const error = thrownBy(() =>
      acceptConsent(pendingConsent(), { now: HOUR_LATER, acceptedBy: { ...acceptedBy(), tenantId: OTHER_TENANT } }),
    );
    expect(error).toMatchObject({ kind: 'forbidden' });
  });

  it('R2: a pending consent past expiresAt cannot be accepted even before a sweep stored the expiry', () => {
    expect(
      conflictMessage(() => acceptConsent(pendingConsent(), { now: later(30), acceptedBy: acceptedBy() })),
    ).toMatch(/this consent is expired/);
  });
});

describe('declining, cancelling, expiring', () => {
  it('R7: the customer declines a pending consent', () => {
    expect(declineConsent(pendingConsent(), HOUR_LATER)).toMatchObject({
      status: 'declined',
      declinedAt: HOUR_LATER.toISOString(),
    });
  });

  it('R2: the partner cancels a pending consent', () => {
    expect(cancelConsent(pendingConsent(), HOUR_LATER)).toMatchObject({
      status: 'cancelled',
      cancelledAt: HOUR_LATER.toISOString(),
    });
  });

  it('R2: a consent expired on read can no longer be declined or cancelled', () => {
    expect(conflictMessage(() => declineConsent(pendingConsent(), later(30)))).toMatch(/expired/);
    expect(conflictMessage(() => cancelConsent(pendingConsent(), later(30)))).toMatch(/expired/);
  });

  it('R2: the sweep stores the expiry of a pending consent once expiresAt is reached', () => {
    expect(expireConsent(pendingConsent(), later(30)).status).toBe('expired');
  });

  it('R2: the sweep cannot expire a pending consent before expiresAt, nor one without an expiry', () => {
    expect(conflictMessage(() => expireConsent(pendingConsent(), later(29)))).toMatch(/not expired yet/);
    const standing = standingLinkConsent({ id: 's-1', partner: oem, locale: 'en', now: NOW });
    expect(conflictMessage(() => expireConsent(standing, later(365)))).toMatch(/no expiry/);
  });
});

describe('revoking', () => {
  it('R13: the operator revokes an accepted consent with reason and ticket', () => {
    expect(revokeConsent(acceptedConsent(oem), { now: later(2), ...REVOCATION })).toMatchObject({
      status: 'revoked',
      revokedAt: later(2).toISOString(),
      revocation: REVOCATION,
    });
  });

  it('R13: revoking removes active delegated admin along with the consent', () => {
    const revoked = revokeConsent(acceptedConsent(directCsp, DELEGATED_ADMIN), { now: later(2), ...REVOCATION });
    expect(revoked.delegatedAdmin?.status).toBe('removed');
  });

  it('R13: revoking keeps expired delegated admin expired', () => {
    const revoked = revokeConsent(acceptedConsent(directCsp, DELEGATED_ADMIN), { now: later(40), ...REVOCATION });
    expect(revoked.delegatedAdmin?.status).toBe('expired');
  });
});

describe('removing delegated admin', () => {
  it('R3: the customer removes delegated admin; the consent itself stays accepted', () => {
    const removed = removeDelegatedAdmin(acceptedConsent(directCsp, DELEGATED_ADMIN), later(2));
    expect(removed.status).toBe('accepted');
    expect(removed.delegatedAdmin?.status).toBe('removed');
  });

  it('R3: removing it twice is a conflict that says it is already removed', () => {
    const removed = removeDelegatedAdmin(acceptedConsent(directCsp, DELEGATED_ADMIN), later(2));
    expect(conflictMessage(() => removeDelegatedAdmin(removed, later(3)))).toMatch(/already removed/);
  });

  it('R3: expired delegated admin cannot be removed', () => {
    expect(conflictMessage(() => removeDelegatedAdmin(acceptedConsent(directCsp, DELEGATED_ADMIN), later(31)))).toMatch(
      /already expired/,
    );
  });

  it('R3: a consent without delegated admin has none to remove', () => {
    expect(conflictMessage(() => removeDelegatedAdmin(acceptedConsent(), later(2)))).toMatch(/no delegated admin/);
  });

  it('R13/R15: an OEM consent has no delegated admin, and the message points to a support request', () => {
    expect(conflictMessage(() => removeDelegatedAdmin(acceptedConsent(oem), later(2)))).toMatch(/support request/);
  });

  it('R3: delegated admin of a consent that is not accepted cannot be removed', () => {
    expect(conflictMessage(() => removeDelegatedAdmin(pendingConsent(directCsp, DELEGATED_ADMIN), HOUR_LATER))).toMatch(
      /pending/,
    );
  });
});

describe('a new link', () => {
  it('R4: a new link for a pending consent replaces the old one and queues the email again', () => {
    const consent = pendingConsent(directCsp, { customer: { tenantId: TENANT, contactEmail: 'it@contoso.com' } });
    const reissued = reissueLink({ ...consent, email: { status: 'failed', lastError: 'mailbox full' } }, HOUR_LATER);
    expect(reissued.linkVersion).toBe(consent.linkVersion + 1);
    expect(reissued.email).toEqual({ status: 'queued' });
  });

  it('R4: without a contact email the new link is not emailed', () => {
    expect(reissueLink(pendingConsent(), HOUR_LATER).email).toEqual({ status: 'not-requested' });
  });

  it.each(['accepted', 'declined', 'cancelled', 'revoked'] as const)('R4: a %s consent gets no new link', (status) => {
    expect(conflictMessage(() => reissueLink(consentIn(status), later(3)))).toContain(status);
  });

  it('R2: a consent expired on read gets no new link', () => {
    expect(conflictMessage(() => reissueLink(pendingConsent(), later(30)))).toContain('expired');
  });
});
