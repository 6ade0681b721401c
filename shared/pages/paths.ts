// Where the customer pages and the platform's sign-in live, and what counts as a path on this site: one definition each.

/** The customer pages' own paths. */
export const CUSTOMER_PATHS = {
  partners: '/partners',
  /** The page a consent link opens (D2); the token is the link's own. */
  consentLink: (token: string) => `/consent/${encodeURIComponent(token)}`,
  /** R3: where a Global Administrator posts the removal of one consent's delegated admin roles. */
  removeDelegatedAdmin: (consentId: string) => `/partners/${encodeURIComponent(consentId)}/remove-delegated-admin`,
  /** Where a Global Administrator posts the revocation of a CSP's authorization (API.md, "Customer revocation"). */
  revoke: (consentId: string) => `/partners/${encodeURIComponent(consentId)}/revoke`,
  /** The customer's download of a consent's latest receipt (API.md, "Receipts"). */
  receipt: (consentId: string) => `/partners/${encodeURIComponent(consentId)}/receipt`,
} as const;

/** The platform's sign-in ("Easy Auth"), which the local host stands in for. */
/** The partner portal's front page, which the customer pages' "page not found" offers to partners. */
export const PORTAL_HOME_PATH = '/portal';

export const SIGN_IN_PATHS = {
  login: '/.auth/login/aad',
  logout: '/.auth/logout',
  me: '/.auth/me',
} as const;

/** A path as logs may show it: a consent link's token is a bearer secret, so it never reaches a log. */
export function withoutLinkTokens(path: string): string {
  return path.replace(/\/consent\/[^/?#]+/g, '/consent/<token>');
}

/** A path on this site only: not another origin, `//host` or `/\host`, which browsers treat as another origin. */
export function isSameSitePath(value: string): boolean {
  return /^\/(?![/\\])[^\s\\]*$/.test(value);
}

/** Sign in, then come back to `returnPath`. */
export function signInAndReturnTo(returnPath: string): string {
  return `${SIGN_IN_PATHS.login}?post_login_redirect_uri=${queryPath(returnPath)}`;
}

/** Sign out and come back to `returnPath`, to sign in with another account. */
export function signOutAndReturnTo(returnPath: string): string {
  return `${SIGN_IN_PATHS.logout}?post_logout_redirect_uri=${queryPath(returnPath)}`;
}

/** A local path as a query value: encoded, except the slashes that keep it readable (`/consent/<token>`). */
function queryPath(path: string): string {
  return encodeURIComponent(path).replace(/%2F/g, '/');
}
