// Lays out a reminder or expiry notice as plain text, for clients that do not show HTML.
import { bulletLines, factLines, textBody } from './mailText';
import type { NoticeContent } from './noticeModel';

export function renderNoticeText(content: NoticeContent): string {
  const blocks = [
    [content.greeting],
    [content.lead.join('\n\n')],
    content.roles.length > 0 ? [bulletLines(content.roles)] : [],
    [content.follow.join('\n\n')],
    content.facts.length > 0 ? [factLines(content.facts)] : [],
    content.action ? [`${content.action.buttonLabel}:`, content.action.url] : [],
    content.notes.length > 0 ? [bulletLines(content.notes)] : [],
    ['--', content.footer],
  ];
  return textBody(blocks);
}
