// Lays out a reminder or expiry notice as mail-client-safe HTML, in the layout every email shares.
import { renderToString } from 'hono/jsx/dom/server';
import { Action, Facts, MailDocument, Paragraphs, RoleList, Row, STYLE } from './mailLayout';
import type { NoticeContent } from './noticeModel';

export function renderNoticeHtml(content: NoticeContent): string {
  return `<!DOCTYPE html>${renderToString(<NoticeDocument content={content} />)}`;
}

function NoticeDocument({ content }: { content: NoticeContent }) {
  return (
    <MailDocument locale={content.locale} subject={content.subject} footer={content.footer}>
      <Row>
        <p style={STYLE.paragraph}>{content.greeting}</p>
        <Paragraphs paragraphs={content.lead} />
        <RoleList roles={content.roles} />
        <Paragraphs paragraphs={content.follow} />
        {content.facts.length > 0 ? <Facts facts={content.facts} /> : null}
      </Row>
      {content.action ? <Action action={content.action} /> : null}
      {content.notes.length > 0 ? (
        <Row>
          <ul style={STYLE.list}>
            {content.notes.map((note) => (
              <li>{note}</li>
            ))}
          </ul>
        </Row>
      ) : null}
    </MailDocument>
  );
}
