// Lays out the invitation as mail-client-safe HTML: tables, inline styles, no external resources, no script.
import { renderToString } from 'hono/jsx/dom/server';
import type { InvitationContent } from './invitationModel';
import { Action, Facts, Layout, MailDocument, Paragraphs, RoleList, Row, STYLE } from './mailLayout';

export function renderInvitationHtml(content: InvitationContent): string {
  return `<!DOCTYPE html>${renderToString(<InvitationDocument content={content} />)}`;
}

function InvitationDocument({ content }: { content: InvitationContent }) {
  return (
    <MailDocument locale={content.locale} subject={content.subject} footer={content.footer}>
      <Row>
        <p style={STYLE.paragraph}>{content.greeting}</p>
        <p style={STYLE.intro}>{content.intro}</p>
      </Row>
      <Row heading={content.requester.heading}>
        <Facts facts={content.requester.facts} />
      </Row>
      <Row heading={content.allows.heading}>
        <Paragraphs paragraphs={content.allows.paragraphs} />
      </Row>
      <DelegatedAdmin section={content.delegatedAdmin} />
      <Notices notices={content.notices} />
      <Message message={content.message} />
      <Action action={content.action} />
      <Row heading={content.genuine.heading}>
        <ul style={STYLE.list}>
          {content.genuine.items.map((item) => (
            <li>{item}</li>
          ))}
        </ul>
      </Row>
    </MailDocument>
  );
}

function DelegatedAdmin({ section }: { section: InvitationContent['delegatedAdmin'] }) {
  return (
    <Row heading={section.heading}>
      <p style={STYLE.paragraph}>{section.intro}</p>
      <RoleList roles={section.roles} />
      <Paragraphs paragraphs={section.details} />
    </Row>
  );
}

function Notices({ notices }: { notices: InvitationContent['notices'] }) {
  if (notices.items.length === 0) return null;
  return (
    <Row>
      <Layout width="100%">
        <tr>
          <td style={STYLE.notice}>
            <p style={STYLE.paragraph}>
              <strong>{notices.heading}</strong>
            </p>
            <Paragraphs paragraphs={notices.items} />
          </td>
        </tr>
      </Layout>
    </Row>
  );
}

function Message({ message }: { message: InvitationContent['message'] }) {
  if (!message) return null;
  return (
    <Row heading={message.heading}>
      <Layout width="100%">
        <tr>
          <td style={STYLE.message}>{message.lines.map((line, index) => (index === 0 ? line : [<br />, line]))}</td>
        </tr>
      </Layout>
      <p style={STYLE.messageNote}>{message.note}</p>
    </Row>
  );
}
