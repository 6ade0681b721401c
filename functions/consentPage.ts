// The link a customer opens (D2; R5–R7, R9–R12, R16): GET shows the request or its outcome, POST answers it.
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { hashLinkToken, looksLikeLinkToken } from '../shared/auth/linkTokens';
import type { CustomerPrincipal } from '../shared/auth/principal';
import { acceptAsCustomer, declineAsCustomer, type DecisionOutcome } from '../shared/consent/customerDecisions';
import { liveDependencies as deps } from '../shared/consent/dependencies';
import { openConsentLink, type OpenedLink } from '../shared/consent/openLink';
import { acceptStandingLink, standingConsentOf, standingLinkRefusal } from '../shared/consent/standingLinkAcceptance';
import { formTargets, formToken, verifiedForm } from '../shared/customer/forms';
import { customerSession, readerLocale, signOutAndReturnTo } from '../shared/customer/session';
import {
  acceptedView,
  decidedView,
  invitationFormView,
  partnerView,
  refusalView,
  standingLinkFormView,
} from '../shared/customer/views';
import { acceptanceRefusal, type AcceptanceRefusal } from '../shared/domain/acceptance';
import { ServiceError } from '../shared/errors';
import { registerHttp } from '../shared/functionRegistry';
import { withPageErrors } from '../shared/http/pageErrors';
import {
  htmlPage,
  pageResponse,
  renderAcceptedPage,
  renderAlreadyDecidedPage,
  renderConsentPage,
  renderDeclinedPage,
  renderGonePage,
  renderNotFoundPage,
  renderRefusalPage,
  type ConsentPageView,
  type PageContext,
  type RenderedPage,
} from '../shared/pages';

type Invitation = Extract<OpenedLink, { kind: 'invitation' }>;
type StandingLink = Extract<OpenedLink, { kind: 'standing-link' }>;

/** Which outcome the page after a POST reports; honoured only when the stored state agrees. */
type Reported = 'accepted' | 'declined' | undefined;

/** The signed-in reader of one link's page. */
interface Reader {
  token: string;
  principal: CustomerPrincipal;
  context: PageContext;
}

/** GET: never changes state (mail scanners open links). */
export async function showConsentPage(request: HttpRequest): Promise<HttpResponseInit> {
  const token = request.params.token ?? '';
  const session = customerSession(request, linkPath(token));
  if (session.kind === 'answer') return session.response;
  const reader = { token, principal: session.principal, context: session.context };
  const opened = await openConsentLink(deps, token);
  return pageResponse(await pageFor(request, reader, opened, { reported: reportedOutcome(request) }));
}

/** POST: a form from our own page, for this user and this link, or nothing changes. */
export async function answerConsentPage(request: HttpRequest): Promise<HttpResponseInit> {
  const token = request.params.token ?? '';
  const session = customerSession(request, linkPath(token));
  if (session.kind === 'answer') return session.response;
  const reader = { token, principal: session.principal, context: session.context };
  if (!looksLikeLinkToken(token)) return pageResponse(renderNotFoundPage(reader.context));
  const form = await verifiedForm(request, reader.principal, formTargets.consentLink(hashLinkToken(token)));
  const decision = form?.get('decision');
  if (decision !== 'accept' && decision !== 'decline') {
    return pageResponse(renderRefusalPage({ ...reader.context, reason: 'forged-form', retryUrl: linkPath(token) }));
  }
  const opened = await openConsentLink(deps, token);
  if (decision === 'accept' && form?.get('confirm') !== 'yes') {
    // R7: Accept needs the Yes box. The page again, with the reason (422 when it is the form); nothing changes.
    return pageResponse(await pageFor(request, reader, opened, { error: 'confirm-required' }));
  }
  if (opened.kind === 'invitation') return answerInvitation(request, reader, opened, decision);
  if (opened.kind === 'standing-link') return answerStandingLink(reader, opened, decision);
  return pageResponse(await pageFor(request, reader, opened, {}));
}

async function answerInvitation(
  request: HttpRequest,
  reader: Reader,
  opened: Invitation,
  decision: 'accept' | 'decline',
): Promise<HttpResponseInit> {
  const target = {
    partnerId: opened.consent.partner.id,
    consentId: opened.consent.id,
    linkTokenHash: opened.tokenHash,
  };
  let outcome: DecisionOutcome;
  try {
    outcome =
      decision === 'accept'
        ? await acceptAsCustomer(deps, target, reader.principal)
        : await declineAsCustomer(deps, target, reader.principal);
  } catch (error) {
    // Answered, withdrawn or expired meanwhile: the page shows how it stands now.
    if (error instanceof ServiceError && (error.kind === 'conflict' || error.kind === 'not-found')) {
      return seeOther(reader.token, undefined);
    }
    throw error;
  }
  if (outcome.kind === 'refused') {
    const context = { ...reader.context, locale: readerLocale(request, opened.consent.customer.locale) };
    return refused(reader, context, outcome.refusal);
  }
  return seeOther(reader.token, outcome.kind === 'already-accepted' ? undefined : outcome.kind);
}

/** Accepting makes the consent for the signer's tenant; declining stores nothing, as there is nothing to decline. */
async function answerStandingLink(
  reader: Reader,
  opened: StandingLink,
  decision: 'accept' | 'decline',
): Promise<HttpResponseInit> {
  if (decision === 'decline') {
    const refusal = standingLinkRefusal(opened, reader.principal);
    return refusal ? refused(reader, reader.context, refusal) : seeOther(reader.token, 'declined');
  }
  const outcome = await acceptStandingLink(deps, opened, reader.principal, reader.context.locale);
  if (outcome.kind === 'refused') return refused(reader, reader.context, outcome.refusal);
  return seeOther(reader.token, outcome.kind === 'accepted' ? 'accepted' : undefined);
}

/** What the link shows this reader now. */
async function pageFor(
  request: HttpRequest,
  reader: Reader,
  opened: OpenedLink,
  options: { reported?: Reported; error?: ConsentPageView['error'] },
): Promise<RenderedPage> {
  switch (opened.kind) {
    case 'not-found':
      return renderNotFoundPage(reader.context);
    case 'gone':
      return renderGonePage({ ...reader.context, reason: opened.reason });
    case 'invitation':
      return invitationPage(request, reader, opened, options);
    case 'standing-link':
      return standingLinkPage(reader, opened, options);
  }
}

/** The refusals first (they also keep who answered from other organizations), then the answer or the form. */
function invitationPage(
  request: HttpRequest,
  reader: Reader,
  opened: Invitation,
  options: { reported?: Reported; error?: ConsentPageView['error'] },
): RenderedPage {
  const { consent } = opened;
  const context = { ...reader.context, locale: readerLocale(request, consent.customer.locale) };
  const partner = partnerView(consent.partner, opened.partner);
  const refusal = acceptanceRefusal(consent, reader.principal);
  if (refusal) return renderRefusalPage(refusalView(context, refusal, signOutAndReturnTo(linkPath(reader.token))));
  if (consent.status === 'pending') {
    const form = { action: linkPath(reader.token), csrfToken: tokenFor(reader, opened), error: options.error };
    return renderConsentPage(invitationFormView(context, consent, partner, form));
  }
  if (options.reported === 'accepted' && consent.status === 'accepted') {
    return renderAcceptedPage(acceptedView(context, consent, partner));
  }
  if (options.reported === 'declined' && consent.status === 'declined') {
    return renderDeclinedPage({ ...context, partner });
  }
  return renderAlreadyDecidedPage(decidedView(context, consent, partner));
}

async function standingLinkPage(
  reader: Reader,
  opened: StandingLink,
  options: { reported?: Reported; error?: ConsentPageView['error'] },
): Promise<RenderedPage> {
  const { context } = reader;
  const partner = partnerView(opened.partner, opened.partner);
  const refusal = standingLinkRefusal(opened, reader.principal);
  if (refusal) return renderRefusalPage(refusalView(context, refusal, signOutAndReturnTo(linkPath(reader.token))));
  const consent = await standingConsentOf(deps, opened.link, reader.principal.tenantId);
  if (consent) {
    return options.reported === 'accepted'
      ? renderAcceptedPage(acceptedView(context, consent, partner))
      : renderAlreadyDecidedPage(decidedView(context, consent, partner));
  }
  if (options.reported === 'declined') return renderDeclinedPage({ ...context, partner, standingLink: true });
  const form = { action: linkPath(reader.token), csrfToken: tokenFor(reader, opened), error: options.error };
  return renderConsentPage(standingLinkFormView(context, opened, form));
}

function refused(reader: Reader, context: PageContext, refusal: AcceptanceRefusal): HttpResponseInit {
  return pageResponse(renderRefusalPage(refusalView(context, refusal, signOutAndReturnTo(linkPath(reader.token)))));
}

function tokenFor(reader: Reader, opened: { tokenHash: string }): string {
  return formToken(reader.principal, formTargets.consentLink(opened.tokenHash));
}

/** 303 back to the page, which shows the outcome; a repeated accept reports nothing new and lands on "already". */
function seeOther(token: string, reported: Reported): HttpResponseInit {
  const query = reported ? `?outcome=${reported}` : '';
  return htmlPage(303, '', { location: `${linkPath(token)}${query}` });
}

function reportedOutcome(request: HttpRequest): Reported {
  const value = request.query.get('outcome');
  return value === 'accepted' || value === 'declined' ? value : undefined;
}

function linkPath(token: string): string {
  return `/consent/${encodeURIComponent(token)}`;
}

registerHttp('showConsentPage', {
  route: 'consent/{token}',
  methods: ['GET'],
  handler: withPageErrors(showConsentPage),
});
registerHttp('answerConsentPage', {
  route: 'consent/{token}',
  methods: ['POST'],
  handler: withPageErrors(answerConsentPage),
});
