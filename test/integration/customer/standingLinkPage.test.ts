// A partner's standing link through the local host (R11, R12, R14): any organization's Global Administrator accepts it.
import { startAppHost, type AppHost } from '../../support/appHost';
import { csrfOf, customer, getPage, postForm, type Customer } from '../../support/customerPages';
import { registeredPartner, type TestPartner } from '../../support/partners';
import { liveDependencies as live } from '../../../shared/consent/dependencies';
import { messagesFor } from '../../../shared/pages/messages';
import { lead, refusalWords } from '../../support/words';

const en = messagesFor('en');
const de = messagesFor('de');

let app: AppHost;

beforeAll(async () => {
  app = await startAppHost();
});
afterAll(async () => {
  await app.stop();
});

async function standingLinkOf(partner: TestPartner): Promise<string> {
  const answer = await app.call('GET', '/api/consent-link', { key: partner.key });
  return new URL(answer.body.url as string).pathname;
}

async function consentsOf(partner: TestPartner, tenantId: string) {
  return (await live.consents.listConsents(partner.id, { tenantId, now: new Date() }, { pageSize: 100 })).items;
}

async function acceptAs(path: string, admin: Customer) {
  const page = await getPage(app, path, { as: admin });
  return postForm(app, path, { csrf: csrfOf(page.html), decision: 'accept', confirm: 'yes' }, { as: admin });
}

async function oemSays(oem: TestPartner, tenantId: string) {
  return (await app.call('GET', `/api/oem/consents/${tenantId}`, { key: oem.key })).body;
}

describe('an OEM standing link (R11, R12)', () => {
  it('shows the OEM, what it may do and that the link does not expire, in the browser’s language', async () => {
    const oem = await registeredPartner(app, 'oem', { displayName: 'Tailspin Hardware' });
    const path = await standingLinkOf(oem);

    const page = await getPage(app, path, {
      as: customer(),
      headers: { 'accept-language': 'de-DE,de;q=0.9,en;q=0.5' },
    });

    expect(page.status).toBe(200);
    expect(page.html.startsWith('<!DOCTYPE html><html lang="de">')).toBe(true);
    expect(page.text).toContain(de.consentTitle('Tailspin Hardware'));
    expect(page.text).toContain(`${de.kindLabel} ${de.kind.oem}`);
    expect(page.text).toContain(`${de.whatIntro('Tailspin Hardware')} ${de.channel['oem-direct-api']}`);
    expect(page.text).toContain(de.noRoles);
    expect(page.text).toContain(de.standingLinkValidity('Tailspin Hardware'));
  });

  it('R11, R14: two organizations accept the same link; each has its own consent and the OEM sees both', async () => {
    const oem = await registeredPartner(app, 'oem');
    const path = await standingLinkOf(oem);
    const [first, second] = [customer(), customer()];

    const answers = [await acceptAs(path, first), await acceptAs(path, second)];
    const shown = await getPage(app, answers[0]!.headers.get('location')!, { as: first });

    expect(answers.map((answer) => answer.headers.get('location'))).toEqual([
      `${path}?outcome=accepted`,
      `${path}?outcome=accepted`,
    ]);
    expect(shown.text).toContain(en.acceptedTitle);
    expect(shown.text).toContain(en.oemRemovalLater);
    const [a] = await consentsOf(oem, first.tenantId);
    const [b] = await consentsOf(oem, second.tenantId);
    expect(a).toMatchObject({ source: 'standing-link', status: 'accepted' });
    expect(b).toMatchObject({ source: 'standing-link', status: 'accepted' });
    expect(a!.id).not.toBe(b!.id);
    expect(await oemSays(oem, first.tenantId)).toMatchObject({ consented: true, consentId: a!.id });
    expect(await oemSays(oem, second.tenantId)).toMatchObject({ consented: true, consentId: b!.id });
  });

  it('twenty concurrent accepts by one organization record one consent', async () => {
    const oem = await registeredPartner(app, 'oem');
    const path = await standingLinkOf(oem);
    const admin = customer();
    const page = await getPage(app, path, { as: admin });
    const fields = { csrf: csrfOf(page.html), decision: 'accept', confirm: 'yes' };

    const answers = await Promise.all(Array.from({ length: 20 }, () => postForm(app, path, fields, { as: admin })));

    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(303));
    expect(answers.filter((answer) => answer.headers.get('location') === `${path}?outcome=accepted`)).toHaveLength(1);
    const consents = await consentsOf(oem, admin.tenantId);
    expect(consents).toHaveLength(1);
    expect(await live.events.listEvents(consents[0]!.id)).toHaveLength(1);
  });

  it('after accepting, the link tells the same organization it already answered', async () => {
    const oem = await registeredPartner(app, 'oem');
    const path = await standingLinkOf(oem);
    const admin = customer();
    await acceptAs(path, admin);

    const page = await getPage(app, path, { as: customer({ tenantId: admin.tenantId }) });

    expect(page.text).toContain(en.alreadyTitle);
    expect(page.text).not.toContain(lead(en.confirmLabel));
  });

  it('R12: an account that is not cloud-native is refused and no consent is made', async () => {
    const oem = await registeredPartner(app, 'oem');
    const path = await standingLinkOf(oem);
    const admin = customer({ userPrincipalName: 'admin@contoso.com' });

    const page = await getPage(app, path, { as: admin });

    expect(page.status).toBe(403);
    const words = refusalWords('en', 'not-cloud-native', { user: 'admin@contoso.com' });
    expect(page.text).toContain(words.title);
    expect(page.text).toContain(words.why);
    expect(await consentsOf(oem, admin.tenantId)).toEqual([]);
    expect(await oemSays(oem, admin.tenantId)).toMatchObject({ consented: false });
  });

  it('R6: a user without Global Administrator is refused and no consent is made', async () => {
    const oem = await registeredPartner(app, 'oem');
    const path = await standingLinkOf(oem);
    const user = customer({ globalAdmin: false });

    const page = await getPage(app, path, { as: user });

    expect(page.status).toBe(403);
    const words = refusalWords('en', 'not-global-admin', { user: user.userPrincipalName });
    expect(page.text).toContain(`${words.why} ${en.whatToDo} ${words.todo}`);
    expect(await consentsOf(oem, user.tenantId)).toEqual([]);
  });

  it('Decline stores nothing and says the same link still works', async () => {
    const oem = await registeredPartner(app, 'oem');
    const path = await standingLinkOf(oem);
    const admin = customer();
    const page = await getPage(app, path, { as: admin });

    const posted = await postForm(app, path, { csrf: csrfOf(page.html), decision: 'decline' }, { as: admin });
    const outcome = await getPage(app, posted.headers.get('location')!, { as: admin });

    expect(posted.status).toBe(303);
    expect(outcome.text).toContain(en.declinedTitle);
    expect(outcome.text).toContain(en.declinedStandingAgain);
    expect(await consentsOf(oem, admin.tenantId)).toEqual([]);
    expect(await oemSays(oem, admin.tenantId)).toMatchObject({ consented: false });
    expect((await getPage(app, path, { as: admin })).text).toContain(lead(en.confirmLabel));
  });

  it('a rotated link stops working (410, replaced); the new one works', async () => {
    const oem = await registeredPartner(app, 'oem');
    const old = await standingLinkOf(oem);
    const rotated = await app.call('POST', '/api/consent-link/rotate', { key: oem.key });
    const admin = customer();
    const page = await getPage(app, old, { as: admin });
    const fresh = await getPage(app, new URL(rotated.body.url as string).pathname, { as: admin });

    expect(page.status).toBe(410);
    expect(fresh.status).toBe(200);
  });
});
