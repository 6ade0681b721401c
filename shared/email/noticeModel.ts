// A reminder or delegated admin expiry email's input (what the caller knows) and content (what both renderers lay out).
import type { Locale } from '../domain/consent';
import type { NoticeAudience, NoticeEmailKind } from '../domain/notices';
import type { LabelledValue, MailAddress } from './invitationModel';

/** Everything a notice email says, in plain values; every string is treated as untrusted text. */
export interface NoticeEmail {
  kind: NoticeEmailKind;
  audience: NoticeAudience;
  locale: Locale;
  to: MailAddress;
  partner: { displayName: string };
  /** How the partner's email names the customer (display name, domain or tenant id), and its tenant. */
  customer: { name: string; tenantId?: string };
  consentId: string;
  /** Display names of the requested or granted delegated admin roles. */
  roles: string[];
  daysLeft: number;
  /** The invitation's expiry, or the delegated admin roles' end. */
  endsAt: Date;
  /** Reminders only: the invitation's live link, `<public base url>/consent/<token>`, http(s) only. */
  consentUrl?: string;
}

/** The notice's sentences in the recipient's language, before layout. */
export interface NoticeContent {
  locale: Locale;
  subject: string;
  greeting: string;
  /** Paragraphs before the roles, the roles, and paragraphs after them. */
  lead: string[];
  roles: string[];
  follow: string[];
  facts: LabelledValue[];
  action?: { buttonLabel: string; url: string; fallback: string };
  notes: string[];
  footer: string;
}
