// The local sign-in stand-in's one page: pick a test identity (tenant, user name, Global Administrator or not).
import { renderToString } from 'hono/jsx/dom/server';
import { SIGN_IN_PATHS, STYLESHEET_HREF } from '../shared/pages';

/** What the form shows: the identity to prefill, where to return, and what was wrong with the last post. */
export interface SignInFormView {
  tenantId: string;
  userName: string;
  globalAdministrator: boolean;
  returnTo: string;
  error?: string;
}

export function renderSignInPage(view: SignInFormView): string {
  const html = renderToString(
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>Sign in (local stand-in)</title>
        <link rel="stylesheet" href={STYLESHEET_HREF} />
      </head>
      <body>
        <header class="site-header">
          <p class="brand">Autopilot Consent – local development host</p>
        </header>
        <main>
          <h1>Sign in (local stand-in)</h1>
          <div class="box warning">
            <p>
              This page stands in for Microsoft's sign-in on the local host only. Pick the identity the pages should
              see; no password is asked, and nothing here is ever deployed.
            </p>
          </div>
          {view.error && (
            <div class="box alert" role="alert" id="sign-in-error">
              <p>{view.error}</p>
            </div>
          )}
          <form method="post" action={SIGN_IN_PATHS.login}>
            <input type="hidden" name="post_login_redirect_uri" value={view.returnTo} />
            <p>
              <label for="tenantId">Tenant ID (Microsoft Entra tenant, a GUID)</label>
              <br />
              <input id="tenantId" name="tenantId" type="text" size={40} required value={view.tenantId} />
            </p>
            <p>
              <label for="userName">User name</label>
              <br />
              <input
                id="userName"
                name="userName"
                type="text"
                size={40}
                autocomplete="username"
                required
                value={view.userName}
              />
            </p>
            <fieldset>
              <legend>Global Administrator role</legend>
              <p>
                <input
                  id="globalAdmin-yes"
                  name="globalAdmin"
                  type="radio"
                  value="yes"
                  checked={view.globalAdministrator}
                />{' '}
                <label for="globalAdmin-yes">Yes, a Global Administrator</label>
              </p>
              <p>
                <input
                  id="globalAdmin-no"
                  name="globalAdmin"
                  type="radio"
                  value="no"
                  checked={!view.globalAdministrator}
                />{' '}
                <label for="globalAdmin-no">No, an ordinary user</label>
              </p>
            </fieldset>
            <div class="actions">
              <button type="submit" class="primary">
                Sign in
              </button>
            </div>
          </form>
        </main>
        <footer class="site-footer">
          <p>Signed-in identities reach the app as the x-ms-client-principal header, as the platform's would.</p>
        </footer>
      </body>
    </html>,
  );
  return `<!DOCTYPE html>${html}`;
}
