// What a customer was shown when deciding, as a digest that can be recomputed: the words' version, the language, and
// the facts of the page, canonically serialized and hashed (SHA-256). The form's token and the reader's name are not
// part of it: they differ on every page and say nothing about what was decided.
import { createHash } from 'node:crypto';
import type { Disclosure } from '../domain/consent';
import type { ConsentPageView, Locale, PartnerEntryView } from '../pages';

/**
 * The version of the consent page's and the revocation's words (shared/pages/messages.ts). A change to those words
 * is a new version: test/unit/evidence/disclosure.test.ts pins the words, so changing them fails until this moves on.
 */
export const CONSENT_TEXT_VERSION = '2026-11-30.2';

/** The consent page's facts: everything it shows but the form's token, target and error, and the reader's name. */
export type DisclosedConsentPage = Omit<ConsentPageView, 'formAction' | 'csrfToken' | 'error' | 'signedInAs'>;

/** The revocation form's facts on /partners: the entry it revokes, without its forms. */
export type DisclosedRevocation = Omit<PartnerEntryView, 'removeDelegatedAdmin' | 'revoke'> & { locale: Locale };

/** The digest of a consent page as the deciding customer saw it (accepted or declined). */
export function consentPageDisclosure(view: ConsentPageView): Disclosure {
  const { formAction: _action, csrfToken: _token, error: _error, signedInAs: _reader, ...facts } = view;
  return disclosureOf('consent-page', facts);
}

/** The digest of the /partners entry a customer revoked, as they saw it. */
export function revocationDisclosure(entry: PartnerEntryView, locale: Locale): Disclosure {
  const { removeDelegatedAdmin: _removal, revoke: _revoke, ...facts } = entry;
  return disclosureOf('revocation', { ...facts, locale });
}

/**
 * The exact bytes the digest is taken over: JSON of `{ version, kind, facts }` with object keys sorted at every level,
 * times as RFC 3339 strings, absent fields left out. Anyone holding the facts can rebuild it (docs/receipts.md).
 */
export function canonicalDisclosure(
  kind: 'consent-page' | 'revocation',
  facts: DisclosedConsentPage | DisclosedRevocation,
  version: string = CONSENT_TEXT_VERSION,
): string {
  return canonicalJson({ version, kind, facts });
}

function disclosureOf(kind: 'consent-page' | 'revocation', facts: DisclosedConsentPage | DisclosedRevocation) {
  const sha256 = createHash('sha256').update(canonicalDisclosure(kind, facts), 'utf8').digest('hex');
  return { version: CONSENT_TEXT_VERSION, locale: facts.locale, sha256 };
}

function canonicalJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const fields = Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`);
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value);
}
