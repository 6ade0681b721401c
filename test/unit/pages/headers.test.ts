import { htmlPage, stylesheetResponse } from '../../../shared/pages/headers';
import { CONSENT_CSS } from '../../../shared/pages/styles';

describe('page security headers', () => {
  const response = htmlPage(403, '<!DOCTYPE html><p>x</p>');
  const headers = response.headers as Record<string, string>;

  it('sends the Content-Security-Policy of API.md: no script, no inline style, never framed', () => {
    expect(headers['content-security-policy']).toBe(
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    );
    expect(headers['content-security-policy']).not.toMatch(/unsafe|script-src/);
  });

  it('sends X-Frame-Options, Referrer-Policy, nosniff, no-store and the HTML content type', () => {
    expect(headers).toMatchObject({
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
      'content-type': 'text/html; charset=utf-8',
    });
  });

  it('keeps the status and body it was given', () => {
    expect(response.status).toBe(403);
    expect(response.body).toBe('<!DOCTYPE html><p>x</p>');
  });

  it('lets a caller add headers but never weaken the security ones', () => {
    const extra = htmlPage(200, '', {
      location: '/x',
      'content-security-policy': 'default-src *',
      'cache-control': 'public',
    });
    const merged = extra.headers as Record<string, string>;
    expect(merged['location']).toBe('/x');
    expect(merged['content-security-policy']).toContain("default-src 'none'");
    expect(merged['cache-control']).toBe('no-store');
  });
});

describe('stylesheet response', () => {
  it('serves the CSS as text/css, cacheable for good because its URL carries the content hash', () => {
    const response = stylesheetResponse();
    expect(response.status).toBe(200);
    expect(response.body).toBe(CONSENT_CSS);
    expect(response.headers).toMatchObject({
      'content-type': 'text/css; charset=utf-8',
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
  });
});
