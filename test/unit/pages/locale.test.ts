import { formatDate, formatDateTime, pickLocale } from '../../../shared/pages/locale';

describe('pickLocale', () => {
  it("uses the consent's locale first", () => {
    expect(pickLocale('de', 'en-US,en;q=0.9')).toBe('de');
    expect(pickLocale('en', 'de-DE')).toBe('en');
    expect(pickLocale('DE-at', null)).toBe('de');
  });

  it('falls back to the best Accept-Language match', () => {
    expect(pickLocale(undefined, 'de-DE,de;q=0.9,en;q=0.8')).toBe('de');
    expect(pickLocale(undefined, 'fr-FR,fr;q=0.9,de;q=0.5,en;q=0.4')).toBe('de');
    expect(pickLocale(undefined, 'en;q=0.5, de;q=0.8')).toBe('de');
    expect(pickLocale(undefined, 'de;q=0.8, en;q=0.8')).toBe('de');
    expect(pickLocale('fr', 'de')).toBe('de');
  });

  it('ignores languages marked not acceptable (q=0) and treats * as English', () => {
    expect(pickLocale(undefined, 'de;q=0, en;q=0.1')).toBe('en');
    expect(pickLocale(undefined, 'fr, *;q=0.5')).toBe('en');
  });

  it('defaults to English', () => {
    expect(pickLocale()).toBe('en');
    expect(pickLocale(null, '')).toBe('en');
    expect(pickLocale(undefined, 'fr-FR, ja')).toBe('en');
    expect(pickLocale(undefined, ';;;,,q=x')).toBe('en');
  });
});

describe('dates', () => {
  it('are written in the reader’s language, in UTC, saying so', () => {
    expect(formatDateTime('2026-12-24T10:15:00.000Z', 'en')).toBe('December 24, 2026 at 10:15 AM UTC');
    expect(formatDateTime(new Date('2026-12-24T23:30:00.000Z'), 'de')).toBe('24. Dezember 2026 um 23:30 UTC');
    expect(formatDate('2026-12-24T23:30:00.000Z', 'de')).toBe('24. Dezember 2026');
    expect(formatDate('2026-12-24T23:30:00.000Z', 'en')).toBe('December 24, 2026');
  });
});
