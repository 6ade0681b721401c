// The email that tells a partner's contact that a customer revoked its authorization (API.md, "Customer revocation").
import { renderToString } from 'hono/jsx/dom/server';
import { visibleLine } from '../domain/suppliedText';
import type { MailAddress } from './invitationModel';

/** What the notice says; every string is treated as untrusted text. Partners are written to in English. */
export interface RevocationNotice {
  to: MailAddress;
  partnerName: string;
  consentId: string;
  customer: { tenantId: string; displayName?: string };
  revokedAt: string;
  revokedBy?: string;
  /** An indirect reseller's provider, which lost the authorization with it (R9). */
  providerName?: string;
}

export interface RenderedNotice {
  subject: string;
  text: string;
  html: string;
}

export function renderRevocationNotice(notice: RevocationNotice): RenderedNotice {
  const lines = noticeLines(notice);
  return {
    subject: `A customer revoked the authorization of ${visibleLine(notice.partnerName)}`,
    text: `${lines.join('\n\n')}\n`,
    html: `<!DOCTYPE html>${renderToString(
      <html lang="en">
        <body>
          {lines.map((line) => (
            <p>{line}</p>
          ))}
        </body>
      </html>,
    )}`,
  };
}

function noticeLines(notice: RevocationNotice): string[] {
  const customer = notice.customer.displayName
    ? `${visibleLine(notice.customer.displayName)} (tenant ${notice.customer.tenantId})`
    : `tenant ${notice.customer.tenantId}`;
  const by = notice.revokedBy ? ` by ${visibleLine(notice.revokedBy)}, a Global Administrator` : '';
  return [
    `The customer ${customer} revoked the authorization of ${visibleLine(notice.partnerName)} to register Windows Autopilot devices on ${notice.revokedAt} (UTC)${by}.`,
    'From that moment the authorization check for this customer answers false, and any delegated admin roles of this consent have ended.',
    ...(notice.providerName
      ? [
          `${visibleLine(notice.providerName)}, the indirect provider, is no longer authorized through this consent either.`,
        ]
      : []),
    'A reseller relationship in Microsoft Partner Center is separate: remove it there if it should end too.',
    `Consent ID: ${notice.consentId}`,
  ];
}
