// The local host's outbox (R4, R16): issuing a request puts the invitation in GET /dev/outbox within seconds.
import type { RunningAzurite } from '../../../dev/azurite';
import { hashLinkToken } from '../../../shared/auth/linkTokens';
import { liveDependencies as live } from '../../../shared/consent/dependencies';
import { QUEUE_SETTINGS } from '../../../shared/hostSettings';
import { startAppHost, type AppHost } from '../../support/appHost';
import { eventually } from '../../support/localHost';
import { useOwnAzurite } from '../../support/ownAzurite';
import { registeredPartner, type TestPartner } from '../../support/partners';

let azurite: RunningAzurite;
let app: AppHost;
let csp: TestPartner;

beforeAll(async () => {
  azurite = await useOwnAzurite();
  process.env.EMAIL_TRANSPORT = 'outbox';
  app = await startAppHost({
    // host.json's own queue settings: "within seconds" must hold as deployed, not only with shortened waits.
    queueSettings: QUEUE_SETTINGS,
  });
  csp = await registeredPartner(app, 'direct-csp');
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await azurite?.stop();
});

interface Listed {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  sentAt: string;
}

describe('local outbox', () => {
  it('R4, R16: an issued request is in GET /dev/outbox within seconds with its working link, and the consent shows sent', async () => {
    const issued = await app.call('POST', '/api/consent-requests', {
      key: csp.key,
      body: { customer: { contactEmail: 'admin@contoso.example' } },
    });
    expect(issued.status).toBe(201);
    const started = Date.now();
    const email = await eventually(async () => {
      const outbox = await app.call('GET', '/dev/outbox');
      return (outbox.body as Listed[]).find((listed) => listed.text.includes(issued.body.consentUrl));
    }, 5_000);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(Object.keys(email).sort()).toEqual(['html', 'id', 'sentAt', 'subject', 'text', 'to']);
    expect(email).toMatchObject({
      to: 'admin@contoso.example',
      subject: expect.stringContaining('Contoso direct-csp'),
    });

    // The link in the email is the one the partner was given, and it opens this consent.
    const token = new URL(issued.body.consentUrl).pathname.split('/').pop()!;
    expect(await live.links.findLinkTarget(hashLinkToken(token))).toMatchObject({ consentId: issued.body.id });
    expect(email.html).toContain(`href="${issued.body.consentUrl}"`);

    const consent = await eventually(async () => {
      const read = await app.call('GET', `/api/consent-requests/${issued.body.id}`, { key: csp.key });
      return read.body.email.status === 'sent' ? read.body : undefined;
    });
    expect(consent.email).toEqual({ status: 'sent', sentAt: expect.any(String) });
    expect(app.log.filter((line) => line.includes(issued.body.consentUrl))).toEqual([
      expect.stringMatching(
        new RegExp(`Outbox: invitation to admin@contoso.example \\(GET /dev/outbox/${email.id}\\); consent link: `),
      ),
    ]);
  });

  it('R4: GET /dev/outbox lists newest first; GET /dev/outbox/{id} renders the email and forbids scripts', async () => {
    for (const contactEmail of ['first@contoso.example', 'second@contoso.example']) {
      await app.call('POST', '/api/consent-requests', { key: csp.key, body: { customer: { contactEmail } } });
      await eventually(async () =>
        ((await app.call('GET', '/dev/outbox')).body as Listed[]).some((listed) => listed.to === contactEmail)
          ? true
          : undefined,
      );
    }
    const listed = (await app.call('GET', '/dev/outbox')).body as Listed[];
    expect(listed.map((email) => email.to).slice(0, 2)).toEqual(['second@contoso.example', 'first@contoso.example']);

    const page = await fetch(`${app.url}/dev/outbox/${listed[0]!.id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toMatch(/script-src/);
    expect(await page.text()).toBe(listed[0]!.html);

    expect((await fetch(`${app.url}/dev/outbox/no-such-email`)).status).toBe(404);
    expect((await fetch(`${app.url}/dev/outbox`, { method: 'DELETE' })).status).toBe(405);
  });
});
