// Paging tokens are opaque and bound to the list they came from (issue 14): route, caller and filters.
import { randomBytes } from 'node:crypto';
import { openPageToken, sealPageToken, type PageScope } from '../../../shared/http/pageTokens';

const key = randomBytes(32);
const scope: PageScope = {
  route: '/api/consent-requests',
  caller: 'contoso',
  filters: { status: 'pending', tenantId: undefined },
};
const POSITION = Buffer.from(JSON.stringify({ nextPartitionKey: 'contoso', nextRowKey: '0zxk3q8u1fa6c2e' })).toString(
  'base64',
);

describe('page tokens', () => {
  it('open to the position they were sealed with, for the same list', () => {
    const token = sealPageToken(key, scope, POSITION);
    expect(openPageToken(key, scope, token)).toBe(POSITION);
    expect(openPageToken(key, { ...scope, filters: { tenantId: undefined, status: 'pending' } }, token)).toBe(POSITION);
  });

  it('are opaque: neither the storage position nor the partner id shows, and no two are alike', () => {
    const token = sealPageToken(key, scope, POSITION);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    const bytes = Buffer.from(token, 'base64url').toString('latin1');
    for (const visible of ['contoso', '0zxk3q8u1fa6c2e', POSITION]) {
      expect(token).not.toContain(visible);
      expect(bytes).not.toContain(visible);
    }
    expect(sealPageToken(key, scope, POSITION)).not.toBe(token);
  });

  it.each([
    ['another route', { ...scope, route: '/api/customers' }],
    ['another caller', { ...scope, caller: 'fabrikam' }],
    ['another filter value', { ...scope, filters: { status: 'accepted' } }],
    ['a filter left out', { ...scope, filters: {} }],
    ['a filter added', { ...scope, filters: { status: 'pending', tenantId: '3f5c8a2e-6b1d-4c7e-9a0f-2d4b6e8c1a35' } }],
  ])('do not open for %s', (_, other) => {
    expect(openPageToken(key, other, sealPageToken(key, scope, POSITION))).toBeUndefined();
  });

  it('do not open once altered, anywhere', () => {
    const bytes = Buffer.from(sealPageToken(key, scope, POSITION), 'base64url');
    for (let at = 0; at < bytes.length; at++) {
      const altered = Buffer.from(bytes);
      altered[at]! ^= 0x01;
      expect(openPageToken(key, scope, altered.toString('base64url'))).toBeUndefined();
    }
  });

  it('do not open under another key (another APP_SECRET)', () => {
    expect(openPageToken(randomBytes(32), scope, sealPageToken(key, scope, POSITION))).toBeUndefined();
  });

  it.each([
    ['empty', ''],
    ['garbage', 'not-a-token'],
    ['too short to hold an IV and a tag', Buffer.alloc(28).toString('base64url')],
    ['padded base64', `${sealPageToken(key, scope, POSITION)}=`],
    ['a bare storage token, as the old tokens were', Buffer.from(POSITION).toString('base64url')],
  ])('refuse %s', (_, token) => {
    expect(openPageToken(key, scope, token)).toBeUndefined();
  });
});
