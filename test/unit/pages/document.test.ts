import { LOCALES, STYLESHEET_HREF } from '../../../shared/pages';
import { everyPage } from './fixtures';
import { elements, headingLevels } from './html';

describe.each(LOCALES)('every page in %s', (locale) => {
  describe.each(everyPage(locale))('%s page', (_name, page) => {
    const { html } = page;

    it('is a complete document in the reader’s language with a viewport for phones', () => {
      expect(html.startsWith('<!DOCTYPE html><html lang="' + locale + '">')).toBe(true);
      expect(elements(html, 'meta')).toEqual(
        expect.arrayContaining([
          { charset: 'utf-8' },
          { name: 'viewport', content: 'width=device-width, initial-scale=1' },
        ]),
      );
      expect(html).toMatch(/<title>[^<]+<\/title>/);
    });

    it('has header, main and footer landmarks and exactly one h1, with headings in order', () => {
      for (const landmark of ['<header', '<main>', '<footer']) expect(html.split(landmark)).toHaveLength(2);
      const levels = headingLevels(html);
      expect(levels[0]).toBe(1);
      expect(levels.filter((level) => level === 1)).toHaveLength(1);
      levels.forEach((level, index) => {
        if (index > 0) expect(level).toBeLessThanOrEqual(levels[index - 1]! + 1);
      });
    });

    it('links only our stylesheet and carries no script, inline style or outside resource', () => {
      expect(elements(html, 'link')).toEqual([{ rel: 'stylesheet', href: STYLESHEET_HREF }]);
      expect(html).not.toMatch(/<script|<style|\sstyle=|\son\w+=/i);
      expect(html).not.toMatch(/(src|href|action)="(https?:)?\/\//i);
    });

    it('labels every visible form control', () => {
      const ids = elements(html, 'label').map((label) => label['for']);
      for (const input of elements(html, 'input').filter((control) => control['type'] !== 'hidden')) {
        expect(ids).toContain(input['id']);
      }
    });
  });
});
