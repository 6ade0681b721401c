// The idempotency table against Azurite: claim, replay, mismatch, in-progress, and a race with one winner.
import { randomUUID } from 'node:crypto';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  IDEMPOTENCY_WINDOW_MS,
  releaseIdempotencyKey,
} from '../../../shared/storage/idempotencyStore';

const partner = `p-${randomUUID().slice(0, 8)}`;
const now = new Date('2026-11-24T10:00:00Z');

describe('idempotency records', () => {
  it('replays the stored answer for the same key and body', async () => {
    const key = randomUUID();
    expect(await claimIdempotencyKey(partner, key, 'hash-a', now)).toEqual({ kind: 'claimed' });
    expect(await claimIdempotencyKey(partner, key, 'hash-a', now)).toEqual({ kind: 'in-progress' });
    const answer = { status: 201, headers: { location: '/x' }, body: '{"id":"c1"}' };
    await completeIdempotencyKey(partner, key, answer);
    expect(await claimIdempotencyKey(partner, key, 'hash-a', now)).toEqual({ kind: 'replay', answer });
    expect(await claimIdempotencyKey(partner, key, 'hash-b', now)).toEqual({ kind: 'mismatch' });
  });

  it('forgets an answer after 24 hours', async () => {
    const key = randomUUID();
    await claimIdempotencyKey(partner, key, 'hash-a', now);
    await completeIdempotencyKey(partner, key, { status: 201, headers: {}, body: '{}' });
    const later = new Date(now.getTime() + IDEMPOTENCY_WINDOW_MS + 1);
    expect(await claimIdempotencyKey(partner, key, 'hash-b', later)).toEqual({ kind: 'claimed' });
  });

  it('lets a retry run again after the first attempt failed and released the key', async () => {
    const key = randomUUID();
    await claimIdempotencyKey(partner, key, 'hash-a', now);
    await releaseIdempotencyKey(partner, key);
    expect(await claimIdempotencyKey(partner, key, 'hash-a', now)).toEqual({ kind: 'claimed' });
  });

  it('gives exactly one of ten racing identical requests the claim', async () => {
    const key = randomUUID();
    const claims = await Promise.all(
      Array.from({ length: 10 }, () => claimIdempotencyKey(partner, key, 'hash-a', now)),
    );
    expect(claims.filter((claim) => claim.kind === 'claimed')).toHaveLength(1);
    expect(claims.filter((claim) => claim.kind === 'in-progress')).toHaveLength(9);
  });

  it('keeps keys of different partners apart', async () => {
    const key = randomUUID();
    expect(await claimIdempotencyKey(partner, key, 'hash-a', now)).toEqual({ kind: 'claimed' });
    expect(await claimIdempotencyKey(`${partner}-other`, key, 'hash-b', now)).toEqual({ kind: 'claimed' });
  });
});
