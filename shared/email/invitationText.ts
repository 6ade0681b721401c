// Lays out the invitation as plain text for clients that do not show HTML (and for readers who prefer it).
import type { InvitationContent } from './invitationModel';
import { bulletLines, factLines, textBody } from './mailText';

export function renderInvitationText(content: InvitationContent): string {
  const blocks = [
    [content.greeting, '', content.intro],
    section(content.requester.heading, [factLines(content.requester.facts)]),
    section(content.allows.heading, content.allows.paragraphs),
    section(content.delegatedAdmin.heading, [
      content.delegatedAdmin.intro,
      ...(content.delegatedAdmin.roles.length > 0 ? [bulletLines(content.delegatedAdmin.roles)] : []),
      ...content.delegatedAdmin.details,
    ]),
    content.notices.items.length > 0 ? section(content.notices.heading, content.notices.items) : [],
    content.message
      ? section(content.message.heading, [
          content.message.lines.map((line) => `> ${line}`.trimEnd()).join('\n'),
          content.message.note,
        ])
      : [],
    [`${content.action.buttonLabel}:`, content.action.url, '', content.action.expiry],
    section(content.genuine.heading, [bulletLines(content.genuine.items)]),
    ['--', content.footer],
  ];
  return textBody(blocks);
}

function section(heading: string, paragraphs: string[]): string[] {
  return [heading, '-'.repeat(heading.length), paragraphs.join('\n\n')];
}
