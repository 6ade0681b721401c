// The plain data each portal page is rendered from; shared/portal's use cases build them from domain objects.
import type { CustomerEntry } from '../consent/verification';
import type { ConsentResource, ConsentStatus } from '../domain/consent';
import type { PartnerPrincipalDecision } from '../domain/partnerAccess';
import type { PartnerKind } from '../domain/partners';
import type { ListedRole } from '../domain/roles';
import type { WebhookEndpoint } from '../schemas/webhooks';
import type { PageContext } from '../pages';
import type { ConsentEvent } from '../storage/eventStore';
import type { FieldProblem } from './fieldErrors';

/** What every portal page knows: the reader, the partner it works for, and what it may do. */
export interface PortalContext extends PageContext {
  partner: { id: string; displayName: string; kind: PartnerKind };
  /** Consent.Manage: controls that change something are shown. */
  canManage: boolean;
  /** The partner was picked among several of the tenant: offer to switch. */
  mayChoose: boolean;
}

/** A page shown instead of the portal: sign-in refusals and the choice of partner. */
export interface NoPartnerView extends PageContext {
  decision: Exclude<PartnerPrincipalDecision, { kind: 'partner' }>;
  /** The page asked for, to come back to after choosing. */
  url: URL;
}

export interface OverviewView extends PortalContext {
  /** Per status: how many, or at least how many when there are more than one look counts. */
  counts: { status: ConsentStatus; count: number; more: boolean }[];
  recent: ConsentResource[];
  mayIssue: boolean;
}

export interface RequestListView extends PortalContext {
  items: ConsentResource[];
  filters: { status?: ConsentStatus; tenantId?: string };
  /** The tenant filter as typed, kept when it is no tenant id. */
  tenantInput?: string;
  errors: { tenantId?: boolean; page?: boolean };
  nextPageUrl?: string;
  mayIssue: boolean;
}

/** A form a page carries: where it posts and its token. */
export interface FormView {
  action: string;
  csrfToken: string;
}

/** The hourly invitation email limit was reached (API.md, "Invitation email limit"): when an email fits again. */
export interface EmailLimitView {
  retryAfterSeconds: number;
  sendableAt: string;
}

export interface RequestView extends PortalContext {
  consent: ConsentResource;
  events: ConsentEvent[];
  /** Shown once, right after issuing or resending. */
  link?: string;
  notice?: 'cancelled' | 'resent' | 'issued';
  resend?: FormView;
  cancel?: FormView;
  receiptUrl?: string;
  /** A resend refused by the invitation email limit: nothing changed. */
  emailLimit?: EmailLimitView;
}

/** The request form's fields as strings, as posted (or their defaults). */
export interface RequestFormValues {
  tenantId: string;
  domain: string;
  displayName: string;
  contactEmail: string;
  contactName: string;
  locale: string;
  delegatedAdmin: boolean;
  roles: string[];
  durationDays: string;
  autoExtend: boolean;
  message: string;
  expiresInDays: string;
  sendEmail: boolean;
}

/** The form fields an error can stand beside (and the form as a whole). */
export type RequestFormField = keyof RequestFormValues | 'form';

export interface RequestFormView extends PortalContext {
  /** Absent when this partner may not issue: the page says why instead. */
  form?: FormView;
  cannotIssue?: { kind: 'indirect-provider' | 'oem-not-eligible' | 'other' };
  values: RequestFormValues;
  /** By code only: the page words them in the reader's language (shared/portal/fieldErrors.ts). */
  errors: Partial<Record<RequestFormField, FieldProblem[]>>;
  /** The role catalog; absent for an OEM, which may not ask for delegated admin (R15). */
  roles?: ListedRole[];
  /** The post asked for the email past the hourly limit: nothing was created, and the form says what to do. */
  emailLimit?: EmailLimitView;
}

export interface CustomersView extends PortalContext {
  items: CustomerEntry[];
  nextPageUrl?: string;
  pageTokenInvalid: boolean;
}

/** Consent.Read gets none of link, create and rotate: the page says the standing link needs Consent.Manage. */
export interface StandingLinkView extends PortalContext {
  /** Absent until a Consent.Manage user makes it with `create`: viewing the page never makes it. */
  link?: { url: string; createdAt: string };
  create?: FormView;
  rotate?: FormView;
  notice?: 'created' | 'rotated';
}

/** The webhook form's fields an error can stand beside (and the form as a whole). */
export type WebhookFormField = 'url' | 'description' | 'events' | 'form';

export interface WebhooksView extends PortalContext {
  endpoints: (WebhookEndpoint & { remove?: FormView })[];
  /** The form to add one (Consent.Manage only), with what was posted and what was wrong. */
  add?: FormView;
  values: { url: string; description: string; events: string[] };
  errors: Partial<Record<WebhookFormField, FieldProblem[]>>;
  /** A new endpoint's secret, shown in the answer to the post that made it and never again. */
  created?: { url: string; secret: string };
  notice?: 'deleted';
}
