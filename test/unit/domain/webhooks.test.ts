// The webhook rules: which audit events become which webhook types, who hears them, and what follows an attempt.
import {
  attemptOutcome,
  retryAfterSeconds,
  RETRY_DELAYS_SECONDS,
  webhookRecipients,
  webhookTypeOf,
  WEBHOOK_EVENT_TYPES,
} from '../../../shared/domain/webhooks';

describe('webhook event types', () => {
  it('maps the audit trail’s types onto the contract’s, delegatedAdmin.* becoming delegated-admin.*', () => {
    expect(webhookTypeOf('consent.accepted')).toBe('consent.accepted');
    expect(webhookTypeOf('delegatedAdmin.removed')).toBe('delegated-admin.removed');
    expect(webhookTypeOf('delegatedAdmin.expiring')).toBe('delegated-admin.expiring');
    expect(webhookTypeOf('delegatedAdmin.extended')).toBe('delegated-admin.extended');
    expect(webhookTypeOf('delegatedAdmin.expired')).toBe('delegated-admin.expired');
    expect(webhookTypeOf('email.failed')).toBe('email.failed');
  });

  it('delivers nothing for the partner’s own doings or routine news', () => {
    for (const type of [
      'consent.issued',
      'consent.resent',
      'email.sent',
      'email.not-sent',
      'toString',
      'webhook.test',
    ]) {
      expect(webhookTypeOf(type)).toBeUndefined();
    }
  });

  it('every contract type but webhook.test comes from some audit event', () => {
    const reachable = new Set(
      [
        'consent.accepted',
        'consent.declined',
        'consent.expired',
        'consent.cancelled',
        'consent.revoked',
        'email.failed',
      ]
        .concat(['removed', 'expiring', 'extended', 'expired'].map((change) => `delegatedAdmin.${change}`))
        .map(webhookTypeOf),
    );
    expect(WEBHOOK_EVENT_TYPES.filter((type) => !reachable.has(type))).toEqual(['webhook.test']);
  });

  it('R9: the indirect provider hears accepted and revoked for its reseller’s consent; nobody else hears anything', () => {
    const consent = { partner: { id: 'reseller' }, indirectProvider: { id: 'provider' } } as never;
    expect(webhookRecipients(consent, 'consent.accepted')).toEqual(['reseller', 'provider']);
    expect(webhookRecipients(consent, 'consent.revoked')).toEqual(['reseller', 'provider']);
    expect(webhookRecipients(consent, 'consent.declined')).toEqual(['reseller']);
    expect(webhookRecipients({ partner: { id: 'csp' } } as never, 'consent.accepted')).toEqual(['csp']);
  });
});

describe('after an attempt', () => {
  it('any 2xx is delivered; 410 is gone; others retry on the schedule, then fail after the tenth attempt', () => {
    expect(attemptOutcome(1, { statusCode: 204 })).toEqual({ kind: 'delivered' });
    expect(attemptOutcome(1, { statusCode: 410 })).toEqual({ kind: 'gone' });
    expect(RETRY_DELAYS_SECONDS.map((_, i) => attemptOutcome(i + 1, { statusCode: 500 }))).toEqual(
      RETRY_DELAYS_SECONDS.map((delaySeconds) => ({ kind: 'retry', delaySeconds })),
    );
    expect(attemptOutcome(10, {})).toEqual({ kind: 'failed' });
    expect(attemptOutcome(1, { statusCode: 301 })).toEqual({ kind: 'retry', delaySeconds: 5 });
  });

  it('Retry-After counts on 429 and 503 only, and asks for at most a day', () => {
    expect(attemptOutcome(1, { statusCode: 429, retryAfterSeconds: 90 })).toEqual({ kind: 'retry', delaySeconds: 90 });
    expect(attemptOutcome(2, { statusCode: 503, retryAfterSeconds: 10 ** 9 })).toEqual({
      kind: 'retry',
      delaySeconds: 86_400,
    });
    expect(attemptOutcome(1, { statusCode: 500, retryAfterSeconds: 90 })).toEqual({ kind: 'retry', delaySeconds: 5 });
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = new Date('2026-11-30T10:00:00Z');
    expect(retryAfterSeconds('120', now)).toBe(120);
    expect(retryAfterSeconds('Mon, 30 Nov 2026 10:02:00 GMT', now)).toBe(120);
    expect(retryAfterSeconds('soon', now)).toBeUndefined();
    expect(retryAfterSeconds(undefined, now)).toBeUndefined();
  });
});
