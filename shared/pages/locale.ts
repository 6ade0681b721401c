// Which language a customer page speaks, and how it writes dates in that language.
import { LOCALES, type Locale } from '../domain/consent';

export { LOCALES, type Locale };

const DEFAULT_LOCALE: Locale = 'en';

/** The consent's own locale when it names one we speak, else the best `Accept-Language` match, else English. */
export function pickLocale(consentLocale?: string | null, acceptLanguage?: string | null): Locale {
  const fromConsent = supported(consentLocale);
  if (fromConsent) return fromConsent;
  return bestAccepted(acceptLanguage ?? '') ?? DEFAULT_LOCALE;
}

/**
 * A point in time as a reader of `locale` (ours, or any BCP 47 tag such as the email's `en-GB`) writes it, in UTC and
 * saying so ("December 24, 2026 at 10:15 AM UTC").
 */
export function formatDateTime(value: string | Date, locale: string): string {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
  return `${format.format(new Date(value))} UTC`;
}

/** A calendar day as a reader of `locale` writes it ("December 24, 2026"), taken in UTC. */
export function formatDate(value: string | Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(value));
}

function supported(tag: string | null | undefined): Locale | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((locale) => locale === primary);
}

/** RFC 9110 §12.5.4: highest q wins, the earlier entry on a tie; q=0 means "not this one". */
function bestAccepted(header: string): Locale | undefined {
  let best: { locale: Locale; q: number } | undefined;
  for (const entry of header.split(',')) {
    const [tag, ...parameters] = entry.split(';');
    const locale = tag?.trim() === '*' ? DEFAULT_LOCALE : supported(tag);
    if (!locale) continue;
    const q = quality(parameters);
    if (q > 0 && (!best || q > best.q)) best = { locale, q };
  }
  return best?.locale;
}

function quality(parameters: string[]): number {
  const q = parameters.map((parameter) => parameter.trim()).find((parameter) => parameter.startsWith('q='));
  if (!q) return 1;
  const value = Number(q.slice(2));
  return Number.isFinite(value) ? Math.min(Math.max(value, 0), 1) : 0;
}
