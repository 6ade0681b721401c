// Renders a reminder or delegated admin expiry email in the recipient's language: subject, HTML and plain text.
import type { RenderedInvitation } from './invitationModel';
import { noticeContent } from './noticeContent';
import { renderNoticeHtml } from './noticeHtml';
import type { NoticeEmail } from './noticeModel';
import { renderNoticeText } from './noticeText';

export type { NoticeEmail } from './noticeModel';

/** Every partner- or customer-supplied string is escaped in the HTML; throws on a non-http(s) consent link. */
export function renderNotice(email: NoticeEmail): RenderedInvitation {
  const content = noticeContent(email);
  return { subject: content.subject, html: renderNoticeHtml(content), text: renderNoticeText(content) };
}
