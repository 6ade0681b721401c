// Strings that travel (issue 13, item 6), through the local host: supplied names are stored and answered as one line
// of visible text, a message keeps only its line breaks and may not carry web addresses, and the consent page shows
// names and the message cleanly even when they were stored before this was checked.
import { randomUUID } from 'node:crypto';
import { liveDependencies as live } from '../../../shared/consent/dependencies';
import { messagesFor } from '../../../shared/pages/messages';
import { startAppHost, type AppHost } from '../../support/appHost';
import { customer, getPage, issuedLink } from '../../support/customerPages';
import { registeredPartner, type TestPartner } from '../../support/partners';
import { storedPartner, unique } from '../../support/storeFixtures';

const DISGUISE = '\u202e\u2066\u200b\ufeff';
const NOTHING_VISIBLE = '\u200b\u202e \r\n\u2060';
/** Characters no page may show: bidirectional controls, zero-width and other invisible ones, controls. */
const FORBIDDEN = /(?!\n)[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2028\u2029]/u;
const en = messagesFor('en');

let app: AppHost;
let csp: TestPartner;

beforeAll(async () => {
  app = await startAppHost();
  csp = await registeredPartner(app, 'direct-csp', { displayName: 'Fabrikam Devices' });
});
afterAll(async () => {
  await app.stop();
});

function registration(displayName: string) {
  return {
    id: unique('strings'),
    displayName,
    type: 'direct-csp',
    tenantId: randomUUID(),
    contactEmail: 'csp@fabrikam.example',
  };
}

async function consentCount(partner: TestPartner): Promise<number> {
  const list = await app.call('GET', '/api/consent-requests?pageSize=100', { key: partner.key });
  return (list.body.items as unknown[]).length;
}

describe('supplied names at the input', () => {
  it("an operator's partner displayName with CR/LF and an override is stored and answered as one visible line", async () => {
    const body = registration(`Fabrikam${DISGUISE}\r\nDevices`);
    const created = await app.call('POST', '/api/admin/partners', { key: app.operatorKey, body });
    expect(created.status).toBe(201);
    expect(created.body.displayName).toBe('Fabrikam Devices');
    expect((await live.partners.findPartner(body.id))?.value.displayName).toBe('Fabrikam Devices');
  });

  it('a partner displayName with nothing visible is a 400 naming the field, and no partner is stored', async () => {
    const body = registration(NOTHING_VISIBLE);
    const refused = await app.call('POST', '/api/admin/partners', { key: app.operatorKey, body });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.errors).toEqual([
      { path: 'displayName', message: expect.stringMatching(/^must contain visible text/) },
    ]);
    expect(await live.partners.findPartner(body.id)).toBeUndefined();
  });

  it("a customer's displayName and contactName are answered as one visible line; the message keeps its line breaks", async () => {
    const admin = customer();
    const link = await issuedLink(app, csp, {
      customer: {
        tenantId: admin.tenantId,
        displayName: `Woodgrove${DISGUISE}\r\nBank`,
        contactEmail: 'it@woodgrove.example',
        contactName: `Ada\u00a0${DISGUISE}Howard\n`,
      },
      message: `Hello${DISGUISE},\r\n\r\n\r\nwe will register\tyour laptops.`,
    });
    const stored = await app.call('GET', `/api/consent-requests/${link.consentId}`, { key: csp.key });
    expect(stored.body.customer).toMatchObject({ displayName: 'Woodgrove Bank', contactName: 'Ada Howard' });

    const page = await getPage(app, link.path, { as: admin });
    expect(page.status).toBe(200);
    expect(page.html).not.toMatch(FORBIDDEN);
    expect(page.text).toContain(`${en.requestedForLabel} Woodgrove Bank`);
    expect(page.html).toContain(
      '<blockquote class="partner-message">Hello,\n\nwe will register your laptops.</blockquote>',
    );
    expect(page.text).toContain(en.messageNote('Fabrikam Devices'));
  });

  it('a contactName with nothing visible is a 400 naming the field, and nothing is created', async () => {
    const before = await consentCount(csp);
    const refused = await app.call('POST', '/api/consent-requests', {
      key: csp.key,
      body: { customer: { contactEmail: 'it@woodgrove.example', contactName: NOTHING_VISIBLE } },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { path: 'customer.contactName', message: expect.stringMatching(/^must contain visible text/) },
    ]);
    expect(await consentCount(csp)).toBe(before);
  });
});

describe('web addresses in the message', () => {
  it.each(['https://fabrikam-support.example/login', 'www.fabrikam-support.example', 'fabrikam-support.example'])(
    'a message with a web address (%s) is a 400 that says why, and nothing is created',
    async (address) => {
      const before = await consentCount(csp);
      const refused = await app.call('POST', '/api/consent-requests', {
        key: csp.key,
        body: {
          customer: { contactEmail: 'it@woodgrove.example' },
          message: `Before accepting, confirm your account at ${address} please.`,
        },
      });
      expect(refused.status).toBe(400);
      expect(refused.body.type).toBe('/problems/validation');
      expect(refused.body.errors).toEqual([
        {
          path: 'message',
          message: expect.stringMatching(
            /^must not contain web addresses \(found ".+"\): mail clients make them links/,
          ),
        },
      ]);
      expect(await consentCount(csp)).toBe(before);
    },
  );

  it('a message with an email address is accepted', async () => {
    const issued = await app.call('POST', '/api/consent-requests', {
      key: csp.key,
      body: { customer: {}, message: 'Questions? Write to support@fabrikam.example.', sendEmail: false },
    });
    expect(issued.status).toBe(201);
  });
});

describe('names and messages stored before they were checked', () => {
  it('the consent page shows them as visible text: no override, invisible or control character', async () => {
    const partner = await storedPartner('direct-csp', { displayName: `Fabrikam${DISGUISE}\r\nDevices` });
    const key = await app.call('POST', `/api/admin/partners/${partner.id}/keys`, { key: app.operatorKey });
    const admin = customer();
    const link = await issuedLink(
      app,
      { id: partner.id, key: key.body.apiKey as string, type: partner.type },
      { customer: { tenantId: admin.tenantId }, message: 'placeholder' },
    );
    const stored = (await live.consents.findConsent(partner.id, link.consentId))!;
    await live.consents.replaceConsent(
      {
        ...stored.value,
        customer: { ...stored.value.customer, displayName: `Woodgrove${DISGUISE}\u0000Bank` },
        message: `Pay${DISGUISE}\u001b[8m now\r\nplease`,
      },
      stored.etag,
    );

    const page = await getPage(app, link.path, { as: admin });
    expect(page.status).toBe(200);
    expect(page.html).not.toMatch(FORBIDDEN);
    expect(page.text).toContain(en.consentTitle('Fabrikam Devices'));
    expect(page.text).toContain(`${en.requestedForLabel} Woodgrove Bank`);
    expect(page.html).toContain('<blockquote class="partner-message">Pay[8m now\nplease</blockquote>');
  });
});
