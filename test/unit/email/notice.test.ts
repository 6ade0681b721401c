import { renderNotice, type NoticeEmail } from '../../../shared/email/notice';
import { NOTICE_COPY } from '../../../shared/email/noticeCopy';
import { visibleText } from '../pages/html';

const en = NOTICE_COPY.en;
const de = NOTICE_COPY.de;
const SCRIPT = '<script>alert(1)</script>';
const END = new Date('2026-12-24T10:15:00.000Z');

function notice(overrides: Partial<NoticeEmail> = {}): NoticeEmail {
  return {
    kind: 'invitation-reminder',
    audience: 'customer',
    locale: 'en',
    to: { address: 'admin@contoso.com', displayName: 'Ada Admin' },
    partner: { displayName: 'Fabrikam Ltd' },
    customer: { name: 'Contoso', tenantId: '3f5c8a2e-6b1d-4c7e-9a0f-2d4b6e8c1a35' },
    consentId: 'consent-1',
    roles: ['Intune Administrator'],
    daysLeft: 7,
    endsAt: END,
    consentUrl: 'https://consent.example.com/consent/tok3n_abc',
    ...overrides,
  };
}

function bodies(email: NoticeEmail): { subject: string; bodies: string[]; html: string } {
  const { subject, html, text } = renderNotice(email);
  return { subject, bodies: [visibleText(html), text], html };
}

describe('invitation reminder email', () => {
  it('English: who is waiting, the roles asked for, when the request expires, and the live link with its host', () => {
    const { subject, bodies: both } = bodies(notice());
    expect(subject).toBe(en.reminder.subject('Fabrikam Ltd', '7 days'));
    for (const body of both) {
      expect(body).toContain(en.greeting('Ada Admin'));
      expect(body).toContain(en.reminder.waiting('Fabrikam Ltd'));
      expect(body).toContain(en.reminder.roles('Fabrikam Ltd'));
      expect(body).toContain('Intune Administrator');
      expect(body).toContain(en.reminder.expiry('7 days', '24 December 2026 at 10:15 UTC'));
      expect(body).toContain('https://consent.example.com/consent/tok3n_abc');
      expect(body).toContain(en.reminder.genuineHost('consent.example.com'));
      expect(body).toContain(en.reminder.whoAccepts);
      expect(body).toContain(en.reminder.footer('Fabrikam Ltd'));
    }
  });

  it('German, one day before, without roles: the German words and no roles sentence', () => {
    const { subject, bodies: both } = bodies(notice({ locale: 'de', daysLeft: 1, roles: [] }));
    expect(subject).toBe(de.reminder.subject('Fabrikam Ltd', '1 Tag'));
    expect(subject).toContain('Erinnerung');
    for (const body of both) {
      expect(body).toContain(de.greeting('Ada Admin'));
      expect(body).toContain(de.reminder.expiry('1 Tag', '24. Dezember 2026 um 10:15 UTC'));
      expect(body).not.toContain(de.reminder.roles('Fabrikam Ltd'));
      expect(body).toContain(de.reminder.buttonLabel);
    }
  });

  it('refuses a link that is not http(s), and escapes supplied names', () => {
    expect(() => renderNotice(notice({ consentUrl: 'javascript:alert(1)' }))).toThrow(/http\(s\)/);
    const { html } = bodies(notice({ partner: { displayName: SCRIPT } }));
    expect(html).not.toContain(SCRIPT);
    expect(html).toContain('&lt;script&gt;');
  });
});

describe('delegated admin expiry emails', () => {
  it('to the customer 30 days before: which partner, which roles end when, that devices stay, nothing to do', () => {
    const { subject, bodies: both } = bodies(
      notice({ kind: 'delegated-admin-expiring', daysLeft: 30, consentUrl: undefined }),
    );
    expect(subject).toBe(en.customer.expiringSubject('Fabrikam Ltd', '30 days'));
    for (const body of both) {
      expect(body).toContain(en.customer.expiring('Fabrikam Ltd', '24 December 2026 at 10:15 UTC'));
      expect(body).toContain('Intune Administrator');
      expect(body).toContain(en.customer.devicesStay('Fabrikam Ltd'));
      expect(body).toContain(en.customer.nothingToDo);
      expect(body).toContain(en.customer.askAgain('Fabrikam Ltd'));
      expect(body).not.toContain('consent.example.com');
    }
  });

  it('to the partner 1 day before (English): the customer, its tenant, the consent, and how to keep the roles', () => {
    const { subject, bodies: both } = bodies(
      notice({ kind: 'delegated-admin-expiring', audience: 'partner', daysLeft: 1, consentUrl: undefined }),
    );
    expect(subject).toBe(en.partner.expiringSubject('Contoso', '1 day'));
    for (const body of both) {
      expect(body).toContain(en.partner.expiring('Contoso', '24 December 2026 at 10:15 UTC'));
      expect(body).toContain('3f5c8a2e-6b1d-4c7e-9a0f-2d4b6e8c1a35');
      expect(body).toContain('consent-1');
      expect(body).toContain(en.partner.keep);
    }
  });

  it('on the day, in German to the customer and to the partner: the roles have ended', () => {
    const customer = bodies(
      notice({ kind: 'delegated-admin-expired', locale: 'de', daysLeft: 0, consentUrl: undefined }),
    );
    expect(customer.subject).toBe(de.customer.expiredSubject('Fabrikam Ltd'));
    for (const body of customer.bodies) {
      expect(body).toContain(de.customer.expired('Fabrikam Ltd', '24. Dezember 2026 um 10:15 UTC'));
      expect(body).not.toContain(de.customer.nothingToDo);
    }
    const partner = bodies(
      notice({
        kind: 'delegated-admin-expired',
        audience: 'partner',
        locale: 'de',
        daysLeft: 0,
        consentUrl: undefined,
      }),
    );
    expect(partner.subject).toBe(de.partner.expiredSubject('Contoso'));
    for (const body of partner.bodies) expect(body).toContain(de.partner.getAgain);
  });
});
