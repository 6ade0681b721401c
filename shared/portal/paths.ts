// Where the partner portal's pages live (API.md, "Partner portal"): one definition each.

import { PORTAL_HOME_PATH } from '../pages';

const id = (value: string) => encodeURIComponent(value);

export const PORTAL_PATHS = {
  overview: PORTAL_HOME_PATH,
  requests: '/portal/requests',
  newRequest: '/portal/requests/new',
  request: (consentId: string) => `/portal/requests/${id(consentId)}`,
  resend: (consentId: string) => `/portal/requests/${id(consentId)}/resend`,
  cancel: (consentId: string) => `/portal/requests/${id(consentId)}/cancel`,
  customers: '/portal/customers',
  link: '/portal/link',
  rotateLink: '/portal/link/rotate',
  webhooks: '/portal/webhooks',
  deleteWebhook: (webhookId: string) => `/portal/webhooks/${id(webhookId)}/delete`,
} as const;

/** The query parameter a partner's pick arrives in, from the choice page (several partners in one tenant). */
export const PARTNER_CHOICE_PARAMETER = 'partner';
