// The plain data each customer page is rendered from; the HTTP layer maps domain objects onto these.
import type { Locale } from './locale';

import type { Channel, PartnerKind } from '../domain/partners';

export type { Channel, PartnerKind };

/** RFC 3339 string or Date; pages print it in the reader's language, in UTC. */
export type Instant = string | Date;

/** What every page knows about the reader. */
export interface PageContext {
  locale: Locale;
  /** The signed-in user's name, shown in the footer with a sign-out link; absent when nobody is signed in. */
  signedInAs?: string;
}

export interface PartnerView {
  displayName: string;
  kind: PartnerKind;
  verifiedDomain?: string;
  microsoftPartnerId?: string;
}

/** The indirect provider an indirect reseller's consent authorizes too (R9). */
export interface IndirectProviderView {
  displayName: string;
  channels: readonly Channel[];
}

export interface RoleView {
  /** Role template id; Global Administrator is recognized by it (R10). */
  id: string;
  displayName: string;
}

export interface DelegatedAdminRequestView {
  roles: RoleView[];
  durationDays: number;
  autoExtend: boolean;
}

/** GET /consent/{token} for a Global Administrator who may answer. */
export interface ConsentPageView extends PageContext {
  /** Where the form posts: the same `/consent/{token}` URL. */
  formAction: string;
  csrfToken: string;
  partner: PartnerView;
  /** Channels the partner itself gets for this customer. */
  channels: readonly Channel[];
  indirectProvider?: IndirectProviderView;
  customer?: { displayName?: string; domain?: string };
  /** Absent when no delegated admin rights are requested (always so for an OEM, R15). */
  delegatedAdmin?: DelegatedAdminRequestView;
  /** The partner's plain-text message; shown escaped with its line breaks. */
  message?: string;
  /** Absent for a standing link (R11), which stays valid until the partner replaces it. */
  expiresAt?: Instant;
  /** Set when the form came back without something it needs (Accept without the Yes box); nothing was changed. */
  error?: 'confirm-required';
}

/** After a successful accept. */
export interface AcceptedPageView extends PageContext {
  partner: PartnerView;
  channels: readonly Channel[];
  indirectProvider?: IndirectProviderView;
  /** Present when delegated admin roles became active. */
  delegatedAdmin?: { roles: RoleView[]; expiresAt: Instant };
  /** Where the customer reviews partners; defaults to `/partners`. */
  partnersUrl?: string;
}

export interface DeclinedPageView extends PageContext {
  partner: PartnerView;
  /** Declined through a standing link (R11): nothing is stored, and the same link still works later. */
  standingLink?: boolean;
}

/** The link was answered before (also the answer to a repeated accept). */
export interface AlreadyDecidedPageView extends PageContext {
  partner: PartnerView;
  decision: 'accepted' | 'declined' | 'revoked';
  /** When it was accepted, declined or revoked. */
  at: Instant;
  /** Who accepted or declined, when known. */
  by?: string;
  partnersUrl?: string;
}

/** 410: the link existed but cannot be used any more. */
export interface GonePageView extends PageContext {
  reason: 'expired' | 'cancelled' | 'replaced';
}

/** Why a page request could not be carried out: ours (internal, unavailable) or the request's (the others). */
export type ServiceErrorReason =
  'internal' | 'unavailable' | 'conflict' | 'forbidden' | 'bad-request' | 'too-large' | 'rate-limited';

/** The service could not carry out the request; `requestId` lets support find the request in the logs. */
export interface ServiceErrorPageView extends PageContext {
  reason: ServiceErrorReason;
  requestId?: string;
}

/** Why a page refuses; each has its own status, explanation and advice. */
export type RefusalReason =
  | 'not-global-admin'
  | 'wrong-tenant'
  | 'upn-domain-mismatch'
  | 'not-cloud-native'
  | 'forged-form'
  | 'oem-not-removable'
  | 'sign-in-not-configured';

/** A refusal page; the reasons that need more to explain themselves say so in their type. */
export type RefusalPageView = PageContext & {
  /** Operator support contact (email address or URL), shown as text when configured. */
  supportContact?: string;
  /** A local sign-out URL that returns to this page, offered as "sign in with another account". */
  signOutUrl?: string;
  /** A local URL to open the page again (for 'forged-form': the consent link, or /partners). */
  retryUrl?: string;
} & (
    | { reason: 'upn-domain-mismatch'; expectedDomain: string }
    | { reason: 'oem-not-removable'; partner: PartnerView; consentId: string }
    | { reason: Exclude<RefusalReason, 'upn-domain-mismatch' | 'oem-not-removable'> }
  );

/** Roles a partner holds in the tenant through one accepted request, and until when. */
export interface ActiveRolesView {
  status: 'active';
  roles: RoleView[];
  expiresAt: Instant;
  autoExtends: boolean;
}

export interface PartnerEntryView {
  consentId: string;
  partner: PartnerView;
  channels: readonly Channel[];
  indirectProvider?: IndirectProviderView;
  acceptedAt: Instant;
  /**
   * Absent when the consent never had delegated admin roles. `expiresAt` is the end as it stands now: roles that
   * auto-extend show the end they have been extended to.
   */
  delegatedAdmin?:
    | (ActiveRolesView & {
        /** The partner's roles here from its other accepted requests, when it has more than one with roles. */
        others?: ActiveRolesView[];
      })
    | { status: 'removed' | 'expired' };
  /** Present for a CSP consent with active delegated admin: the form that removes the roles (R3). */
  removeDelegatedAdmin?: { action: string; csrfToken: string };
  /** Present for a CSP consent (direct or indirect reseller): the form that revokes it; never for an OEM (R13). */
  revoke?: { action: string; csrfToken: string };
  /** Where the consent's signed receipt is downloaded (API.md, "Receipts"). */
  receiptUrl?: string;
}

/** GET /partners for a Global Administrator. */
export interface PartnersPageView extends PageContext {
  entries: PartnerEntryView[];
  /** Operator support contact, quoted in the OEM removal explanation (R13). */
  supportContact?: string;
  /** Shown once after a POST redirect. */
  notice?: { kind: 'delegated-admin-removed' | 'revoked'; partnerName: string; receiptUrl?: string };
  /** A revocation posted without the Yes box: the list again, with the reason at that entry; nothing was changed. */
  error?: { kind: 'revoke-confirm-required'; consentId: string };
}
