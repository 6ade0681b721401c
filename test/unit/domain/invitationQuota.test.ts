// API.md "Invitation email limit": at most N invitation emails in any hour per partner, with the wait it takes.
import { nextInvitationEmail, QUOTA_WINDOW_MS } from '../../../shared/domain/invitationQuota';

const NOW = new Date('2026-11-30T12:00:00.000Z');
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();

describe('the invitation email limit', () => {
  it('allows up to the limit in the last hour and records this one', () => {
    expect(nextInvitationEmail([minutesAgo(30)], NOW, 2)).toEqual({
      allowed: true,
      sentAt: [minutesAgo(30), NOW.toISOString()],
    });
  });

  it('past the limit: refused, and told to wait until the oldest one in the window leaves it', () => {
    expect(nextInvitationEmail([minutesAgo(50), minutesAgo(10)], NOW, 2)).toEqual({
      allowed: false,
      retryAfterSeconds: 10 * 60,
    });
  });

  it('the window slides: emails older than an hour no longer count and are forgotten', () => {
    const decision = nextInvitationEmail([minutesAgo(61), minutesAgo(60), minutesAgo(5)], NOW, 2);
    expect(decision).toEqual({ allowed: true, sentAt: [minutesAgo(5), NOW.toISOString()] });
  });

  it('what is stored never holds more than the limit', () => {
    const times = Array.from({ length: 500 }, (_, index) => minutesAgo(index / 10));
    const decision = nextInvitationEmail(times.slice(0, 199), NOW, 200);
    expect(decision.allowed && decision.sentAt.length).toBe(200);
    expect(QUOTA_WINDOW_MS).toBe(3_600_000);
  });
});
