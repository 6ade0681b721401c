// The word tables the pages and the invitation email render from, and which the tests read their expectations from:
// complete in every language, so that a test expecting a message can never pass by finding an empty string.
import { INVITATION_COPY } from '../../../shared/email/invitationCopy';
import { LOCALES } from '../../../shared/pages/locale';
import { messagesFor } from '../../../shared/pages/messages';

const VALUES = ['Fabrikam Devices', 'Litware Distribution'];
const DETAILS = { user: 'kim@contoso.com', domain: 'contoso.com', partner: 'Fabrikam Devices' };

/** Every message of a table by path, with what it says besides the values it is given. */
function ownWords(table: object, path = ''): [string, string][] {
  return Object.entries(table).flatMap(([key, entry]): [string, string][] => {
    const at = `${path}${key}`;
    if (typeof entry === 'string') return [[at, entry]];
    if (typeof entry === 'function') {
      const values = key === 'why' || key === 'todo' ? [DETAILS] : VALUES;
      const text = String((entry as (...values: unknown[]) => unknown)(...values));
      return [[at, [...VALUES, ...Object.values(DETAILS)].reduce((rest, value) => rest.split(value).join(''), text)]];
    }
    return ownWords(entry as object, `${at}.`);
  });
}

const wordless = (table: object) => ownWords(table).filter(([, words]) => !/\p{L}/u.test(words));
const paths = (table: object) => ownWords(table).map(([path]) => path);

describe.each(LOCALES)('the words in %s', (locale) => {
  it('every page message says something of its own', () => {
    expect(wordless(messagesFor(locale))).toEqual([]);
  });

  it('every sentence of the invitation says something of its own', () => {
    expect(wordless(INVITATION_COPY[locale])).toEqual([]);
  });

  it('has the same messages as English', () => {
    expect(paths(messagesFor(locale))).toEqual(paths(messagesFor('en')));
    expect(paths(INVITATION_COPY[locale])).toEqual(paths(INVITATION_COPY.en));
  });
});
