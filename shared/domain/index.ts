// The domain's public API: pure rules and types over plain data, no I/O.
export {
  CHANNELS,
  PARTNER_KINDS,
  PARTNER_KIND_RULES,
  channelsFor,
  issuingRefusal,
  type AuthorizationBasis,
  type Channel,
  type Partner,
  type PartnerKind,
  type PartnerKindRule,
  type PartnerStatus,
} from './partners';
export { GLOBAL_ADMINISTRATOR_ROLE_ID, ROLE_CATALOG, findRole, type DirectoryRole } from './roles';
export {
  DELEGATED_ADMIN_LIMITS,
  LEAST_PRIVILEGE_WARNING,
  activateDelegatedAdmin,
  effectiveDelegatedAdmin,
  validateDelegatedAdminRequest,
  type DelegatedAdmin,
  type DelegatedAdminDecision,
  type DelegatedAdminRequest,
  type DelegatedAdminStatus,
} from './delegatedAdmin';
export { CONSENT_EXPIRY_LIMITS, daysAfter, expiresInDaysErrors, isPast } from './expiry';
export {
  CONSENT_STATUSES,
  effectiveConsent,
  issueConsent,
  standingLinkConsent,
  toConsentResource,
  type AcceptedBy,
  type Consent,
  type ConsentPartner,
  type ConsentPartnerKind,
  type ConsentRequest,
  type ConsentResource,
  type ConsentSource,
  type ConsentStatus,
  type Customer,
  type EmailDelivery,
  type EmailStatus,
  type IndirectProviderRef,
  type IssueConsentInput,
  type Locale,
  type Revocation,
  type StandingLinkConsentInput,
} from './consent';
export {
  CONSENT_TRANSITIONS,
  acceptConsent,
  canTransition,
  cancelConsent,
  declineConsent,
  expireConsent,
  reissueLink,
  removeDelegatedAdmin,
  revokeConsent,
  type AcceptanceOutcome,
} from './consentTransitions';
export {
  acceptanceRefusal,
  isCloudNative,
  isGlobalAdministrator,
  type AcceptanceRefusal,
  type Signer,
} from './acceptance';
export {
  authorizationFor,
  authorizationsGrantedBy,
  type Authorization,
  type AuthorizationDecision,
} from './authorization';
