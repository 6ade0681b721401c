// The display names an invitation hands to ACS (To and Reply-To) are one line of visible text, even for a partner and
// a consent stored before names were normalised at the input (issue 13, item 6). Real EmailClient, loopback ACS stub.
import { randomUUID } from 'node:crypto';
import { newLinkNonce } from '../../../shared/auth/linkTokens';
import { invitationEmail } from '../../../shared/consent/invitationEmails';
import { issueConsent } from '../../../shared/domain/consent';
import type { Partner } from '../../../shared/domain/partners';
import { INVITATION_COPY } from '../../../shared/email/invitationCopy';
import { renderInvitation } from '../../../shared/email/invitation';
import { createAcsSender, invitationOperationId } from '../../../shared/email/sender';
import { startAcsStub, type AcsStub } from '../../support/acsStub';

const SENDER = 'DoNotReply@mail.consent.example.com';
const DISGUISE = '\u202e\u2066\u200b\ufeff';

/** A partner row as it may have been stored before: a line break and a right-to-left override in its name. */
const partner: Partner = {
  id: 'fabrikam',
  displayName: `Fabrikam${DISGUISE}\r\nLtd`,
  type: 'direct-csp',
  tenantId: randomUUID(),
  contactEmail: 'csp@fabrikam.example',
  status: 'active',
  createdAt: '2026-01-01T00:00:00.000Z',
};

/** The stored consent's customer contact, likewise. */
function storedConsent(contactName: string) {
  const now = new Date();
  return {
    ...issueConsent({
      id: randomUUID(),
      partner,
      request: { customer: { contactEmail: 'admin@contoso.example', contactName } },
      now,
    }),
    linkNonce: newLinkNonce(),
  };
}

describe('display names sent to ACS', () => {
  let stub: AcsStub;

  beforeEach(async () => {
    stub = await startAcsStub();
  });

  afterEach(async () => {
    await stub.close();
  });

  async function sentFor(contactName: string) {
    const consent = storedConsent(contactName);
    const email = invitationEmail(consent, partner, 'https://consent.example.com/consent/abc');
    const sender = createAcsSender({
      connection: { kind: 'connectionString', connectionString: stub.connectionString },
      senderAddress: SENDER,
      pollIntervalMs: 10,
    });
    const result = await sender.send({
      operationId: invitationOperationId(consent.id, 1),
      to: email.to,
      replyTo: { address: partner.contactEmail, displayName: partner.displayName },
      ...renderInvitation(email),
    });
    expect(result).toEqual({ outcome: 'sent' });
    return stub.sends.at(-1)!.message;
  }

  it('CR/LF and bidirectional or invisible characters in stored names reach ACS as one line of visible text', async () => {
    const message = await sentFor(`Ada${DISGUISE}\r\nBcc: victim@example.com`);
    expect(message.recipients.to).toEqual([
      { address: 'admin@contoso.example', displayName: 'Ada Bcc: victim@example.com' },
    ]);
    expect(message.replyTo).toEqual([{ address: 'csp@fabrikam.example', displayName: 'Fabrikam Ltd' }]);
    expect(message.content.subject).toBe(INVITATION_COPY.en.subject('Fabrikam Ltd'));
  });

  it('a stored contact name with nothing visible in it is sent without a display name', async () => {
    const message = await sentFor(`${DISGUISE}\r\n `);
    expect(message.recipients.to).toEqual([{ address: 'admin@contoso.example' }]);
  });
});
