// What became of one email delivery from a queue, and the one log line each outcome gets (no address, no link).

/**
 * What became of one delivery. `retry`: the trigger throws, and the host delivers the message again after its
 * visibility timeout (counted towards the poison queue). `deferred`: a copy was queued to appear after ACS's
 * Retry-After, and this delivery is complete. `not-sent`: the consent can no longer be emailed, and its email says so
 * (invitations only). `dropped`: nothing to do, for the reason given.
 */
export type DeliveryOutcome =
  | { kind: 'sent' }
  | { kind: 'failed'; reason: string }
  | { kind: 'not-sent'; reason: string }
  | { kind: 'retry'; reason: string }
  | { kind: 'deferred'; seconds: number; reason: string }
  | { kind: 'dropped'; reason: string };

/** The invocation's logger (the Functions InvocationContext is one). */
export interface DeliveryLog {
  log(message: string): void;
  warn(message: string): void;
}

/** Logs the outcome of delivering `email` (how the caller names it); `retry` becomes the throw that asks the host to try again. */
export function logDelivery(email: string, outcome: DeliveryOutcome, log: DeliveryLog): void {
  switch (outcome.kind) {
    case 'sent':
      return log.log(`${email}: sent.`);
    case 'failed':
      return log.warn(`${email}: failed: ${outcome.reason}`);
    case 'not-sent':
      return log.log(`${email}: not sent: ${outcome.reason}`);
    case 'deferred':
      return log.warn(`${email}: deferred by ${outcome.seconds} s: ${outcome.reason}`);
    case 'dropped':
      return log.log(`${email}: dropped: ${outcome.reason}.`);
    case 'retry':
      throw new Error(`${email}: not sent, will retry: ${outcome.reason}`);
  }
}
