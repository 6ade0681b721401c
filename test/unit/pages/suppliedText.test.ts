// Names and messages on the customer pages are shown as visible text only, whatever is stored (issue 13, item 6): data
// from before names were normalised at the input must not reorder or hide what the customer reads.
import {
  LOCALES,
  renderAcceptedPage,
  renderAlreadyDecidedPage,
  renderConsentPage,
  renderDeclinedPage,
  renderPartnersPage,
  renderRefusalPage,
  type RenderedPage,
} from '../../../shared/pages';
import { messagesFor } from '../../../shared/pages/messages';
import { consentView, partnersView } from './fixtures';
import { textOf, visibleText } from './html';

/** Characters that must never reach a page: bidirectional controls, zero-width and other invisible ones, controls. */
const FORBIDDEN = /(?!\n)[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2028\u2029]/u;
const INVISIBLE = '\u202e\u2066\u200f\u200b\u2060\ufeff\u3164';
/** Control characters stand for a space (they used to separate words), invisible ones for nothing. */
const DISGUISE = `${INVISIBLE}\u0000\u001b`;
/** "Fabrikam Devices" as it might have been stored before: an override, invisible characters, a line break. */
const PARTNER = `Fabrikam${DISGUISE}\r\nDevices`;
const PROVIDER = `Litware${DISGUISE} Distribution`;
const en = messagesFor('en');
const context = { locale: 'en' as const, signedInAs: `kim${INVISIBLE}@contoso.com` };
const partner = { displayName: PARTNER, kind: 'indirect-reseller' as const };
const provider = { displayName: PROVIDER, channels: ['partner-center-api' as const] };

const pages: [string, () => RenderedPage, string[]][] = [
  [
    'consent',
    () =>
      renderConsentPage(
        consentView('en', {
          signedInAs: context.signedInAs,
          partner,
          indirectProvider: provider,
          customer: { displayName: `Woodgrove${DISGUISE} Bank`, domain: 'woodgrove.example' },
          message: `Hello${DISGUISE},\r\nplease accept.`,
        }),
      ),
    [
      en.consentTitle('Fabrikam Devices'),
      en.providerIntro('Litware Distribution', 'Fabrikam Devices'),
      `${en.requestedForLabel} Woodgrove Bank (woodgrove.example)`,
      en.messageHeading('Fabrikam Devices'),
      en.signedInAs('kim@contoso.com'),
    ],
  ],
  [
    'accepted',
    () => renderAcceptedPage({ ...context, partner, channels: ['partner-center-csv'], indirectProvider: provider }),
    [en.acceptedNow('Fabrikam Devices'), en.acceptedProvider('Litware Distribution')],
  ],
  ['declined', () => renderDeclinedPage({ ...context, partner }), [en.declinedText('Fabrikam Devices')]],
  [
    'already decided',
    () =>
      renderAlreadyDecidedPage({
        ...context,
        partner,
        decision: 'accepted',
        at: '2026-11-20T09:00:00.000Z',
        by: `ada${INVISIBLE}@woodgrove.example`,
      }),
    [en.answeredBy('ada@woodgrove.example')],
  ],
  [
    'OEM refusal',
    () =>
      renderRefusalPage({
        ...context,
        reason: 'oem-not-removable',
        partner: { displayName: PARTNER, kind: 'oem' },
        consentId: 'consent-1',
      }),
    [en.refusal['oem-not-removable'].why({ user: 'kim@contoso.com', domain: '', partner: 'Fabrikam Devices' })],
  ],
  [
    'partners',
    () =>
      renderPartnersPage(
        partnersView('en', {
          signedInAs: context.signedInAs,
          notice: { kind: 'delegated-admin-removed', partnerName: PARTNER },
          entries: partnersView('en').entries.map((entry) => ({
            ...entry,
            partner: { ...entry.partner, displayName: PARTNER },
            ...(entry.indirectProvider ? { indirectProvider: provider } : {}),
          })),
        }),
      ),
    [
      en.rolesRemovedNotice('Fabrikam Devices'),
      en.removeRoles('Fabrikam Devices'),
      en.providerToo('Litware Distribution'),
      en.oemRemoval('Fabrikam Devices'),
    ],
  ],
];

describe('supplied names on the customer pages', () => {
  it.each(pages)(
    'the %s page shows stored names as one line of visible text: no override, invisible or control character',
    (_page, render, expected) => {
      const { html } = render();
      expect(html).not.toMatch(FORBIDDEN);
      for (const words of expected) expect(visibleText(html)).toContain(words);
    },
  );

  it('the partners page heads each entry with the visible name', () => {
    const html = renderPartnersPage(
      partnersView('en', { entries: [{ ...partnersView('en').entries[0]!, partner: partner }] }),
    ).html;
    expect(textOf(html, { tag: 'h2', id: 'partner-1' })).toBe('Fabrikam Devices');
  });
});

describe("the partner's message on the consent page", () => {
  it.each(LOCALES)(
    "is a quote under a heading naming the partner, followed by a note that these are the partner's words (%s)",
    (locale) => {
      const t = messagesFor(locale);
      const html = renderConsentPage(consentView(locale, { message: 'Please accept by Friday.' })).html;
      expect(html).toContain(
        `<h2 id="message">${t.messageHeading('Fabrikam Devices')}</h2>` +
          '<blockquote class="partner-message">Please accept by Friday.</blockquote>',
      );
      expect(textOf(html, { tag: 'p', className: 'muted' })).toBe(t.messageNote('Fabrikam Devices'));
    },
  );

  it('keeps its line breaks, and loses bidirectional, invisible and control characters', () => {
    const html = renderConsentPage(
      consentView('en', { message: `Hello${DISGUISE},\r\n\r\n\r\nplease\u2028accept.` }),
    ).html;
    expect(html).toContain('<blockquote class="partner-message">Hello,\n\nplease\naccept.</blockquote>');
  });

  it('is left out when nothing visible is stored', () => {
    const html = renderConsentPage(consentView('en', { message: `${DISGUISE}\n ` })).html;
    expect(html).not.toContain('partner-message');
    expect(visibleText(html)).not.toContain(en.messageHeading('Fabrikam Devices'));
  });
});
