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
    expect(await claimIdempotencyKey(partner, key, 'hash-a', now, 'r1')).toMatchObject({ kind: 'claimed' });
    expect(await claimIdempotencyKey(partner, key, 'hash-a', now, 'r1')).toEqual({ kind: 'in-progress' });
    const answer = { status: 201, headers: { location: '/x' }, body: '{"id":"c1"}' };
    await completeIdempotencyKey(partner, key, answer);
    expect(await claimIdempotencyKey(partner, key, 'hash-a', now, 'r1')).toEqual({ kind: 'replay', answer });
    expect(await claimIdempotencyKey(partner, key, 'hash-b', now, 'r2')).toEqual({ kind: 'mismatch' });
  });

  it('forgets an answer after 24 hours', async () => {
    const key = randomUUID();
    await claimIdempotencyKey(partner, key, 'hash-a', now, 'r1');
    await completeIdempotencyKey(partner, key, { status: 201, headers: {}, body: '{}' });
    const later = new Date(now.getTime() + IDEMPOTENCY_WINDOW_MS + 1);
    expect(await claimIdempotencyKey(partner, key, 'hash-b', later, 'r3')).toMatchObject({ kind: 'claimed' });
  });

  it('lets a retry run again after the first attempt failed and released the key', async () => {
    const key = randomUUID();
    await claimIdempotencyKey(partner, key, 'hash-a', now, 'r1');
    await releaseIdempotencyKey(partner, key);
    expect(await claimIdempotencyKey(partner, key, 'hash-a', now, 'r1')).toMatchObject({ kind: 'claimed' });
  });

  it('resumes the same resource when a crashed request is retried after its claim was abandoned', async () => {
    const key = randomUUID();
    await claimIdempotencyKey(partner, key, 'hash-a', now, 'first-id');
    const later = new Date(now.getTime() + 11 * 1000);
    expect(await claimIdempotencyKey(partner, key, 'hash-a', later, 'second-id')).toEqual({
      kind: 'claimed',
      resourceId: 'first-id',
    });
  });

  it('gives exactly one of ten racing identical requests the claim', async () => {
    const key = randomUUID();
    const claims = await Promise.all(
      Array.from({ length: 10 }, () => claimIdempotencyKey(partner, key, 'hash-a', now, 'r1')),
    );
    expect(claims.filter((claim) => claim.kind === 'claimed')).toHaveLength(1);
    expect(claims.filter((claim) => claim.kind === 'in-progress')).toHaveLength(9);
  });

  it('keeps keys of different partners apart', async () => {
    const key = randomUUID();
    expect(await claimIdempotencyKey(partner, key, 'hash-a', now, 'r1')).toMatchObject({ kind: 'claimed' });
    expect(await claimIdempotencyKey(`${partner}-other`, key, 'hash-b', now, 'r4')).toMatchObject({ kind: 'claimed' });
  });
});
