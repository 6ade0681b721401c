// View models for every customer page, with hostile strings where partners and customers supply text.
import { GLOBAL_ADMINISTRATOR_ROLE_ID } from '../../../shared/domain/roles';
import {
  renderAcceptedPage,
  renderAlreadyDecidedPage,
  renderConsentPage,
  renderDeclinedPage,
  renderGonePage,
  renderNotFoundPage,
  renderPageNotFound,
  renderPartnersPage,
  renderRefusalPage,
  renderServiceErrorPage,
  type ConsentPageView,
  type Locale,
  type PartnersPageView,
  type RenderedPage,
} from '../../../shared/pages';

export const SCRIPT_PAYLOAD = '<script>alert(1)</script>';
export const ATTRIBUTE_PAYLOAD = '"><img src=x onerror=alert(1)>';

export const GLOBAL_ADMINISTRATOR = { id: GLOBAL_ADMINISTRATOR_ROLE_ID, displayName: 'Global Administrator' };
export const INTUNE_ADMINISTRATOR = { id: '3a2c62db-5318-420d-8d74-23affee5d9d5', displayName: 'Intune Administrator' };

export function consentView(locale: Locale, overrides: Partial<ConsentPageView> = {}): ConsentPageView {
  return {
    locale,
    signedInAs: 'admin@contoso.onmicrosoft.com',
    formAction: '/consent/tok3n',
    csrfToken: 'csrf-token-value',
    partner: {
      displayName: 'Fabrikam Devices',
      kind: 'direct-csp',
      verifiedDomain: 'fabrikam.com',
      microsoftPartnerId: '4711001',
    },
    channels: ['partner-center-api', 'partner-center-csv'],
    customer: { displayName: 'Contoso Ltd', domain: 'contoso.com' },
    expiresAt: '2026-12-24T10:15:00.000Z',
    ...overrides,
  };
}

export function partnersView(locale: Locale, overrides: Partial<PartnersPageView> = {}): PartnersPageView {
  return {
    locale,
    signedInAs: 'admin@contoso.onmicrosoft.com',
    supportContact: 'support@operator.example',
    entries: [
      {
        consentId: 'consent-csp-1',
        partner: { displayName: 'Fabrikam Devices', kind: 'direct-csp', verifiedDomain: 'fabrikam.com' },
        channels: ['partner-center-api', 'partner-center-csv'],
        acceptedAt: '2026-11-20T09:00:00.000Z',
        delegatedAdmin: {
          status: 'active',
          roles: [INTUNE_ADMINISTRATOR],
          expiresAt: '2028-11-19T09:00:00.000Z',
          autoExtends: false,
        },
        removeDelegatedAdmin: { action: '/partners/consent-csp-1/remove-delegated-admin', csrfToken: 'csrf-remove-1' },
      },
      {
        consentId: 'consent-reseller-2',
        partner: { displayName: 'Northwind Resale', kind: 'indirect-reseller' },
        channels: ['partner-center-csv'],
        indirectProvider: { displayName: 'Litware Distribution', channels: ['partner-center-api'] },
        acceptedAt: '2026-11-21T09:00:00.000Z',
      },
      {
        consentId: 'consent-oem-3',
        partner: { displayName: 'Tailspin Hardware', kind: 'oem' },
        channels: ['oem-direct-api'],
        acceptedAt: '2026-11-22T09:00:00.000Z',
      },
    ],
    ...overrides,
  };
}

const context = (locale: Locale) => ({ locale, signedInAs: 'user@contoso.com' });
const fabrikam = { displayName: 'Fabrikam Devices', kind: 'direct-csp' as const };

/** Every page the customer can see, rendered in one locale. */
export function everyPage(locale: Locale): [string, RenderedPage][] {
  return [
    [
      'consent',
      renderConsentPage(
        consentView(locale, {
          delegatedAdmin: { roles: [GLOBAL_ADMINISTRATOR], durationDays: 30, autoExtend: false },
          message: 'Hi',
        }),
      ),
    ],
    ['accepted', renderAcceptedPage({ ...context(locale), partner: fabrikam, channels: ['partner-center-api'] })],
    ['declined', renderDeclinedPage({ ...context(locale), partner: fabrikam })],
    [
      'already decided',
      renderAlreadyDecidedPage({
        ...context(locale),
        partner: fabrikam,
        decision: 'accepted',
        at: '2026-11-20T09:00:00.000Z',
      }),
    ],
    ['not found', renderNotFoundPage(context(locale))],
    ['page not found', renderPageNotFound(context(locale))],
    ['gone', renderGonePage({ ...context(locale), reason: 'expired' })],
    ['refusal', renderRefusalPage({ ...context(locale), reason: 'not-global-admin' })],
    ['partners', renderPartnersPage(partnersView(locale))],
    [
      'consent with a missing Yes',
      renderConsentPage(consentView(locale, { expiresAt: undefined, error: 'confirm-required' })),
    ],
    ['service error', renderServiceErrorPage({ ...context(locale), reason: 'unavailable', requestId: 'req-1' })],
  ];
}
