// Receipts: the disclosure digest is over the words and facts a customer was shown, never the page's form token, and
// anyone holding the facts can recompute it (API.md, "Receipts").
import { createHash } from 'node:crypto';
import {
  canonicalDisclosure,
  consentPageDisclosure,
  CONSENT_TEXT_VERSION,
  revocationDisclosure,
} from '../../../shared/evidence/disclosure';
import { messagesFor } from '../../../shared/pages/messages';
import { renderConsentPage } from '../../../shared/pages';
import { visibleText } from '../pages/html';
import { consentView, INTUNE_ADMINISTRATOR } from '../pages/fixtures';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The words behind CONSENT_TEXT_VERSION: the consent page as a reader sees it, and the revocation's words. When this
 * fails, the words changed: give CONSENT_TEXT_VERSION a new value, then update these digests.
 */
const WORDS_OF_THIS_VERSION = {
  en: 'ef5a06777c8e509928bce5ad90b849b13d32420e8b3000c3e56654cb762939a0',
  de: 'dc0afdb2ee4ab9caca63aa741dd5ebef534d19964e1758b4a5532eb4d98c29f0',
};

function wordsOf(locale: 'en' | 'de'): string {
  const t = messagesFor(locale);
  const page = visibleText(renderConsentPage(consentView(locale, { message: 'Hello' })).html);
  const warning = [t.globalAdminWarningTitle, t.globalAdminWarning('P')];
  const revocation = [
    t.revokeHeading,
    t.revokeIntro('P'),
    t.revokeProvider('Q'),
    t.revokePartnerCenter('P'),
    t.revokeConfirmLabel('P'),
    t.revoke,
  ];
  return [page, ...warning, ...revocation].join('\n');
}

describe('the disclosure digest', () => {
  it('is the same whatever the form token, form target, error or reader name', () => {
    const shown = consentView('en');
    const again = { ...shown, csrfToken: 'another', formAction: '/consent/x', signedInAs: 'kim@contoso.com' };
    expect(consentPageDisclosure(again)).toEqual(consentPageDisclosure(shown));
    expect(consentPageDisclosure({ ...shown, error: 'confirm-required' })).toEqual(consentPageDisclosure(shown));
  });

  it('changes with any fact shown, and with the language', () => {
    const shown = consentView('en');
    const digest = consentPageDisclosure(shown).sha256;
    expect(consentPageDisclosure({ ...shown, message: 'Different words' }).sha256).not.toBe(digest);
    expect(
      consentPageDisclosure({
        ...shown,
        delegatedAdmin: { roles: [INTUNE_ADMINISTRATOR], durationDays: 30, autoExtend: false },
      }).sha256,
    ).not.toBe(digest);
    expect(consentPageDisclosure({ ...shown, locale: 'de' })).toMatchObject({ locale: 'de' });
    expect(consentPageDisclosure({ ...shown, locale: 'de' }).sha256).not.toBe(digest);
  });

  it('can be recomputed from the stored version and the facts: SHA-256 (hex) of the canonical JSON', () => {
    const { formAction: _a, csrfToken: _c, signedInAs: _s, ...facts } = consentView('de');
    const disclosure = consentPageDisclosure(consentView('de'));
    expect(disclosure).toEqual({
      version: CONSENT_TEXT_VERSION,
      locale: 'de',
      sha256: sha256(canonicalDisclosure('consent-page', facts, disclosure.version)),
    });
    expect(
      canonicalDisclosure('consent-page', { locale: 'en', channels: [], partner: { kind: 'oem', displayName: 'B' } }),
    ).toBe(
      `{"facts":{"channels":[],"locale":"en","partner":{"displayName":"B","kind":"oem"}},"kind":"consent-page","version":"${CONSENT_TEXT_VERSION}"}`,
    );
  });

  it('of a revocation is over the /partners entry without its forms', () => {
    const entry = {
      consentId: 'c-1',
      partner: { displayName: 'Fabrikam', kind: 'direct-csp' as const },
      channels: ['partner-center-api' as const],
      acceptedAt: '2026-11-24T10:00:00.000Z',
    };
    const withForms = { ...entry, revoke: { action: '/partners/c-1/revoke', csrfToken: 'x' } };
    expect(revocationDisclosure(withForms, 'en')).toEqual(revocationDisclosure(entry, 'en'));
    expect(revocationDisclosure(entry, 'en').sha256).toBe(
      sha256(canonicalDisclosure('revocation', { ...entry, locale: 'en' })),
    );
  });

  it.each(['en', 'de'] as const)(
    'names the words shown (%s): a change to them needs a new CONSENT_TEXT_VERSION',
    (locale) => {
      expect(sha256(wordsOf(locale))).toBe(WORDS_OF_THIS_VERSION[locale]);
    },
  );
});
