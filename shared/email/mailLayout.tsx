// The layout every HTML email shares: the document and its card, inline styles, and the rows, facts and button.
import type { Child } from 'hono/jsx';
import type { LabelledValue } from './invitationModel';

/** Inline styles in one table: mail clients drop <style> blocks and external CSS. Every email shares them. */
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

/** The button's label and link, the link written out for clients that drop the button, and an optional expiry. */
export interface MailAction {
  buttonLabel: string;
  url: string;
  fallback: string;
  expiry?: string;
}

/** The whole document: head, the grey page, and the card with its banner above `children` and its footer below. */
export function MailDocument(props: { locale: string; subject: string; footer: string; children: Child }) {
  return (
    <html lang={props.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>{props.subject}</title>
      </head>
      <body style={STYLE.body}>
        <Layout width="100%" style={STYLE.page}>
          <tr>
            <td align="center" style={STYLE.pageCell}>
              <Layout width="600" style={STYLE.card}>
                <tr>
                  <td style={STYLE.banner}>Windows Autopilot</td>
                </tr>
                {props.children}
                <tr>
                  <td style={STYLE.footer}>{props.footer}</td>
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

export function Facts({ facts }: { facts: LabelledValue[] }) {
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

export function Paragraphs({ paragraphs }: { paragraphs: string[] }) {
  return (
    <>
      {paragraphs.map((paragraph) => (
        <p style={STYLE.paragraph}>{paragraph}</p>
      ))}
    </>
  );
}

/** Delegated admin role names, in bold; nothing when there are none. */
export function RoleList({ roles }: { roles: string[] }) {
  if (roles.length === 0) return null;
  return (
    <ul style={STYLE.list}>
      {roles.map((role) => (
        <li>
          <strong>{role}</strong>
        </li>
      ))}
    </ul>
  );
}

/** The button and the link written out; the invitation adds its expiry below them. */
export function Action({ action }: { action: MailAction }) {
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
