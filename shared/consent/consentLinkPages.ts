// What a consent link shows its signed-in reader and what answering it does (D2; R5–R7, R9–R12, R16), as pages.
import { looksLikeLinkToken } from '../auth/linkTokens';
import type { Signer } from '../domain/acceptance';
import type { AcceptanceRefusal } from '../domain/acceptance';
import { formTargets } from '../customer/forms';
import {
  acceptedView,
  decidedView,
  invitationFormView,
  partnerView,
  refusalView,
  standingLinkFormView,
} from '../customer/views';
import { acceptanceRefusal } from '../domain/acceptance';
import {
  CUSTOMER_PATHS,
  pickLocale,
  signOutAndReturnTo,
  type ConsentPageView,
  type CustomerPage,
  type PageContext,
} from '../pages';
import { consentPageDisclosure } from '../evidence/disclosure';
import { acceptAsCustomer, declineAsCustomer } from './customerDecisions';
import type { Dependencies } from './dependencies';
import { openConsentLink, type OpenedLink } from './openLink';
import { acceptStandingLink, standingConsentOf, standingLinkRefusal } from './standingLinkAcceptance';

type Invitation = Extract<OpenedLink, { kind: 'invitation' }>;
/** The page's facts without its form, which is no part of what the customer was shown (shared/evidence/disclosure). */
const NO_FORM = { action: '', csrfToken: '' };
type StandingLink = Extract<OpenedLink, { kind: 'standing-link' }>;

/** The signed-in reader of one link's page. */
export interface LinkReader {
  token: string;
  principal: Signer;
  /** The page context in the browser's language. */
  context: PageContext;
  /** The browser's Accept-Language: an invitation's own language wins over it. */
  acceptLanguage: string | null;
}

/** Which outcome the page after a POST reports; honoured only when the stored state agrees. */
export type Reported = 'accepted' | 'declined';

export interface LinkPageOptions {
  reported?: Reported;
  /** The form came back without what it needs (Accept without the Yes box): the page again, with the reason. */
  error?: ConsentPageView['error'];
}

/** What a POST comes to: back to the page (303), reporting an outcome when there is a new one, or a page at once. */
export type LinkAnswer = { kind: 'answered'; reported?: Reported } | { kind: 'page'; page: CustomerPage };

/** GET: what the link shows this reader now; reads only. */
export async function consentLinkPage(
  deps: Dependencies,
  reader: LinkReader,
  options: LinkPageOptions = {},
): Promise<CustomerPage> {
  return pageFor(deps, reader, await openConsentLink(deps, reader.token), options);
}

/**
 * POST: `form` is the posted form when it passed the origin and CSRF checks, else undefined. A form from our own page,
 * for this user and this link, decides; anything else changes nothing.
 */
export async function answerConsentLink(
  deps: Dependencies,
  reader: LinkReader,
  form: URLSearchParams | undefined,
): Promise<LinkAnswer> {
  if (!looksLikeLinkToken(reader.token)) return show({ page: 'not-found', view: reader.context });
  const decision = form?.get('decision');
  if (decision !== 'accept' && decision !== 'decline') {
    const retryUrl = CUSTOMER_PATHS.consentLink(reader.token);
    return show({ page: 'refusal', view: { ...reader.context, reason: 'forged-form', retryUrl } });
  }
  const opened = await openConsentLink(deps, reader.token);
  if (decision === 'accept' && form?.get('confirm') !== 'yes') {
    // R7: Accept needs the Yes box; nothing changes.
    return show(await pageFor(deps, reader, opened, { error: 'confirm-required' }));
  }
  if (opened.kind === 'invitation') return answerInvitation(deps, reader, opened, decision);
  if (opened.kind === 'standing-link') return answerStandingLink(deps, reader, opened, decision);
  return show(await pageFor(deps, reader, opened, {}));
}

async function answerInvitation(
  deps: Dependencies,
  reader: LinkReader,
  opened: Invitation,
  decision: 'accept' | 'decline',
): Promise<LinkAnswer> {
  const shown = invitationFormView(
    invitationContext(reader, opened),
    opened.consent,
    partnerView(opened.consent.partner, opened.partner),
    NO_FORM,
  );
  const target = {
    partnerId: opened.consent.partner.id,
    consentId: opened.consent.id,
    linkTokenHash: opened.tokenHash,
    disclosure: consentPageDisclosure(shown),
  };
  const outcome =
    decision === 'accept'
      ? await acceptAsCustomer(deps, target, reader.principal)
      : await declineAsCustomer(deps, target, reader.principal);
  switch (outcome.kind) {
    case 'refused':
      return show(refusalPage(invitationContext(reader, opened), reader, outcome.refusal));
    case 'accepted':
    case 'declined':
      return { kind: 'answered', reported: outcome.kind };
    case 'already-accepted':
    case 'stale':
      // Nothing new to report: the page shows how the consent stands now.
      return { kind: 'answered' };
  }
}

/** Accepting makes the consent for the signer's tenant; declining stores nothing, as there is nothing to decline. */
async function answerStandingLink(
  deps: Dependencies,
  reader: LinkReader,
  opened: StandingLink,
  decision: 'accept' | 'decline',
): Promise<LinkAnswer> {
  if (decision === 'decline') {
    const refusal = standingLinkRefusal(opened, reader.principal);
    return refusal ? show(refusalPage(reader.context, reader, refusal)) : { kind: 'answered', reported: 'declined' };
  }
  const shown = consentPageDisclosure(standingLinkFormView(reader.context, opened, NO_FORM));
  const outcome = await acceptStandingLink(deps, opened, reader.principal, reader.context.locale, shown);
  if (outcome.kind === 'refused') return show(refusalPage(reader.context, reader, outcome.refusal));
  return outcome.kind === 'accepted' ? { kind: 'answered', reported: 'accepted' } : { kind: 'answered' };
}

async function pageFor(
  deps: Dependencies,
  reader: LinkReader,
  opened: OpenedLink,
  options: LinkPageOptions,
): Promise<CustomerPage> {
  switch (opened.kind) {
    case 'not-found':
      return { page: 'not-found', view: reader.context };
    case 'gone':
      return { page: 'gone', view: { ...reader.context, reason: opened.reason } };
    case 'invitation':
      return invitationPage(deps, reader, opened, options);
    case 'standing-link':
      return standingLinkPage(deps, reader, opened, options);
  }
}

/** The refusals first (they also keep who answered from other organizations), then the answer or the form. */
function invitationPage(
  deps: Dependencies,
  reader: LinkReader,
  opened: Invitation,
  options: LinkPageOptions,
): CustomerPage {
  const { consent } = opened;
  const context = invitationContext(reader, opened);
  const partner = partnerView(consent.partner, opened.partner);
  const refusal = acceptanceRefusal(consent, reader.principal);
  if (refusal) return refusalPage(context, reader, refusal);
  if (consent.status === 'pending') {
    const form = { action: linkPath(reader), csrfToken: tokenFor(deps, reader, opened), error: options.error };
    return { page: 'consent', view: invitationFormView(context, consent, partner, form) };
  }
  if (options.reported === 'accepted' && consent.status === 'accepted') {
    return { page: 'accepted', view: acceptedView(context, consent, partner) };
  }
  if (options.reported === 'declined' && consent.status === 'declined') {
    return { page: 'declined', view: { ...context, partner } };
  }
  return { page: 'already-decided', view: decidedView(context, consent, partner) };
}

async function standingLinkPage(
  deps: Dependencies,
  reader: LinkReader,
  opened: StandingLink,
  options: LinkPageOptions,
): Promise<CustomerPage> {
  const { context } = reader;
  const partner = partnerView(opened.partner, opened.partner);
  const refusal = standingLinkRefusal(opened, reader.principal);
  if (refusal) return refusalPage(context, reader, refusal);
  const consent = await standingConsentOf(deps, opened.link, reader.principal.tenantId);
  if (consent) {
    return options.reported === 'accepted'
      ? { page: 'accepted', view: acceptedView(context, consent, partner) }
      : { page: 'already-decided', view: decidedView(context, consent, partner) };
  }
  if (options.reported === 'declined') return { page: 'declined', view: { ...context, partner, standingLink: true } };
  const form = { action: linkPath(reader), csrfToken: tokenFor(deps, reader, opened), error: options.error };
  return { page: 'consent', view: standingLinkFormView(context, opened, form) };
}

/** An invitation is shown in the language it was written for, when the partner chose one. */
function invitationContext(reader: LinkReader, opened: Invitation): PageContext {
  return { ...reader.context, locale: pickLocale(opened.consent.customer.locale, reader.acceptLanguage) };
}

function refusalPage(context: PageContext, reader: LinkReader, refusal: AcceptanceRefusal): CustomerPage {
  return { page: 'refusal', view: refusalView(context, refusal, signOutAndReturnTo(linkPath(reader))) };
}

function tokenFor(deps: Dependencies, reader: LinkReader, opened: { tokenHash: string }): string {
  return deps.forms.token(reader.principal, formTargets.consentLink(opened.tokenHash));
}

function linkPath(reader: LinkReader): string {
  return CUSTOMER_PATHS.consentLink(reader.token);
}

function show(page: CustomerPage): LinkAnswer {
  return { kind: 'page', page };
}
