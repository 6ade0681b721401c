// Lays out the invitation as plain text for clients that do not show HTML (and for readers who prefer it).
import type { InvitationContent } from './invitationModel';

export function renderInvitationText(content: InvitationContent): string {
  const blocks = [
    [content.greeting, '', content.intro],
    section(content.requester.heading, [
      content.requester.facts.map((fact) => `${fact.label}: ${fact.value}`).join('\n'),
    ]),
    section(content.allows.heading, content.allows.paragraphs),
    section(content.delegatedAdmin.heading, [
      content.delegatedAdmin.intro,
      ...(content.delegatedAdmin.roles.length > 0
        ? [content.delegatedAdmin.roles.map((role) => `- ${role}`).join('\n')]
        : []),
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
    section(content.genuine.heading, [content.genuine.items.map((item) => `- ${item}`).join('\n')]),
    ['--', content.footer],
  ];
  return (
    blocks
      .filter((block) => block.length > 0)
      .map((block) => block.join('\n'))
      .join('\n\n') + '\n'
  );
}

function section(heading: string, paragraphs: string[]): string[] {
  return [heading, '-'.repeat(heading.length), paragraphs.join('\n\n')];
}
