// GET /partners and POST /partners/{consentId}/remove-delegated-admin through the local host (R3, R8, R9, R13).
import { formTargets } from '../../../shared/customer/forms';
import { formatDateTime } from '../../../shared/pages/locale';
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
import { literally, refusalWords } from '../../support/words';

const en = messagesFor('en');
const de = messagesFor('de');
let app: AppHost;
let csp: TestPartner;
let oem: TestPartner;
let partners: PartnersOfEachKind;

beforeAll(async () => {
  app = await startAppHost();
  partners = await partnersOfEachKind(app);
  ({ csp, oem } = partners);
});
afterAll(async () => {
  await app.stop();
});

const removePath = (consentId: string) => `/partners/${consentId}/remove-delegated-admin`;

describe('GET /partners', () => {
  it('sends a reader who is not signed in to the sign-in, and back', async () => {
    const page = await getPage(app, '/partners');
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/.auth/login/aad?post_login_redirect_uri=/partners');
  });

  it('R6: is for Global Administrators only', async () => {
    const page = await getPage(app, '/partners', { as: customer({ globalAdmin: false }) });
    expect(page.status).toBe(403);
    expect(page.text).toContain(refusalWords('en', 'not-global-admin').title);
  });

  it('R8, R9, R13: lists the tenant’s partners with what each may do, roles, and how an OEM is removed', async () => {
    const { admin, cspConsent, oemConsent } = await tenantWithPartners(app, partners);
    await acceptedConsent(app, csp, customer()); // another organization's partner never shows

    const page = await getPage(app, '/partners', { as: admin });
    const { consent } = await storedState(csp.id, cspConsent, admin.tenantId);
    const rolesUntil = formatDateTime(consent!.value.delegatedAdmin!.expiresAt!, 'en');

    expect(page.status).toBe(200);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.text).toContain(en.partnersIntro);
    expect(page.text).toMatch(
      new RegExp(`Fabrikam Devices .*${literally(`${en.rolesActive(rolesUntil)} Intune Administrator`)}`),
    );
    expect(page.text).toContain(en.removeRoles('Fabrikam Devices'));
    expect(page.text).toContain(`${en.providerToo('Litware Distribution')} ${en.channel['partner-center-api']}`);
    expect(page.text).toContain(en.oemRemoval('Tailspin Hardware'));
    expect(page.text).toContain(`${en.consentIdLabel}: ${oemConsent}`);
    expect(page.html).toContain(`action="${removePath(cspConsent)}"`);
    expect(page.html).not.toContain(`action="${removePath(oemConsent)}"`);
    expect(page.html.match(/<section class="partner"/g)).toHaveLength(3);
  });

  it('speaks German when the browser asks for it', async () => {
    const { admin } = await tenantWithPartners(app, partners);
    const page = await getPage(app, '/partners', { as: admin, headers: { 'accept-language': 'de' } });
    expect(page.text).toContain(de.partnersTitle);
    expect(page.text).toContain(de.removeRoles('Fabrikam Devices'));
  });

  it('says so when no partner is authorized', async () => {
    const page = await getPage(app, '/partners', { as: customer() });
    expect(page.text).toContain(en.partnersEmpty);
  });
});

describe('POST /partners/{consentId}/remove-delegated-admin (R3)', () => {
  it('R3: removes the roles; the consent and the authorization to register devices stay', async () => {
    const { admin, cspConsent } = await tenantWithPartners(app, partners);
    const page = await getPage(app, '/partners', { as: admin });

    const form = page.html.slice(page.html.indexOf(`action="${removePath(cspConsent)}"`)); // the page has several

    const posted = await postForm(app, removePath(cspConsent), { csrf: csrfOf(form) }, { as: admin });
    const after = await getPage(app, posted.headers.get('location')!, { as: admin });

    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe(`/partners?removed=${cspConsent}`);
    expect(after.text).toContain(en.rolesRemovedNotice('Fabrikam Devices'));
    expect(after.text).not.toContain(en.removeRoles('Fabrikam Devices'));
    const { consent } = await storedState(csp.id, cspConsent, admin.tenantId);
    expect(consent?.value).toMatchObject({ status: 'accepted', delegatedAdmin: { status: 'removed' } });
    const authorization = await app.call('GET', `/api/customers/${admin.tenantId}/authorization`, { key: csp.key });
    expect(authorization.body).toMatchObject({ authorized: true, consentId: cspConsent });
  });

  it('R13: an OEM cannot be removed here; the page explains the support request, and nothing changes', async () => {
    const { admin, oemConsent } = await tenantWithPartners(app, partners);
    const before = await storedState(oem.id, oemConsent, admin.tenantId);
    const csrf = formToken(admin, formTargets.removeDelegatedAdmin(oemConsent));

    const posted = await postForm(app, removePath(oemConsent), { csrf }, { as: admin });

    const words = refusalWords('en', 'oem-not-removable', { partner: 'Tailspin Hardware' });
    expect(posted.status).toBe(403);
    expect(posted.text).toContain(words.title);
    expect(posted.text).toContain(`${words.why} ${en.whatToDo} ${words.todo}`);
    expect(posted.text).toContain(`${en.consentIdLabel}: ${oemConsent}`);
    expect(posted.text).toContain(en.supportContact('support@autopilot-consent.example')); // SUPPORT_CONTACT
    expect(await storedState(oem.id, oemConsent, admin.tenantId)).toEqual(before);
  });

  it.each([
    ['without a form token', () => ({ fields: {} })],
    [
      'with a token for another consent',
      (admin: Customer) => ({ fields: { csrf: formToken(admin, formTargets.removeDelegatedAdmin('other')) } }),
    ],
    [
      'with another user’s token',
      (admin: Customer, consentId: string) => ({
        fields: {
          csrf: formToken(customer({ tenantId: admin.tenantId }), formTargets.removeDelegatedAdmin(consentId)),
        },
      }),
    ],
    [
      'from another origin',
      (admin: Customer, consentId: string) => ({
        fields: { csrf: formToken(admin, formTargets.removeDelegatedAdmin(consentId)) },
        headers: { origin: 'https://evil.example' },
      }),
    ],
  ] as const)('a forged removal (%s) is refused with 403 and nothing changes', async (_name, forge) => {
    const { admin, cspConsent } = await tenantWithPartners(app, partners);
    const before = await storedState(csp.id, cspConsent, admin.tenantId);
    const forged = (
      forge as (a: Customer, c: string) => { fields: Record<string, string>; headers?: Record<string, string> }
    )(admin, cspConsent);

    const posted = await postForm(app, removePath(cspConsent), forged.fields, { as: admin, headers: forged.headers });

    expect(posted.status).toBe(403);
    expect(posted.text).toContain(refusalWords('en', 'forged-form').title);
    expect(await storedState(csp.id, cspConsent, admin.tenantId)).toEqual(before);
  });

  it('another organization’s consent does not exist for this reader, and nothing changes', async () => {
    const { admin: owner, cspConsent } = await tenantWithPartners(app, partners);
    const intruder = customer();
    const before = await storedState(csp.id, cspConsent, owner.tenantId);

    const posted = await postForm(
      app,
      removePath(cspConsent),
      { csrf: formToken(intruder, formTargets.removeDelegatedAdmin(cspConsent)) },
      { as: intruder },
    );

    expect(posted.status).toBe(404);
    expect(await storedState(csp.id, cspConsent, owner.tenantId)).toEqual(before);
  });

  it('R6: a user without Global Administrator cannot remove roles', async () => {
    const { admin, cspConsent } = await tenantWithPartners(app, partners);
    const user = customer({ tenantId: admin.tenantId, globalAdmin: false });
    const before = await storedState(csp.id, cspConsent, admin.tenantId);

    const posted = await postForm(
      app,
      removePath(cspConsent),
      { csrf: formToken(user, formTargets.removeDelegatedAdmin(cspConsent)) },
      { as: user },
    );

    expect(posted.status).toBe(403);
    expect(await storedState(csp.id, cspConsent, admin.tenantId)).toEqual(before);
  });

  it('removing twice is harmless: back to the list', async () => {
    const { admin, cspConsent } = await tenantWithPartners(app, partners);
    const csrf = formToken(admin, formTargets.removeDelegatedAdmin(cspConsent));
    await postForm(app, removePath(cspConsent), { csrf }, { as: admin });
    const before = await storedState(csp.id, cspConsent, admin.tenantId);

    const again = await postForm(app, removePath(cspConsent), { csrf }, { as: admin });

    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe('/partners');
    expect(await storedState(csp.id, cspConsent, admin.tenantId)).toEqual(before);
  });
});
