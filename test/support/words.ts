// Helpers for tests that expect the words of the customer pages (shared/pages/messages.ts) and of the invitation email
// (shared/email/invitationCopy.ts): tests read those tables rather than restating them, so wording changes in one place.
import { messagesFor } from '../../shared/pages/messages';
import type { Locale, RefusalReason } from '../../shared/pages';

const VALUE = '\u0000';

/**
 * The words a message shows before its first value ("Yes, I authorize" of "Yes, I authorize {partner} ..."), trimmed:
 * what a page shows whatever the value, for asserting that a message is absent. A message that opens with its value
 * has no such words and throws, so that such an assertion can never pass by matching nothing.
 */
export function lead(message: (...values: never[]) => string): string {
  const text = (message as (...values: string[]) => string)(VALUE, VALUE, VALUE);
  const words = text.slice(0, text.indexOf(VALUE)).trim();
  if (!text.includes(VALUE) || words === '')
    throw new Error(`no words before the first value in ${JSON.stringify(text)}`);
  return words;
}

/** `text` as a regular expression source that matches exactly that text. */
export function literally(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * What a refusal page says, its title, why it refuses and what to do, for the details the test knows (the signed-in
 * user, the requested domain, the partner); a detail left out is one that refusal does not show.
 */
export function refusalWords(
  locale: Locale,
  reason: RefusalReason,
  details: { user?: string; domain?: string; partner?: string } = {},
): { title: string; why: string; todo: string } {
  const words = messagesFor(locale).refusal[reason];
  const all = { user: '', domain: '', partner: '', ...details };
  return { title: words.title, why: words.why(all), todo: words.todo(all) };
}
