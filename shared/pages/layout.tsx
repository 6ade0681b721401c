// The frame every customer page shares (landmarks, one h1, the stylesheet) and the renderer that escapes by default.
import type { Child } from 'hono/jsx';
import { renderToString } from 'hono/jsx/dom/server';
import { visibleLine } from '../domain/suppliedText';
import { messagesFor } from './messages';
import { CUSTOMER_PATHS, isSameSitePath, SIGN_IN_PATHS } from './paths';
import { STYLESHEET_HREF } from './styles';
import type { PageContext } from './viewModels';

/** A rendered page and the status it is meant to be served with. */
export interface RenderedPage {
  status: number;
  html: string;
  /** Headers the page's answer needs besides the page headers (a 429's Retry-After). */
  headers?: Record<string, string>;
}

/**
 * Renders a full document. Every string in `body` is text or an attribute value, which hono/jsx escapes; no view
 * uses raw() or dangerouslySetInnerHTML, so partner- and customer-supplied strings can never become markup.
 */
export function renderDocument(
  status: number,
  context: PageContext,
  title: string,
  body: Child,
  nav?: Child,
): RenderedPage {
  const html = renderToString(
    <Layout context={context} title={title} nav={nav}>
      {body}
    </Layout>,
  );
  return { status, html: `<!DOCTYPE html>${html}` };
}

/** Only same-site paths go into href/action: a view model carrying anything else is a bug, refused loudly. */
export function localPath(value: string): string {
  if (!isSameSitePath(value)) throw new TypeError(`Not a local path: ${JSON.stringify(value)}`);
  return value;
}

/** `nav`: the partner portal's own navigation, which takes the place of the customer's link to /partners. */
function Layout(props: { context: PageContext; title: string; nav?: Child; children: Child }) {
  const { locale, signedInAs } = props.context;
  const t = messagesFor(locale);
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${props.title} – ${t.serviceName}`}</title>
        <link rel="stylesheet" href={STYLESHEET_HREF} />
      </head>
      <body>
        <header class="site-header">
          <p class="brand">{t.serviceName}</p>
          {props.nav}
        </header>
        <main>
          <h1>{props.title}</h1>
          {props.children}
        </main>
        <footer class="site-footer">
          {signedInAs !== undefined && (
            <p>
              {t.signedInAs(visibleLine(signedInAs) || t.unnamedAccount)} ·{' '}
              <a href={SIGN_IN_PATHS.logout}>{t.signOut}</a>
              {props.nav === undefined && (
                <>
                  {' '}
                  · <a href={CUSTOMER_PATHS.partners}>{t.partnersLink}</a>
                </>
              )}
            </p>
          )}
          <p>{t.utcNote}</p>
          <p>{t.footerNote}</p>
        </footer>
      </body>
    </html>
  );
}
