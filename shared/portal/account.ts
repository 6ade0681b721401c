// The portal's customer list and standing link as use cases: the API's own (customersOf, standingLink,
// rotateStandingLink), answered as pages.
import { config } from '../config';
import type { Dependencies } from '../consent/dependencies';
import { rotateStandingLink, standingLink } from '../consent/standingLinks';
import { customersOf } from '../consent/verification';
import { openPageToken, sealPageToken, type PageScope } from '../http/pageTokens';
import { portalFormToken } from './forms';
import type { PortalPage } from './pages';
import { PORTAL_PATHS } from './paths';
import type { PortalReader } from './requests';

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

/** GET /portal/link: the standing link (made on first view, as the API's), with Replace for Consent.Manage. */
export async function portalStandingLink(
  deps: Dependencies,
  reader: PortalReader,
  notice?: 'rotated',
): Promise<PortalPage> {
  const { partner, principal, context } = reader;
  const link = await standingLink(deps, partner);
  const action = PORTAL_PATHS.rotateLink;
  const rotate = context.canManage ? { action, csrfToken: portalFormToken(principal, partner.id, action) } : undefined;
  return { page: 'standing-link', view: { ...context, ...link, rotate, notice } };
}

/** POST /portal/link/rotate: the old link stops working at once. */
export async function rotateFromPortal(deps: Dependencies, reader: PortalReader): Promise<void> {
  await rotateStandingLink(deps, reader.partner);
}
