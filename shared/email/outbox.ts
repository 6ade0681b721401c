// The local host's stand-in for ACS: keeps "sent" emails in memory for GET /dev/outbox, once per operation id.
import type { InvitationSender, OutgoingEmail, SendResult } from './sender';

export interface OutboxEmail {
  /** The send's operation id, which also makes it unique here. */
  id: string;
  to: string;
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  /** RFC 3339 UTC. */
  sentAt: string;
}

export interface LocalOutbox extends InvitationSender {
  /** Newest first. */
  list(): OutboxEmail[];
  get(id: string): OutboxEmail | undefined;
  /** Calls `listener` for each email that lands (not for a repeated operation id); returns how to stop. */
  onSent(listener: (email: OutboxEmail) => void): () => void;
}

export interface LocalOutboxOptions {
  now?: () => Date;
  /** The oldest emails are forgotten past this many, so a long local session does not grow without bound. */
  capacity?: number;
}

export function createLocalOutbox(options: LocalOutboxOptions = {}): LocalOutbox {
  const now = options.now ?? (() => new Date());
  const capacity = options.capacity ?? 500;
  // A Map keeps insertion order: oldest first, so the newest is last.
  const emails = new Map<string, OutboxEmail>();
  const listeners = new Set<(email: OutboxEmail) => void>();
  return {
    async send(email: OutgoingEmail): Promise<SendResult> {
      // Same idempotency as ACS: a repeated operation id is the send that already happened.
      if (emails.has(email.operationId)) return { outcome: 'sent' };
      const landed = outboxEmail(email, now());
      emails.set(email.operationId, landed);
      for (const oldest of emails.keys()) {
        if (emails.size <= capacity) break;
        emails.delete(oldest);
      }
      for (const listener of listeners) listener(landed);
      return { outcome: 'sent' };
    },
    list: () => [...emails.values()].reverse(),
    get: (id) => emails.get(id),
    onSent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function outboxEmail(email: OutgoingEmail, sentAt: Date): OutboxEmail {
  return {
    id: email.operationId,
    to: email.to.address,
    ...(email.replyTo ? { replyTo: email.replyTo.address } : {}),
    subject: email.subject,
    text: email.text,
    html: email.html,
    sentAt: sentAt.toISOString(),
  };
}
