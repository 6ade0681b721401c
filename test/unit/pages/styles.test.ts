import { createHash } from 'node:crypto';
import {
  CONSENT_CSS,
  NON_TEXT_COLOUR_PAIRS,
  PALETTE,
  STYLESHEET_HASH,
  STYLESHEET_HREF,
  STYLESHEET_PATH,
  TEXT_COLOUR_PAIRS,
} from '../../../shared/pages/styles';

/** WCAG 2.x relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('stylesheet', () => {
  it.each(TEXT_COLOUR_PAIRS)('text in %s on %s reaches 4.5:1', (foreground, background) => {
    expect(contrast(PALETTE[foreground], PALETTE[background])).toBeGreaterThanOrEqual(4.5);
  });

  it.each(NON_TEXT_COLOUR_PAIRS)('%s on %s reaches 3:1', (indicator, background) => {
    expect(contrast(PALETTE[indicator], PALETTE[background])).toBeGreaterThanOrEqual(3);
  });

  it('uses only palette colours', () => {
    const used = new Set(CONSENT_CSS.match(/#[0-9a-f]{3,8}\b/gi));
    const palette = new Set(Object.values(PALETTE));
    for (const colour of used) expect(palette).toContain(colour);
  });

  it('shows a visible focus ring for keyboard users', () => {
    expect(CONSENT_CSS).toMatch(/:focus-visible \{\s*outline: 3px solid/);
  });

  it('is mobile first: only min-width media queries widen the layout; long words wrap at 375px', () => {
    expect(CONSENT_CSS).toContain('@media (min-width: 40rem)');
    expect(CONSENT_CSS).not.toMatch(/max-width:\s*\d+px|@media \(max-width/);
    expect(CONSENT_CSS).toContain('overflow-wrap: anywhere');
  });

  it('loads nothing from elsewhere', () => {
    expect(CONSENT_CSS).not.toMatch(/url\(|@import/);
  });

  it('is addressed by its content hash', () => {
    const expected = createHash('sha256').update(CONSENT_CSS).digest('base64url').slice(0, 16);
    expect(STYLESHEET_HASH).toBe(expected);
    expect(STYLESHEET_PATH).toBe('/static/consent.css');
    expect(STYLESHEET_HREF).toBe(`/static/consent.css?v=${expected}`);
  });
});
