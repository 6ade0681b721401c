// The invitation email's input (what the caller knows) and its content (the sentences both renderers lay out).
import type { ConsentPartnerKind, Locale } from '../domain/consent';

export interface MailAddress {
  address: string;
  displayName?: string;
}

/** Everything the invitation says, in plain values; every string is treated as untrusted text. */
export interface InvitationEmail {
  locale: Locale;
  to: MailAddress;
  partner: {
    displayName: string;
    kind: ConsentPartnerKind;
    verifiedDomain?: string;
    microsoftPartnerId?: string;
    contactEmail: string;
  };
  /** Only for an indirect reseller's request: the provider authorized with it (R9). */
  indirectProvider?: { displayName: string };
  /** Only when delegated admin rights are requested (R3); `id` is the role template id. */
  delegatedAdmin?: {
    roles: { id: string; displayName: string }[];
    durationDays: number;
    autoExtend: boolean;
  };
  /**
   * Further notices for the recipient, already in the recipient's language, shown prominently. The least-privilege
   * notice for Global Administrator (R10) is built in, localized, from the role ids: do not pass it again here.
   */
  warnings?: string[];
  /** The partner's plain-text note (up to 500 characters); line breaks are kept. */
  message?: string;
  /** `<public base url>/consent/<token>`, http(s) only. */
  consentUrl: string;
  expiresAt: Date;
}

export interface RenderedInvitation {
  subject: string;
  html: string;
  text: string;
}

export interface LabelledValue {
  label: string;
  value: string;
}

/** The invitation's sentences in the recipient's language, section by section, before layout. */
export interface InvitationContent {
  locale: Locale;
  subject: string;
  greeting: string;
  intro: string;
  requester: { heading: string; facts: LabelledValue[] };
  allows: { heading: string; paragraphs: string[] };
  delegatedAdmin: { heading: string; intro: string; roles: string[]; details: string[] };
  notices: { heading: string; items: string[] };
  /** The partner's own words as plain lines, under a heading that names the partner and a note that says so. */
  message?: { heading: string; lines: string[]; note: string };
  action: { buttonLabel: string; url: string; fallback: string; expiry: string };
  genuine: { heading: string; items: string[] };
  footer: string;
}
