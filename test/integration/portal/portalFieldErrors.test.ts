// Every field error the portal's request and webhook forms can show, through the local host: in the page's language
// (German here), beside its field, in words that say what to enter, with what was typed kept; the API stays English.
import { randomUUID } from 'node:crypto';
import { config } from '../../../shared/config';
import { PARTNER_APP_ROLES } from '../../../shared/domain/partnerAccess';
import { GLOBAL_ADMINISTRATOR_ROLE_ID } from '../../../shared/domain/roles';
import { MAX_WEBHOOK_ENDPOINTS } from '../../../shared/domain/webhooks';
import { portalMessagesFor } from '../../../shared/portal/messages';
import { decode, visibleText } from '../../unit/pages/html';
import { startAppHost, type AppHost } from '../../support/appHost';
import { csrfOf, getPage } from '../../support/customerPages';
import { partnerPrincipal, type TestPrincipal } from '../../support/partnerPrincipals';
import { registeredPartner, type TestPartner } from '../../support/partners';

const INTUNE_ADMINISTRATOR = '3a2c62db-5318-420d-8d74-23affee5d9d5';
const GERMAN = { 'accept-language': 'de-DE,de;q=0.9' };
const de = portalMessagesFor('de').fieldErrors;
const en = portalMessagesFor('en').fieldErrors;

let app: AppHost;
let csp: TestPartner;
let manager: TestPrincipal;

beforeAll(async () => {
  app = await startAppHost();
  const tenantId = randomUUID();
  csp = await registeredPartner(app, 'direct-csp', { tenantId });
  manager = partnerPrincipal(tenantId, { appRoles: [PARTNER_APP_ROLES.manage] });
});
afterAll(async () => {
  await app.stop();
});

type Fields = [string, string][];

async function post(path: string, fields: Fields, as: TestPrincipal, headers: Record<string, string> = GERMAN) {
  const response = await fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: config().publicBaseUrl,
      ...as.headers,
      ...headers,
    },
    body: new URLSearchParams(fields),
    redirect: 'manual',
  });
  return { status: response.status, html: await response.text() };
}

/** The words shown beside a field (its error paragraph), as a reader sees them. */
function besideField(html: string, field: string): string | undefined {
  const found = new RegExp(`<p class="field-error" id="${field}-error">([^<]*)</p>`).exec(html)?.[1];
  return found === undefined ? undefined : decode(found);
}

/** The form sends each text field, the language and the link's days; the case replaces or adds its own. */
function requestForm(csrf: string, changes: Fields): Fields {
  const base: Fields = [
    ['csrf', csrf],
    ['tenantId', randomUUID()],
    ['domain', ''],
    ['displayName', ''],
    ['contactEmail', ''],
    ['contactName', ''],
    ['locale', 'en'],
    ['durationDays', '730'],
    ['message', ''],
    ['expiresInDays', '30'],
  ];
  const changed = new Set(changes.map(([name]) => name));
  return [...base.filter(([name]) => !changed.has(name)), ...changes];
}

const admin = (...roles: string[]): Fields => [
  ['delegatedAdmin', 'yes'],
  ...roles.map((role): [string, string] => ['roles', role]),
];

describe('the request form in German', () => {
  it.each<[string, Fields, string, string, string | undefined]>([
    ['a tenant id that is no GUID', [['tenantId', 'contoso']], 'tenantId', de.tenantId, 'value="contoso"'],
    ['a domain that is no domain name', [['domain', 'contoso']], 'domain', de.domain, 'value="contoso"'],
    [
      'a customer name that is too long',
      [['displayName', 'W'.repeat(257)]],
      'displayName',
      de.tooLong(256),
      `value="${'W'.repeat(257)}"`,
    ],
    [
      'a customer name of invisible characters only',
      [['displayName', '\u200b\u200b']],
      'displayName',
      de.noVisibleText,
      'value="\u200b\u200b"',
    ],
    [
      'a customer name with a control character',
      [['displayName', 'Woodgrove\u0007Bank']],
      'displayName',
      de.controlCharacters,
      'value="Woodgrove\u0007Bank"',
    ],
    [
      'a contact email that is no address',
      [['contactEmail', 'it-admin']],
      'contactEmail',
      de.email,
      'value="it-admin"',
    ],
    [
      'no contact email while the service is to send the email',
      [['sendEmail', 'yes']],
      'contactEmail',
      de.contactEmailNeeded,
      'id="sendEmail" name="sendEmail" value="yes" checked=""',
    ],
    [
      'a web address in the contact name',
      [['contactName', 'Kim (www.contoso.com)']],
      'contactName',
      de.nameWebAddress,
      'value="Kim (www.contoso.com)"',
    ],
    ['a language that is not offered', [['locale', 'fr']], 'locale', de.language, undefined],
    [
      'delegated admin without a role',
      admin(),
      'roles',
      de.chooseRole,
      'id="delegatedAdmin" name="delegatedAdmin" value="yes" checked=""',
    ],
    ['a role that is no role id', admin('Intune'), 'roles', de.unknownRole, undefined],
    ['a role that is not offered', admin(randomUUID()), 'roles', de.unknownRole, undefined],
    [
      'a role sent twice',
      admin(INTUNE_ADMINISTRATOR, INTUNE_ADMINISTRATOR.toUpperCase()),
      'roles',
      de.duplicateRole,
      `value="${INTUNE_ADMINISTRATOR}" checked=""`,
    ],
    ['too many roles', admin(...Array<string>(21).fill(INTUNE_ADMINISTRATOR)), 'roles', de.tooManyRoles(20), undefined],
    [
      'a duration that is no number',
      [...admin(INTUNE_ADMINISTRATOR), ['durationDays', 'zwölf']],
      'durationDays',
      de.wholeDays(1, 730),
      'value="zwölf"',
    ],
    [
      'a duration that is not whole',
      [...admin(INTUNE_ADMINISTRATOR), ['durationDays', '2.5']],
      'durationDays',
      de.wholeDays(1, 730),
      'value="2.5"',
    ],
    [
      'a duration too long',
      [...admin(INTUNE_ADMINISTRATOR), ['durationDays', '731']],
      'durationDays',
      de.wholeDays(1, 730),
      'value="731"',
    ],
    [
      'Global Administrator extending automatically',
      [...admin(GLOBAL_ADMINISTRATOR_ROLE_ID), ['autoExtend', 'yes']],
      'autoExtend',
      de.globalAdminAutoExtend,
      'id="autoExtend" name="autoExtend" value="yes" checked=""',
    ],
    [
      'a message that is too long',
      [['message', 'm'.repeat(501)]],
      'message',
      de.tooLong(500),
      `>${'m'.repeat(501)}</textarea>`,
    ],
    [
      'a web address in the message',
      [['message', 'Details: https://contoso.com/x']],
      'message',
      de.messageWebAddress,
      '>Details: https://contoso.com/x</textarea>',
    ],
    [
      'a control character in the message',
      [['message', 'Hallo\u0007']],
      'message',
      de.controlCharacters,
      '>Hallo\u0007</textarea>',
    ],
    ['a link lifetime of 0 days', [['expiresInDays', '0']], 'expiresInDays', de.wholeDays(1, 90), 'value="0"'],
    ['a link lifetime too long', [['expiresInDays', '91']], 'expiresInDays', de.wholeDays(1, 90), 'value="91"'],
  ])(
    'Portal (de): %s is said beside its field in German, the values kept, nothing created',
    async (_, changes, field, words, kept) => {
      const form = await getPage(app, '/portal/requests/new', { headers: { ...manager.headers, ...GERMAN } });
      const before = (await app.call('GET', '/api/consent-requests', { key: csp.key })).body.items.length;
      const answer = await post('/portal/requests', requestForm(csrfOf(form.html), changes), manager);
      expect(answer.status).toBe(422);
      expect(answer.html).toContain('<html lang="de">');
      expect(visibleText(answer.html)).toContain(portalMessagesFor('de').formErrors);
      expect(besideField(answer.html, field)).toBe(words);
      expect(answer.html).toMatch(
        new RegExp(`id="${field}"[^>]*aria-invalid="true"|aria-describedby="${field}-error"`),
      );
      if (kept) expect(answer.html).toContain(kept);
      // Only that field complains, and nothing of the API's English reaches the page.
      expect(answer.html.match(/class="field-error"/g)).toHaveLength(1);
      expect(visibleText(answer.html)).not.toMatch(/must |is required|customer\.|delegatedAdmin\.|GET \/api/);
      expect((await app.call('GET', '/api/consent-requests', { key: csp.key })).body.items).toHaveLength(before);
    },
  );

  it('Portal (en): an English page gets the same portal words in English, while the API keeps its own message', async () => {
    const form = await getPage(app, '/portal/requests/new', { headers: manager.headers });
    const answer = await post('/portal/requests', requestForm(csrfOf(form.html), [['sendEmail', 'yes']]), manager, {});
    expect(besideField(answer.html, 'contactEmail')).toBe(en.contactEmailNeeded);
    const api = await app.call('POST', '/api/consent-requests', {
      key: csp.key,
      body: { customer: { tenantId: randomUUID() }, sendEmail: true },
    });
    expect(api.status).toBe(400);
    expect(api.body.errors).toEqual([
      { path: 'customer.contactEmail', message: 'Required when sendEmail is true: the invitation is emailed to it.' },
    ]);
  });
});

describe('the webhook form in German', () => {
  /** The token of the Add form (the page's Delete forms carry their own). */
  const addToken = (html: string) =>
    /action="\/portal\/webhooks"[^>]*><input type="hidden" name="csrf" value="([^"]+)"/.exec(html)![1]!;
  const longUrl = `http://127.0.0.1:9/${'a'.repeat(2040)}`;

  it.each<[string, Fields, string, string, string | undefined]>([
    ['no address', [['url', '']], 'url', de.urlRequired, undefined],
    [
      'an address that is not complete',
      [['url', 'hooks.contoso.com']],
      'url',
      de.urlNotAbsolute,
      'value="hooks.contoso.com"',
    ],
    [
      'an address that is not http(s)',
      [['url', 'ftp://contoso.com/hook']],
      'url',
      de.urlScheme,
      'value="ftp://contoso.com/hook"',
    ],
    ['an address that is too long', [['url', longUrl]], 'url', de.tooLong(2048), `value="${longUrl}"`],
    [
      'a description that is too long',
      [['description', 'D'.repeat(257)]],
      'description',
      de.tooLong(256),
      `value="${'D'.repeat(257)}"`,
    ],
    [
      'a description of invisible characters',
      [['description', '\u200b']],
      'description',
      de.noVisibleText,
      'value="\u200b"',
    ],
    [
      'a description with a control character',
      [['description', 'Ops\u0007']],
      'description',
      de.controlCharacters,
      'value="Ops\u0007"',
    ],
    ['an event that is not offered', [['events', 'consent.bogus']], 'events', de.unknownEvent, undefined],
  ])(
    'Portal (de): %s is said beside its field in German, the values kept, nothing registered',
    async (_, changes, field, words, kept) => {
      const page = await getPage(app, '/portal/webhooks', { headers: { ...manager.headers, ...GERMAN } });
      const before = (await app.call('GET', '/api/webhooks', { key: csp.key })).body.items.length;
      const fields: Fields = [
        ['csrf', addToken(page.html)],
        ['url', 'http://127.0.0.1:9/hooks'],
        ['description', 'Betrieb'],
        ['events', 'consent.accepted'],
      ];
      const changed = new Set(changes.map(([name]) => name));
      const answer = await post(
        '/portal/webhooks',
        [...fields.filter(([name]) => !changed.has(name)), ...changes],
        manager,
      );
      expect(answer.status).toBe(422);
      expect(besideField(answer.html, field)).toBe(words);
      if (kept) expect(answer.html).toContain(kept);
      expect(answer.html.match(/class="field-error"/g)).toHaveLength(1);
      expect(visibleText(answer.html)).not.toMatch(/must |is required|http\(s\) URL/);
      expect((await app.call('GET', '/api/webhooks', { key: csp.key })).body.items).toHaveLength(before);
    },
  );

  it('Portal (de): one endpoint more than allowed is said above the form in German, the address kept', async () => {
    const full = await registeredPartner(app, 'direct-csp');
    for (let index = 0; index < MAX_WEBHOOK_ENDPOINTS; index += 1) {
      await app.call('POST', '/api/webhooks', { key: full.key, body: { url: `http://127.0.0.1:9/${index}` } });
    }
    const tenantId = (await app.call('GET', `/api/admin/partners/${full.id}`, { key: app.operatorKey })).body
      .tenantId as string;
    const person = partnerPrincipal(tenantId, { appRoles: [PARTNER_APP_ROLES.manage] });
    const page = await getPage(app, '/portal/webhooks', { headers: { ...person.headers, ...GERMAN } });
    const answer = await post(
      '/portal/webhooks',
      [
        ['csrf', addToken(page.html)],
        ['url', 'http://127.0.0.1:9/elf'],
      ],
      person,
    );
    expect(answer.status).toBe(422);
    expect(answer.html).toMatch(/role="alert"/);
    expect(visibleText(answer.html)).toContain(de.endpointLimit(MAX_WEBHOOK_ENDPOINTS));
    expect(answer.html).toContain('value="http://127.0.0.1:9/elf"');
    expect((await app.call('GET', '/api/webhooks', { key: full.key })).body.items).toHaveLength(MAX_WEBHOOK_ENDPOINTS);
  });
});
