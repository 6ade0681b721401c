// Lays out a reminder or expiry notice as mail-client-safe HTML, in the invitation's tables and styles.
import { renderToString } from 'hono/jsx/dom/server';
import { Action, Facts, Layout, Row, STYLE } from './invitationHtml';
import type { NoticeContent } from './noticeModel';

export function renderNoticeHtml(content: NoticeContent): string {
  return `<!DOCTYPE html>${renderToString(<NoticeDocument content={content} />)}`;
}

function NoticeDocument({ content }: { content: NoticeContent }) {
  return (
    <html lang={content.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>{content.subject}</title>
      </head>
      <body style={STYLE.body}>
        <Layout width="100%" style={STYLE.page}>
          <tr>
            <td align="center" style={STYLE.pageCell}>
              <Layout width="600" style={STYLE.card}>
                <tr>
                  <td style={STYLE.banner}>Windows Autopilot</td>
                </tr>
                <Row>
                  <p style={STYLE.paragraph}>{content.greeting}</p>
                  {content.lead.map((paragraph) => (
                    <p style={STYLE.paragraph}>{paragraph}</p>
                  ))}
                  {content.roles.length > 0 ? (
                    <ul style={STYLE.list}>
                      {content.roles.map((role) => (
                        <li>
                          <strong>{role}</strong>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {content.follow.map((paragraph) => (
                    <p style={STYLE.paragraph}>{paragraph}</p>
                  ))}
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
                <tr>
                  <td style={STYLE.footer}>{content.footer}</td>
                </tr>
              </Layout>
            </td>
          </tr>
        </Layout>
      </body>
    </html>
  );
}
