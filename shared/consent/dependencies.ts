// What the use cases need from the outside world, as one object: stores, the clock, this deployment's links, forms,
// email sender and settings. Live ones in the app (settings read on first use); tests wrap or replace parts.
import { randomBytes } from 'node:crypto';
import { config, type SignInTrust } from '../config';
import { customerFormsFor, type CustomerForms } from '../customer/forms';
import { configuredSender } from '../email/configuredSender';
import { configuredSigner } from '../evidence/configuredSigner';
import type { ReceiptSigner } from '../evidence/signer';
import type { InvitationSender } from '../email/sender';
import * as apiKeys from '../storage/apiKeyStore';
import * as authorizations from '../storage/authorizationStore';
import * as consents from '../storage/consentStore';
import * as events from '../storage/eventStore';
import * as idempotency from '../storage/idempotencyStore';
import * as invitations from '../storage/invitationQueue';
import * as invitationQuota from '../storage/invitationQuotaStore';
import * as links from '../storage/linkStore';
import * as noticeEmails from '../storage/noticeQueue';
import * as notices from '../storage/noticeStore';
import * as partnerNotices from '../storage/partnerNoticeQueue';
import * as partners from '../storage/partnerStore';
import * as receipts from '../storage/receiptStore';
import { consentLinksFor, type ConsentLinks } from './consentLinks';

export interface Dependencies {
  partners: typeof partners;
  apiKeys: typeof apiKeys;
  consents: typeof consents;
  links: typeof links;
  authorizations: typeof authorizations;
  events: typeof events;
  invitations: typeof invitations;
  /** Emails that tell a partner what a customer did. */
  partnerNotices: typeof partnerNotices;
  invitationQuota: typeof invitationQuota;
  idempotency: typeof idempotency;
  /** The schedule of reminders and delegated admin notices, and the queue their emails go through. */
  notices: typeof notices;
  noticeEmails: typeof noticeEmails;
  receipts: typeof receipts;
  now: () => Date;
  newConsentId: (now: Date) => string;
  /** The URLs customers open, made with this deployment's link key on its public base URL. */
  consentLinks: ConsentLinks;
  /** The customer pages' form tokens and the checks on a post. */
  forms: CustomerForms;
  /** API.md's invitation email limit: how many a partner may queue in any hour (INVITATION_EMAILS_PER_HOUR). */
  invitationEmailsPerHour: number;
  /** Where invitation emails go: ACS, or the local host's outbox. */
  sender: InvitationSender;
  /** Whose word a request's principal header is (shared/auth/principal.ts). */
  signIn: SignInTrust;
  /** This deployment's own origin and the base of its links (PUBLIC_BASE_URL). */
  publicBaseUrl: string;
  /** How customers reach the operator's support, shown where a page sends them there (R13); absent when not set. */
  supportContact: string | undefined;
  /** Signs receipts: Key Vault in Azure, a local key otherwise; use cases never see the key itself. */
  receiptSigner: ReceiptSigner;
  /** The receipts' `iss`: this deployment's public base URL. */
  receiptIssuer: string;
  /** Days after a final state until the sweep erases a consent's personal data (PERSONAL_DATA_RETENTION_DAYS). */
  personalDataRetentionDays: number;
}

let consentLinks: ConsentLinks | undefined;
let forms: CustomerForms | undefined;

/** The app's own: real storage, the clock, and what the settings say — read on first use, not at import. */
export const liveDependencies: Dependencies = {
  partners,
  apiKeys,
  consents,
  links,
  authorizations,
  events,
  invitations,
  partnerNotices,
  invitationQuota,
  idempotency,
  notices,
  noticeEmails,
  receipts,
  now: () => new Date(),
  newConsentId,
  get consentLinks() {
    consentLinks ??= consentLinksFor({ linkKey: config().keys.links, publicBaseUrl: config().publicBaseUrl });
    return consentLinks;
  },
  get forms() {
    forms ??= customerFormsFor({ formKey: config().keys.csrf, publicBaseUrl: config().publicBaseUrl });
    return forms;
  },
  get invitationEmailsPerHour() {
    return config().invitationEmailsPerHour;
  },
  get sender() {
    return configuredSender();
  },
  get signIn() {
    return config().signIn;
  },
  get publicBaseUrl() {
    return config().publicBaseUrl;
  },
  get supportContact() {
    return config().supportContact;
  },
  get receiptSigner() {
    return configuredSigner();
  },
  get receiptIssuer() {
    return config().publicBaseUrl;
  },
  get personalDataRetentionDays() {
    return config().personalDataRetentionDays;
  },
};

/** 2^53 ms is far beyond any date we will see; subtracting from it makes newer ids sort first in a partition. */
const NEWEST_FIRST_BASE = 2 ** 53;

/**
 * Consent ids sort newest first as RowKeys (the list order partners want) and carry 64 random bits so they cannot be
 * guessed: 11 base-36 characters of inverted time, then 16 of randomness.
 */
export function newConsentId(now: Date): string {
  return consentIdOf(now, randomBytes(8).toString('hex'));
}

/** A consent id from its time and 16 hex characters: random for a new request, derived for a standing-link consent. */
export function consentIdOf(time: Date, suffix: string): string {
  const inverted = (NEWEST_FIRST_BASE - time.getTime()).toString(36).padStart(11, '0');
  return `${inverted}${suffix}`;
}
