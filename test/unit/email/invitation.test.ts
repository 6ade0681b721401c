import { GLOBAL_ADMINISTRATOR_ROLE_ID } from '../../../shared/domain/roles';
import { renderInvitation, type InvitationEmail } from '../../../shared/email/invitation';
import { INVITATION_COPY } from '../../../shared/email/invitationCopy';
import { lead } from '../../support/words';

const SCRIPT = '<script>alert(1)</script>';
const ATTRIBUTE_BREAKOUT = '"><img src=x onerror=alert(1)>';
const INTUNE_ADMINISTRATOR = { id: '3a2c62db-5318-420d-8d74-23affee5d9d5', displayName: 'Intune Administrator' };
const GLOBAL_ADMINISTRATOR = { id: GLOBAL_ADMINISTRATOR_ROLE_ID, displayName: 'Global Administrator' };
const en = INVITATION_COPY.en;
const de = INVITATION_COPY.de;

function invitation(overrides: Partial<InvitationEmail> = {}): InvitationEmail {
  return {
    locale: 'en',
    to: { address: 'admin@contoso.com', displayName: 'Ada Admin' },
    partner: {
      displayName: 'Fabrikam Ltd',
      kind: 'direct-csp',
      verifiedDomain: 'fabrikam.com',
      microsoftPartnerId: '4711001',
      contactEmail: 'csp@fabrikam.com',
    },
    warnings: [],
    consentUrl: 'https://consent.example.com/consent/tok3n_abc',
    expiresAt: new Date('2026-12-24T10:15:00.000Z'),
    ...overrides,
  };
}

/** The visible text of the HTML, tags dropped and the few entities we emit decoded, for content assertions. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('invitation email', () => {
  it('R4: the English invitation says who asks, what accepting allows, the link, the expiry and how to check it', () => {
    const { subject, html, text } = renderInvitation(invitation());
    expect(subject).toBe(en.subject('Fabrikam Ltd'));
    for (const body of [visibleText(html), text]) {
      expect(body).toContain(en.greeting('Ada Admin'));
      expect(body).toContain('Fabrikam Ltd');
      expect(body).toContain(en.kinds['direct-csp']);
      expect(body).toContain('fabrikam.com');
      expect(body).toContain('4711001');
      expect(body).toContain('csp@fabrikam.com');
      expect(body).toContain(en.allowsRegister('Fabrikam Ltd'));
      expect(body).toContain('https://consent.example.com/consent/tok3n_abc');
      expect(body).toContain(en.expiry('24 December 2026 at 10:15 UTC'));
      expect(body).toContain(en.genuineHost('consent.example.com'));
      expect(body).toContain(en.genuineGlobalAdministrator);
      expect(body).toContain(en.genuineUnexpected);
    }
    expect(html).toContain('<html lang="en">');
  });

  it('R4: the German invitation is written in German (Sie-Form) with a German date', () => {
    const { subject, html, text } = renderInvitation(invitation({ locale: 'de' }));
    expect(subject).toBe(de.subject('Fabrikam Ltd'));
    expect(html).toContain('<html lang="de">');
    for (const body of [visibleText(html), text]) {
      expect(body).toContain(de.greeting('Ada Admin'));
      expect(body).toContain(de.requesterHeading);
      expect(body).toContain(de.kinds['direct-csp']);
      expect(body).toContain(de.labels.verifiedDomain);
      expect(body).toContain(de.allowsRegister('Fabrikam Ltd'));
      expect(body).toContain(de.buttonLabel);
      expect(body).toContain(de.expiry('24. Dezember 2026 um 10:15 UTC'));
      expect(body).toContain(de.genuineHost('consent.example.com'));
      expect(body).toContain(de.genuineGlobalAdministrator);
      expect(body).toContain(de.noRoles('Fabrikam Ltd'));
      expect(body).not.toMatch(/\b(you|your|please|expires)\b/i);
    }
  });

  it('R4: the link is both a button and visible text, and is the only link in the email', () => {
    const { html } = renderInvitation(invitation());
    const hrefs = [...html.matchAll(/<a\s[^>]*href="([^"]*)"/g)].map((match) => match[1]);
    expect(hrefs).toEqual([
      'https://consent.example.com/consent/tok3n_abc',
      'https://consent.example.com/consent/tok3n_abc',
    ]);
    expect(visibleText(html)).toContain(en.buttonLabel);
  });

  it('R4: the HTML is built for mail clients: table layout, inline styles, no script and no external resources', () => {
    const { html } = renderInvitation(invitation());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<table role="presentation"');
    expect(html).not.toMatch(/<script|<link|<style|<img|<iframe|\bsrc=|url\(/i);
  });

  it('R5: requested admin roles are listed with their duration and whether they extend automatically', () => {
    const ended = renderInvitation(
      invitation({ delegatedAdmin: { roles: [INTUNE_ADMINISTRATOR], durationDays: 730, autoExtend: false } }),
    );
    for (const body of [visibleText(ended.html), ended.text]) {
      expect(body).toContain(en.rolesIntro('Fabrikam Ltd'));
      expect(body).toContain('Intune Administrator');
      expect(body).toContain(en.duration(730, false));
      expect(body).toContain(en.rolesRemovable);
      expect(body).not.toContain(lead((partner) => en.noRoles(partner)));
    }
    const extended = renderInvitation(
      invitation({
        locale: 'de',
        delegatedAdmin: { roles: [INTUNE_ADMINISTRATOR], durationDays: 1, autoExtend: true },
      }),
    );
    expect(extended.text).toContain(de.duration(1, true));
  });

  it('R5: without delegated admin the email says plainly that no admin roles are requested', () => {
    const { html, text } = renderInvitation(invitation({ delegatedAdmin: undefined }));
    for (const body of [visibleText(html), text]) {
      expect(body).toContain(en.noRoles('Fabrikam Ltd'));
      expect(body).not.toContain(lead((days, autoExtend) => en.duration(days, autoExtend)));
    }
  });

  it("R10: requesting Global Administrator shows the least-privilege warning, in the recipient's language", () => {
    const roles = { roles: [GLOBAL_ADMINISTRATOR, INTUNE_ADMINISTRATOR], durationDays: 30, autoExtend: false };
    const english = renderInvitation(invitation({ delegatedAdmin: roles }));
    for (const body of [visibleText(english.html), english.text]) {
      expect(body).toContain(en.noticesHeading);
      expect(body).toContain(en.globalAdministratorWarning('Fabrikam Ltd'));
    }
    const german = renderInvitation(invitation({ locale: 'de', delegatedAdmin: roles }));
    expect(german.text).toContain(de.globalAdministratorWarning('Fabrikam Ltd'));
    const without = renderInvitation(invitation({ delegatedAdmin: { ...roles, roles: [INTUNE_ADMINISTRATOR] } }));
    expect(without.text).not.toContain(lead((partner) => en.globalAdministratorWarning(partner)));
  });

  it("R9: an indirect reseller's invitation says that its indirect provider is authorized too", () => {
    const { html, text } = renderInvitation(
      invitation({
        partner: { displayName: 'Tailspin Resell', kind: 'indirect-reseller', contactEmail: 'sales@tailspin.example' },
        indirectProvider: { displayName: 'Northwind Distribution' },
      }),
    );
    for (const body of [visibleText(html), text]) {
      expect(body).toContain(en.kinds['indirect-reseller']);
      expect(body).toContain(en.allowsProvider('Tailspin Resell', 'Northwind Distribution'));
      expect(body).not.toContain(en.labels.verifiedDomain);
    }
  });

  it("R13: an OEM's invitation says that only support can remove the authorization", () => {
    const { text } = renderInvitation(
      invitation({ partner: { displayName: 'Contoso Devices', kind: 'oem', contactEmail: 'oem@contoso.example' } }),
    );
    expect(text).toContain(en.kinds.oem);
    expect(text).toContain(en.allowsOemRemoval);
  });

  it("R4: the partner's message is shown with its line breaks, and other notices are shown prominently", () => {
    const { html, text } = renderInvitation(
      invitation({ message: 'Hello,\r\nplease accept.\n\nThanks', warnings: ['A notice for the customer'] }),
    );
    expect(text).toContain(en.messageHeading('Fabrikam Ltd'));
    expect(text).toContain('> Hello,\n> please accept.\n>\n> Thanks');
    expect(html).toContain('Hello,<br/>please accept.<br/><br/>Thanks');
    expect(visibleText(html)).toContain('A notice for the customer');
  });

  it("R4: the partner's message is a quote under a heading that names the partner, and a note says whose words they are", () => {
    for (const locale of ['en', 'de'] as const) {
      const copy = INVITATION_COPY[locale];
      const { html, text } = renderInvitation(invitation({ locale, message: 'Please accept by Friday.' }));
      expect(text).toContain(
        `${copy.messageHeading('Fabrikam Ltd')}\n${'-'.repeat(copy.messageHeading('Fabrikam Ltd').length)}\n` +
          `> Please accept by Friday.\n\n${copy.messageNote('Fabrikam Ltd')}`,
      );
      expect(visibleText(html)).toContain(
        `${copy.messageHeading('Fabrikam Ltd')} Please accept by Friday. ${copy.messageNote('Fabrikam Ltd')}`,
      );
    }
  });

  it('bidirectional, invisible and control characters in stored names and messages never reach the email', () => {
    const disguise = '\u202e\u2066\u200b\u200d\ufeff\u0000\u001b';
    const { subject, html, text } = renderInvitation(
      invitation({
        to: { address: 'admin@contoso.com', displayName: `Ada${disguise}\r\nAdmin` },
        partner: { ...invitation().partner, kind: 'indirect-reseller', displayName: `Fabrikam${disguise} Ltd` },
        indirectProvider: { displayName: `Northwind\u202e\r\nDistribution` },
        message: `Hello${disguise},\r\nplease\u2028accept.`,
      }),
    );
    for (const body of [subject, html, text]) {
      expect(body).not.toMatch(/(?!\n)[\p{Cc}\p{Cf}\u2028]/u);
    }
    expect(subject).toBe(en.subject('Fabrikam Ltd'));
    for (const body of [visibleText(html), text]) {
      expect(body).toContain(en.greeting('Ada Admin'));
      expect(body).toContain(en.allowsProvider('Fabrikam Ltd', 'Northwind Distribution'));
    }
    expect(text).toContain('> Hello,\n> please\n> accept.');
  });

  it('a message or contact name stored with a web address before such requests were refused is left out of the email', () => {
    const { html, text } = renderInvitation(
      invitation({
        to: { address: 'admin@contoso.com', displayName: 'Ada, see contoso-help.example' },
        message: 'Confirm your account at https://contoso-help.example/login first.',
      }),
    );
    for (const body of [visibleText(html), text]) {
      expect(body).not.toContain('contoso-help.example');
      expect(body).not.toContain(en.messageHeading('Fabrikam Ltd'));
      expect(body).toContain(en.greeting(undefined));
    }
  });

  it('a contact name with nothing visible in it greets without a name', () => {
    const { text } = renderInvitation(
      invitation({ to: { address: 'admin@contoso.com', displayName: '\u200b\u202e ' } }),
    );
    expect(text.startsWith(`${en.greeting(undefined)}\n`)).toBe(true);
  });

  it.each([
    ['a script tag', SCRIPT],
    ['an attribute breakout', ATTRIBUTE_BREAKOUT],
  ])('partner- and customer-supplied strings come out escaped in the HTML: %s', (_name, payload) => {
    const { html, subject } = renderInvitation(
      invitation({
        to: { address: 'admin@contoso.com', displayName: `Ada ${payload}` },
        partner: {
          displayName: `Fabrikam ${payload}`,
          kind: 'indirect-reseller',
          verifiedDomain: `fabrikam.com${payload}`,
          contactEmail: `csp${payload}@fabrikam.com`,
        },
        indirectProvider: { displayName: `Northwind ${payload}` },
        delegatedAdmin: { roles: [{ id: 'x', displayName: `Role ${payload}` }], durationDays: 30, autoExtend: false },
        warnings: [`Notice ${payload}`],
        message: `Note ${payload}`,
      }),
    );
    expect(html).not.toContain(payload);
    expect(html).not.toMatch(/<(script|img)\b/i);
    expect(html).not.toMatch(/<[a-z][^>]*\sonerror=/i);
    expect(html).toContain('&lt;');
    const visible = visibleText(html);
    for (const expected of [
      `Ada ${payload}`,
      `Fabrikam ${payload}`,
      `Northwind ${payload}`,
      `Role ${payload}`,
      `Note ${payload}`,
    ]) {
      expect(visible).toContain(expected);
    }
    expect(subject).toContain(`Fabrikam ${payload}`);
  });

  it('keeps a partner name with line breaks on one line in the subject', () => {
    const { subject } = renderInvitation(
      invitation({ partner: { ...invitation().partner, displayName: 'Fabrikam\r\nBcc: victim@example.com' } }),
    );
    expect(subject).toBe(en.subject('Fabrikam Bcc: victim@example.com'));
  });

  it('refuses a consent link that is not http(s), so it can never become a script link', () => {
    expect(() => renderInvitation(invitation({ consentUrl: 'javascript:alert(1)' }))).toThrow(/http\(s\)/);
  });

  it("shows the port of a local link's host, as the address bar does", () => {
    const { text } = renderInvitation(invitation({ consentUrl: 'http://localhost:7071/consent/abc' }));
    expect(text).toContain(en.genuineHost('localhost:7071'));
  });
});
