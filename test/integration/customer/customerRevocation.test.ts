// POST /partners/{consentId}/revoke through the local host: a customer's Global Administrator ends a CSP's
// authorization as easily as it was given (API.md, "Customer revocation"; R9, R13, R3).
import { liveDependencies as live } from '../../../shared/consent/dependencies';
import { sendPartnerNotice } from '../../../shared/consent/partnerNotices';
import { formTargets } from '../../../shared/customer/forms';
import { localOutbox } from '../../../shared/email/configuredSender';
import { partnerNoticeOperationId } from '../../../shared/email/operationId';
import { messagesFor } from '../../../shared/pages/messages';
import { startAppHost, type AppHost } from '../../support/appHost';
import {
  acceptedConsent,
  csrfOf,
  customer,
  formToken,
  getPage,
  postForm,
  storedState,
  tenantWithPartners,
  type Customer,
} from '../../support/customerPages';
import { partnersOfEachKind, type PartnersOfEachKind, type TestPartner } from '../../support/partners';
import { refusalWords } from '../../support/words';
import { INTUNE_ADMINISTRATOR } from '../../unit/domain/fixtures';

const en = messagesFor('en');
const de = messagesFor('de');
let app: AppHost;
let csp: TestPartner;
let oem: TestPartner;
let provider: TestPartner;
let reseller: TestPartner;
let partners: PartnersOfEachKind;

beforeAll(async () => {
  app = await startAppHost();
  partners = await partnersOfEachKind(app);
  ({ csp, oem, provider, reseller } = partners);
});
afterAll(async () => {
  await app.stop();
});

const revokePath = (consentId: string) => `/partners/${consentId}/revoke`;
const revokeToken = (user: Customer, consentId: string) => formToken(user, formTargets.revoke(consentId));
const authorized = async (partner: TestPartner, tenantId: string) =>
  (await app.call('GET', `/api/customers/${tenantId}/authorization`, { key: partner.key })).body.authorized as boolean;

describe('GET /partners offers revocation', () => {
  it('each CSP authorization (direct or reseller) has a Yes box and a Revoke button; an OEM has none', async () => {
    const { admin, cspConsent, resellerConsent, oemConsent } = await tenantWithPartners(app, partners);

    const page = await getPage(app, '/partners', { as: admin });

    expect(page.html).toContain(`action="${revokePath(cspConsent)}"`);
    expect(page.html).toContain(`action="${revokePath(resellerConsent)}"`);
    expect(page.html).not.toContain(`action="${revokePath(oemConsent)}"`);
    expect(page.text).toContain(en.revokeConfirmLabel('Fabrikam Devices'));
    expect(page.text).toContain(en.revokeConfirmLabel('Northwind Resale'));
    expect(page.html.match(/name="confirm" value="yes" required/g)).toHaveLength(2);
    expect(page.html.match(new RegExp(`>${en.revoke}</button>`, 'g'))).toHaveLength(2);
  });

  it('says plainly that a Partner Center reseller relationship is separate and that the partner is told', async () => {
    const { admin } = await tenantWithPartners(app, partners);

    const page = await getPage(app, '/partners', { as: admin, headers: { 'accept-language': 'de' } });
    const english = await getPage(app, '/partners', { as: admin });

    expect(english.text).toContain(en.revokePartnerCenter('Northwind Resale'));
    expect(english.text).toContain(en.revokeProvider('Litware Distribution'));
    expect(page.text).toContain(de.revokePartnerCenter('Fabrikam Devices'));
    expect(page.text).toContain(de.revoke);
  });
});

describe('POST /partners/{consentId}/revoke', () => {
  it('ends a direct CSP’s authorization at once, ends its delegated admin, records who revoked, tells the partner', async () => {
    const { admin, cspConsent } = await tenantWithPartners(app, partners);
    expect(await authorized(csp, admin.tenantId)).toBe(true);
    const page = await getPage(app, '/partners', { as: admin });
    const form = page.html.slice(page.html.indexOf(`action="${revokePath(cspConsent)}"`));

    const posted = await postForm(app, revokePath(cspConsent), { csrf: csrfOf(form), confirm: 'yes' }, { as: admin });
    const after = await getPage(app, posted.headers.get('location')!, { as: admin });

    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe(`/partners?revoked=${cspConsent}`);
    expect(after.text).toContain(en.revokedNotice('Fabrikam Devices'));
    expect(after.html).not.toContain(`action="${revokePath(cspConsent)}"`);
    expect(await authorized(csp, admin.tenantId)).toBe(false);
    const { consent, events } = await storedState(csp.id, cspConsent, admin.tenantId);
    expect(consent?.value).toMatchObject({
      status: 'revoked',
      delegatedAdmin: { status: 'removed' },
      revocation: {
        by: 'customer',
        at: consent?.value.revokedAt,
        revokedBy: { tenantId: admin.tenantId, objectId: admin.objectId, userPrincipalName: admin.userPrincipalName },
      },
    });
    expect(events.at(-1)).toMatchObject({ type: 'consent.revoked', actor: { kind: 'customer', id: admin.objectId } });
    const read = await app.call('GET', `/api/consent-requests/${cspConsent}`, { key: csp.key });
    expect(read.body.revocation).toEqual(consent?.value.revocation);

    const notice = { kind: 'consent-revoked' as const, partnerId: csp.id, consentId: cspConsent };
    expect(await sendPartnerNotice(live, notice)).toEqual({ kind: 'sent' });
    expect(await sendPartnerNotice(live, notice)).toEqual({ kind: 'sent' }); // a repeated delivery: the same email
    const email = localOutbox().get(partnerNoticeOperationId(cspConsent, 'consent-revoked'));
    expect(email).toMatchObject({ to: 'direct-csp@partner.example' });
    expect(email?.subject).toContain('revoked the authorization of Fabrikam Devices');
    expect(email?.text).toContain(admin.tenantId);
    expect(
      localOutbox()
        .list()
        .filter((sent) => sent.id === email?.id),
    ).toHaveLength(1);
  });

  it('R9: revoking a reseller ends its provider’s authorization too', async () => {
    const { admin, resellerConsent } = await tenantWithPartners(app, partners);
    expect(await authorized(provider, admin.tenantId)).toBe(true);

    const posted = await postForm(
      app,
      revokePath(resellerConsent),
      { csrf: revokeToken(admin, resellerConsent), confirm: 'yes' },
      { as: admin },
    );

    expect(posted.status).toBe(303);
    expect(await authorized(reseller, admin.tenantId)).toBe(false);
    expect(await authorized(provider, admin.tenantId)).toBe(false);
  });

  it('a partner with two accepted requests for the tenant shows once; revoking it ends both, for its provider too', async () => {
    const admin = customer();
    const first = await acceptedConsent(app, reseller, admin, { delegatedAdmin: { roles: [INTUNE_ADMINISTRATOR] } });
    const second = await acceptedConsent(app, reseller, admin);
    const page = await getPage(app, '/partners', { as: admin });
    const shown = [first, second].find((id) => page.html.includes(`action="${revokePath(id)}"`))!;
    expect(page.html.match(new RegExp(`>${en.revoke}</button>`, 'g'))).toHaveLength(1);

    const posted = await postForm(
      app,
      revokePath(shown),
      { csrf: revokeToken(admin, shown), confirm: 'yes' },
      { as: admin },
    );
    const after = await getPage(app, posted.headers.get('location')!, { as: admin });

    expect(posted.status).toBe(303);
    expect(after.text).toContain(en.revokedNotice('Northwind Resale'));
    expect(after.html).not.toContain(`>${en.revoke}</button>`);
    expect(await authorized(reseller, admin.tenantId)).toBe(false);
    expect(await authorized(provider, admin.tenantId)).toBe(false);
    for (const id of [first, second]) {
      const { consent, events } = await storedState(reseller.id, id, admin.tenantId);
      expect(consent?.value).toMatchObject({ status: 'revoked', revocation: { by: 'customer' } });
      expect(events.filter((event) => event.type === 'consent.revoked')).toHaveLength(1);
      const receipt = await app.call('GET', `/api/consent-requests/${id}/receipt?event=revoked`, { key: reseller.key });
      expect(receipt.status).toBe(200);
    }
    const customers = await app.call('GET', '/api/customers', { key: reseller.key });
    expect((customers.body.items as { tenantId: string }[]).map((item) => item.tenantId)).not.toContain(admin.tenantId);
  });

  it('without the Yes box: the list again with the reason (422), and nothing changes', async () => {
    const { admin, cspConsent } = await tenantWithPartners(app, partners);
    const before = await storedState(csp.id, cspConsent, admin.tenantId);

    const posted = await postForm(app, revokePath(cspConsent), { csrf: revokeToken(admin, cspConsent) }, { as: admin });

    expect(posted.status).toBe(422);
    expect(posted.text).toContain(en.revokeConfirmRequired);
    expect(posted.html).toContain('aria-invalid="true"');
    expect(await storedState(csp.id, cspConsent, admin.tenantId)).toEqual(before);
  });

  it('R13: an OEM cannot be revoked here; the page explains the support route with SUPPORT_CONTACT, nothing changes', async () => {
    const { admin, oemConsent } = await tenantWithPartners(app, partners);
    const before = await storedState(oem.id, oemConsent, admin.tenantId);

    const posted = await postForm(
      app,
      revokePath(oemConsent),
      { csrf: revokeToken(admin, oemConsent), confirm: 'yes' },
      { as: admin },
    );

    const words = refusalWords('en', 'oem-not-removable', { partner: 'Tailspin Hardware' });
    expect(posted.status).toBe(403);
    expect(posted.text).toContain(`${words.why} ${en.whatToDo} ${words.todo}`);
    expect(posted.text).toContain(`${en.consentIdLabel}: ${oemConsent}`);
    expect(posted.text).toContain(en.supportContact('support@autopilot-consent.example'));
    expect(await storedState(oem.id, oemConsent, admin.tenantId)).toEqual(before);
    expect(await authorized(oem, admin.tenantId)).toBe(true);
  });

  it.each([
    ['without a form token', (_admin: Customer, _consentId: string) => ({ fields: { confirm: 'yes' } })],
    [
      'with a remove-delegated-admin token instead',
      (admin: Customer, consentId: string) => ({
        fields: { confirm: 'yes', csrf: formToken(admin, formTargets.removeDelegatedAdmin(consentId)) },
      }),
    ],
    [
      'from another origin',
      (admin: Customer, consentId: string) => ({
        fields: { confirm: 'yes', csrf: revokeToken(admin, consentId) },
        headers: { origin: 'https://evil.example' },
      }),
    ],
  ] as const)('a forged revocation (%s) is refused with 403 and nothing changes', async (_name, forge) => {
    const { admin, cspConsent } = await tenantWithPartners(app, partners);
    const before = await storedState(csp.id, cspConsent, admin.tenantId);
    const forged = (
      forge as (a: Customer, c: string) => { fields: Record<string, string>; headers?: Record<string, string> }
    )(admin, cspConsent);

    const posted = await postForm(app, revokePath(cspConsent), forged.fields, { as: admin, headers: forged.headers });

    expect(posted.status).toBe(403);
    expect(posted.text).toContain(refusalWords('en', 'forged-form').title);
    expect(await storedState(csp.id, cspConsent, admin.tenantId)).toEqual(before);
  });

  it('R6: a user without Global Administrator cannot revoke; another organization’s consent does not exist', async () => {
    const { admin, cspConsent } = await tenantWithPartners(app, partners);
    const user = customer({ tenantId: admin.tenantId, globalAdmin: false });
    const intruder = customer();
    const before = await storedState(csp.id, cspConsent, admin.tenantId);

    const byUser = await postForm(
      app,
      revokePath(cspConsent),
      { csrf: revokeToken(user, cspConsent), confirm: 'yes' },
      { as: user },
    );
    const byIntruder = await postForm(
      app,
      revokePath(cspConsent),
      { csrf: revokeToken(intruder, cspConsent), confirm: 'yes' },
      { as: intruder },
    );

    expect(byUser.status).toBe(403);
    expect(byIntruder.status).toBe(404);
    expect(await storedState(csp.id, cspConsent, admin.tenantId)).toEqual(before);
  });

  it('revoking twice is harmless: back to the list, nothing changes', async () => {
    const { admin, cspConsent } = await tenantWithPartners(app, partners);
    const fields = { csrf: revokeToken(admin, cspConsent), confirm: 'yes' };
    await postForm(app, revokePath(cspConsent), fields, { as: admin });
    const before = await storedState(csp.id, cspConsent, admin.tenantId);

    const again = await postForm(app, revokePath(cspConsent), fields, { as: admin });

    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe('/partners');
    expect(await storedState(csp.id, cspConsent, admin.tenantId)).toEqual(before);
  });
});
