// API.md "Invitation email limit": at most N invitation emails in any hour per partner, with the wait it takes.
import { invitationEmailDecision, QUOTA_WINDOW_MS } from '../../../shared/domain/invitationQuota';

const NOW = new Date('2026-11-30T12:00:00.000Z');
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();

describe('the invitation email limit', () => {
  it('allows this email while it is within the limit of the last hour', () => {
    expect(invitationEmailDecision([minutesAgo(30), NOW.toISOString()], NOW, 2)).toEqual({ allowed: true });
  });

  it('past the limit: refused, and told to wait until the oldest one in the window leaves it', () => {
    const upToThisOne = [minutesAgo(50), minutesAgo(10), NOW.toISOString()];
    expect(invitationEmailDecision(upToThisOne, NOW, 2)).toEqual({ allowed: false, retryAfterSeconds: 10 * 60 });
  });

  it('never asks to wait less than a second', () => {
    const upToThisOne = [new Date(NOW.getTime() - QUOTA_WINDOW_MS + 1).toISOString(), NOW.toISOString()];
    expect(invitationEmailDecision(upToThisOne, NOW, 1)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });
});
