// The local sign-in stand-in's one page: pick a test identity (tenant, user or application, Global Administrator or
// not, this service's app roles).
import { renderToString } from 'hono/jsx/dom/server';
import { PARTNER_APP_ROLES, type PartnerAppRole } from '../shared/domain/partnerAccess';
import { SIGN_IN_PATHS, STYLESHEET_HREF } from '../shared/pages';

/** What the form shows: the identity to prefill, where to return, and what was wrong with the last post. */
export interface SignInFormView {
  tenantId: string;
  userName: string;
  kind: 'user' | 'application';
  globalAdministrator: boolean;
  appRoles: readonly PartnerAppRole[];
  returnTo: string;
  error?: string;
}

/** What each app role lets a registered partner's principal do (API.md "Partner identities"). */
const APP_ROLE_HINTS: Record<PartnerAppRole, string> = {
  [PARTNER_APP_ROLES.manage]: 'everything a partner may do',
  [PARTNER_APP_ROLES.read]: 'read only: lists, reads, events, customers, checks',
};

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
            <fieldset>
              <legend>Who signs in</legend>
              <p>
                <input id="kind-user" name="kind" type="radio" value="user" checked={view.kind === 'user'} />{' '}
                <label for="kind-user">A person (a user)</label>
              </p>
              <p>
                <input
                  id="kind-application"
                  name="kind"
                  type="radio"
                  value="application"
                  checked={view.kind === 'application'}
                />{' '}
                <label for="kind-application">
                  A partner's application (a daemon signing in as itself: an app-only token)
                </label>
              </p>
            </fieldset>
            <p>
              <label for="userName">User name (for an application: its name)</label>
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
              <legend>Global Administrator role (a person only)</legend>
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
            <fieldset>
              <legend>App roles of this service (a partner's people and daemons)</legend>
              <p>With the tenant ID of a registered partner, a role makes this identity act as that partner.</p>
              {Object.values(PARTNER_APP_ROLES).map((role) => (
                <p>
                  <input
                    id={`appRole-${role}`}
                    name="appRole"
                    type="checkbox"
                    value={role}
                    checked={view.appRoles.includes(role)}
                  />{' '}
                  <label for={`appRole-${role}`}>
                    {role} ({APP_ROLE_HINTS[role]})
                  </label>
                </p>
              ))}
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
