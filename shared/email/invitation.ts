// Renders the invitation email (R4) in the recipient's language: subject, HTML and plain text from one view model.
import { invitationContent } from './invitationContent';
import { renderInvitationHtml } from './invitationHtml';
import type { InvitationEmail, RenderedInvitation } from './invitationModel';
import { renderInvitationText } from './invitationText';

export type { InvitationEmail, MailAddress, RenderedInvitation } from './invitationModel';

/** Every partner- or customer-supplied string is escaped in the HTML; throws on a non-http(s) consent link. */
export function renderInvitation(email: InvitationEmail): RenderedInvitation {
  const content = invitationContent(email);
  return { subject: content.subject, html: renderInvitationHtml(content), text: renderInvitationText(content) };
}
