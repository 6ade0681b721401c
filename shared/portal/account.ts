// The portal's customer list and standing link as use cases: the API's own (customersOf, existingStandingLink,
// standingLink, rotateStandingLink), answered as pages.
import { config } from '../config';
import type { Dependencies } from '../consent/dependencies';
import { existingStandingLink, rotateStandingLink, standingLink } from '../consent/standingLinks';
import { customersOf } from '../consent/verification';
import { openPageToken, sealPageToken, type PageScope } from '../http/pageTokens';
import { portalFormToken } from './forms';
import type { PortalPage } from './pages';
import { PORTAL_PATHS } from './paths';
import type { PortalReader } from './requests';
import type { StandingLinkView } from './viewModels';

const CUSTOMERS_PAGE_SIZE = 50;

/** GET /portal/customers: the customers the partner is authorized for now (R8), paged with sealed tokens. */
export async function portalCustomers(
  deps: Dependencies,
  reader: PortalReader,
  pageToken: string | undefined,
): Promise<PortalPage> {
  const scope: PageScope = { route: PORTAL_PATHS.customers, caller: reader.partner.id, filters: {} };
  const key = config().keys.pages;
  const position = pageToken ? openPageToken(key, scope, pageToken) : undefined;
  const found = await customersOf(deps, reader.partner, { pageSize: CUSTOMERS_PAGE_SIZE, continuationToken: position });
  const next = found.continuationToken && sealPageToken(key, scope, found.continuationToken);
  return {
    page: 'customers',
    view: {
      ...reader.context,
      items: found.items,
      nextPageUrl: next && `${PORTAL_PATHS.customers}?page=${encodeURIComponent(next)}`,
      pageTokenInvalid: pageToken !== undefined && position === undefined,
    },
  };
}

/**
 * GET /portal/link: the standing link once made, with Replace; before that, what it is and a form to make it. It
 * never makes the link (a GET changes nothing), and a Consent.Read user neither sees nor makes it: handing out a link
 * any customer may accept is issuing, as the API's 403 on GET /api/consent-link says.
 */
export async function portalStandingLink(
  deps: Dependencies,
  reader: PortalReader,
  notice?: StandingLinkView['notice'],
): Promise<PortalPage> {
  const { partner, principal, context } = reader;
  if (!context.canManage) return { page: 'standing-link', view: { ...context } };
  const link = await existingStandingLink(deps, partner);
  const form = (action: string) => ({ action, csrfToken: portalFormToken(principal, partner.id, action) });
  if (!link) return { page: 'standing-link', view: { ...context, create: form(PORTAL_PATHS.link) } };
  return { page: 'standing-link', view: { ...context, link, rotate: form(PORTAL_PATHS.rotateLink), notice } };
}

/** POST /portal/link: makes the standing link; a second post (another tab) finds it made and changes nothing. */
export async function createFromPortal(deps: Dependencies, reader: PortalReader): Promise<void> {
  await standingLink(deps, reader.partner);
}

/** POST /portal/link/rotate: the old link stops working at once. */
export async function rotateFromPortal(deps: Dependencies, reader: PortalReader): Promise<void> {
  await rotateStandingLink(deps, reader.partner);
}
