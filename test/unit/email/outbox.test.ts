import { createLocalOutbox } from '../../../shared/email/outbox';
import type { OutgoingEmail } from '../../../shared/email/sender';

function email(operationId: string, subject = `Subject ${operationId}`): OutgoingEmail {
  return {
    operationId,
    to: { address: 'admin@contoso.com', displayName: 'Ada' },
    replyTo: { address: 'csp@fabrikam.com' },
    subject,
    html: '<p>html</p>',
    text: 'text',
  };
}

function clock(start: string): () => Date {
  let tick = 0;
  return () => new Date(Date.parse(start) + 1000 * tick++);
}

describe('local outbox', () => {
  it('R4: keeps what the local host "sent", newest first, with its id, recipient, subject, bodies and time', async () => {
    const outbox = createLocalOutbox({ now: clock('2026-11-24T10:00:00.000Z') });
    await expect(outbox.send(email('op-1'))).resolves.toEqual({ outcome: 'sent' });
    await outbox.send(email('op-2'));
    expect(outbox.list().map((sent) => sent.id)).toEqual(['op-2', 'op-1']);
    expect(outbox.get('op-1')).toEqual({
      id: 'op-1',
      to: 'admin@contoso.com',
      replyTo: 'csp@fabrikam.com',
      subject: 'Subject op-1',
      html: '<p>html</p>',
      text: 'text',
      sentAt: '2026-11-24T10:00:00.000Z',
    });
    expect(outbox.get('unknown')).toBeUndefined();
  });

  it('D3: a second send with the same operation id adds no second email, as with ACS', async () => {
    const outbox = createLocalOutbox();
    await outbox.send(email('op-1', 'first'));
    await expect(outbox.send(email('op-1', 'again'))).resolves.toEqual({ outcome: 'sent' });
    expect(outbox.list()).toHaveLength(1);
    expect(outbox.get('op-1')?.subject).toBe('first');
  });

  it('forgets the oldest emails past its capacity', async () => {
    const outbox = createLocalOutbox({ capacity: 2 });
    for (const id of ['op-1', 'op-2', 'op-3']) await outbox.send(email(id));
    expect(outbox.list().map((sent) => sent.id)).toEqual(['op-3', 'op-2']);
  });

  it('R4: tells a listener about each email that lands, once per operation id, until it stops listening', async () => {
    const outbox = createLocalOutbox();
    const heard: string[] = [];
    const stop = outbox.onSent((landed) => heard.push(landed.id));
    await outbox.send(email('op-1'));
    await outbox.send(email('op-1'));
    stop();
    await outbox.send(email('op-2'));
    expect(heard).toEqual(['op-1']);
  });
});
