// Lays out a reminder or expiry notice as plain text, for clients that do not show HTML.
import type { NoticeContent } from './noticeModel';

export function renderNoticeText(content: NoticeContent): string {
  const blocks = [
    [content.greeting],
    [content.lead.join('\n\n')],
    content.roles.length > 0 ? [content.roles.map((role) => `- ${role}`).join('\n')] : [],
    [content.follow.join('\n\n')],
    content.facts.length > 0 ? [content.facts.map((fact) => `${fact.label}: ${fact.value}`).join('\n')] : [],
    content.action ? [`${content.action.buttonLabel}:`, content.action.url] : [],
    content.notes.length > 0 ? [content.notes.map((note) => `- ${note}`).join('\n')] : [],
    ['--', content.footer],
  ];
  return (
    blocks
      .filter((block) => block.length > 0)
      .map((block) => block.join('\n'))
      .join('\n\n') + '\n'
  );
}
