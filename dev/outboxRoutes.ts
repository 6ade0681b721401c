// The local host's outbox (API.md, local development host only): GET /dev/outbox, GET /dev/outbox/{id}, console lines.
import type { ServerResponse } from 'node:http';
import type { LocalOutbox, OutboxEmail } from '../shared/email/outbox';
import type { HostLog } from './hostLog';
import type { DevRoute } from './httpServer';

const PREFIX = '/dev/outbox';

const COMMON_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
} as const;

/** A rendered email may style itself and show images; it may never run a script, post a form or be framed. */
const EMAIL_PAGE_HEADERS = {
  ...COMMON_HEADERS,
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
} as const;

/** A link the outbox line prints: the email's consent link, found in its plain text. */
const CONSENT_LINK = /https?:\/\/\S+?\/consent\/[A-Za-z0-9_-]+/;

export function outboxRoute(outbox: LocalOutbox): DevRoute {
  return (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== PREFIX && !path.startsWith(`${PREFIX}/`)) return false;
    const head = request.method === 'HEAD';
    if (request.method !== 'GET' && !head) {
      answer(response, 405, { ...COMMON_HEADERS, allow: 'GET, HEAD', 'content-type': 'text/plain' }, 'GET only', head);
    } else if (path === PREFIX) {
      const list = JSON.stringify(outbox.list().map(listed));
      answer(response, 200, { ...COMMON_HEADERS, 'content-type': 'application/json; charset=utf-8' }, list, head);
    } else {
      const email = outbox.get(emailId(path.slice(PREFIX.length + 1)));
      if (email) answer(response, 200, EMAIL_PAGE_HEADERS, email.html, head);
      else answer(response, 404, { ...COMMON_HEADERS, 'content-type': 'text/plain' }, 'No such email', head);
    }
    return true;
  };
}

/** One console line per email that lands in the outbox, with the consent link to open; returns how to stop. */
export function announceOutboxEmails(outbox: LocalOutbox, log: HostLog): () => void {
  return outbox.onSent((email) => {
    const link = CONSENT_LINK.exec(email.text)?.[0] ?? 'none found';
    log.info(`Outbox: invitation to ${email.to} (GET ${PREFIX}/${email.id}); consent link: ${link}`);
  });
}

/** An email id from the path; a malformed escape names no email. */
function emailId(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}

/** API.md's shape: what a developer needs to read the email, nothing more. */
function listed({ id, to, subject, text, html, sentAt }: OutboxEmail) {
  return { id, to, subject, text, html, sentAt };
}

function answer(
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string,
  head: boolean,
): void {
  response.writeHead(status, headers);
  response.end(head ? undefined : body);
}
