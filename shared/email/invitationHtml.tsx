// Lays out the invitation as mail-client-safe HTML: tables, inline styles, no external resources, no script.
import type { Child } from 'hono/jsx';
import { renderToString } from 'hono/jsx/dom/server';
import type { InvitationContent } from './invitationModel';

/** Inline styles in one table: mail clients drop <style> blocks and external CSS. The notice emails share them. */
export const STYLE = {
  body: 'margin:0;padding:0;background-color:#f3f3f3;',
  page: 'background-color:#f3f3f3;',
  pageCell: 'padding:24px 12px;',
  card: 'width:100%;max-width:600px;background-color:#ffffff;border:1px solid #e1e1e1;border-radius:6px;',
  banner:
    'background-color:#0067b8;color:#ffffff;padding:16px 32px;border-radius:6px 6px 0 0;' +
    'font-family:Segoe UI,Helvetica,Arial,sans-serif;font-size:14px;font-weight:600;letter-spacing:0.3px;',
  cell: 'padding:8px 32px;font-family:Segoe UI,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#1b1b1b;',
  intro: 'margin:0 0 8px;font-size:20px;line-height:1.35;font-weight:600;color:#1b1b1b;',
  heading: 'margin:16px 0 8px;font-size:16px;font-weight:600;color:#1b1b1b;',
  paragraph: 'margin:0 0 10px;',
  factLabel: 'padding:2px 16px 2px 0;color:#505050;vertical-align:top;white-space:nowrap;',
  factValue: 'padding:2px 0;color:#1b1b1b;vertical-align:top;word-break:break-word;',
  list: 'margin:0 0 10px;padding-left:22px;',
  notice: 'background-color:#fff4ce;border-left:4px solid #c19c00;padding:12px 16px;',
  message: 'background-color:#f7f7f7;border-left:4px solid #8a8886;padding:12px 16px;font-style:italic;',
  messageNote: 'margin:8px 0 10px;font-size:13px;color:#505050;',
  buttonCell: 'background-color:#0067b8;border-radius:4px;',
  button:
    'display:inline-block;padding:12px 28px;font-family:Segoe UI,Helvetica,Arial,sans-serif;font-size:16px;' +
    'font-weight:600;color:#ffffff;text-decoration:none;border-radius:4px;',
  link: 'color:#0067b8;word-break:break-all;',
  footer: 'padding:16px 32px 24px;font-family:Segoe UI,Helvetica,Arial,sans-serif;font-size:12px;color:#6e6e6e;',
} as const;

export function renderInvitationHtml(content: InvitationContent): string {
  return `<!DOCTYPE html>${renderToString(<InvitationDocument content={content} />)}`;
}

function InvitationDocument({ content }: { content: InvitationContent }) {
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
                  <p style={STYLE.intro}>{content.intro}</p>
                </Row>
                <Row heading={content.requester.heading}>
                  <Facts facts={content.requester.facts} />
                </Row>
                <Row heading={content.allows.heading}>
                  {content.allows.paragraphs.map((paragraph) => (
                    <p style={STYLE.paragraph}>{paragraph}</p>
                  ))}
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

/** A presentation table: the only layout every mail client (Outlook's Word engine included) gets right. */
export function Layout({ width, style, children }: { width: string; style?: string; children: Child }) {
  return (
    <table role="presentation" width={width} cellpadding={0} cellspacing={0} border={0} style={style}>
      {children}
    </table>
  );
}

export function Row({ heading, children }: { heading?: string; children: Child }) {
  return (
    <tr>
      <td style={STYLE.cell}>
        {heading ? <h2 style={STYLE.heading}>{heading}</h2> : null}
        {children}
      </td>
    </tr>
  );
}

export function Facts({ facts }: { facts: InvitationContent['requester']['facts'] }) {
  return (
    <table role="presentation" cellpadding={0} cellspacing={0} border={0}>
      {facts.map((fact) => (
        <tr>
          <td style={STYLE.factLabel}>{fact.label}</td>
          <td style={STYLE.factValue}>{fact.value}</td>
        </tr>
      ))}
    </table>
  );
}

function DelegatedAdmin({ section }: { section: InvitationContent['delegatedAdmin'] }) {
  return (
    <Row heading={section.heading}>
      <p style={STYLE.paragraph}>{section.intro}</p>
      {section.roles.length > 0 ? (
        <ul style={STYLE.list}>
          {section.roles.map((role) => (
            <li>
              <strong>{role}</strong>
            </li>
          ))}
        </ul>
      ) : null}
      {section.details.map((detail) => (
        <p style={STYLE.paragraph}>{detail}</p>
      ))}
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
            {notices.items.map((item) => (
              <p style={STYLE.paragraph}>{item}</p>
            ))}
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

/** The button and the link written out; the invitation adds its expiry below them. */
export function Action({ action }: { action: Omit<InvitationContent['action'], 'expiry'> & { expiry?: string } }) {
  return (
    <Row>
      <table role="presentation" cellpadding={0} cellspacing={0} border={0} style="margin:16px 0 12px;">
        <tr>
          <td style={STYLE.buttonCell}>
            <a href={action.url} style={STYLE.button}>
              {action.buttonLabel}
            </a>
          </td>
        </tr>
      </table>
      <p style={STYLE.paragraph}>
        {action.fallback}
        <br />
        <a href={action.url} style={STYLE.link}>
          {action.url}
        </a>
      </p>
      {action.expiry ? (
        <p style={STYLE.paragraph}>
          <strong>{action.expiry}</strong>
        </p>
      ) : null}
    </Row>
  );
}
