// Every portal page as one union, the frame they share (the customer pages' layout with the portal's navigation), and
// the pages shown instead of the portal: choosing a partner, the refusals, a forged form, nothing found, a failure.
import type { Child } from 'hono/jsx';
import { visibleLine } from '../domain/suppliedText';
import { localPath, renderDocument, signOutAndReturnTo, type PageContext, type RenderedPage } from '../pages';
import { portalMessagesFor, type PortalFailure, type PortalMessages } from './messages';
import { PARTNER_CHOICE_PARAMETER, PORTAL_PATHS } from './paths';
import { renderCustomers, renderStandingLink } from './accountPages';
import { renderWebhooks } from './webhookPages';
import { renderOverview, renderRequest, renderRequestForm, renderRequestList } from './requestPages';
import type {
  CustomersView,
  NoPartnerView,
  OverviewView,
  PortalContext,
  RequestFormView,
  RequestListView,
  RequestView,
  StandingLinkView,
  WebhooksView,
} from './viewModels';

export type { PortalContext };

/**
 * What a portal page needs to be framed: the reader's language, and the partner when the session got that far (a
 * failure before it, such as storage not answering, still shows the navigation, without the partner's name).
 */
export type PortalFrame = PageContext & Partial<Pick<PortalContext, 'partner' | 'mayChoose' | 'canManage'>>;

/** A page for something that went wrong: what, where to try again, and a reference to quote for our own failures. */
export interface FailureView extends PortalFrame {
  failure: PortalFailure;
  retryUrl: string;
  requestId?: string;
}

/** Statuses of the failure pages, as the API answers the same failures. */
export const FAILURE_STATUS: Record<PortalFailure, number> = {
  'bad-request': 400,
  'too-large': 413,
  forbidden: 403,
  'read-only': 403,
  conflict: 409,
  'rate-limited': 429,
  unavailable: 503,
  internal: 500,
};

export type PortalPage =
  | { page: 'sign-in-unavailable'; view: PageContext }
  | { page: 'no-partner'; view: NoPartnerView }
  | { page: 'forged-form'; view: PortalContext & { retryUrl: string } }
  | { page: 'not-found'; view: PortalFrame & { backTo?: 'requests' | 'webhooks' } }
  | { page: 'unknown-page'; view: PageContext | PortalContext }
  | { page: 'failure'; view: FailureView }
  | { page: 'overview'; view: OverviewView }
  | { page: 'requests'; view: RequestListView }
  | { page: 'request'; view: RequestView }
  | { page: 'new-request'; view: RequestFormView }
  | { page: 'customers'; view: CustomersView }
  | { page: 'standing-link'; view: StandingLinkView }
  | { page: 'webhooks'; view: WebhooksView };

export function renderPortalPage(answer: PortalPage): RenderedPage {
  switch (answer.page) {
    case 'sign-in-unavailable':
      return renderSignInUnavailable(answer.view);
    case 'no-partner':
      return renderNoPartner(answer.view);
    case 'forged-form':
      return renderForgedForm(answer.view);
    case 'not-found':
      return renderNotFound(answer.view);
    case 'unknown-page':
      return renderUnknownPage(answer.view);
    case 'failure':
      return renderFailure(answer.view);
    case 'overview':
      return renderOverview(answer.view);
    case 'requests':
      return renderRequestList(answer.view);
    case 'request':
      return renderRequest(answer.view);
    case 'new-request':
      return renderRequestForm(answer.view);
    case 'customers':
      return renderCustomers(answer.view);
    case 'standing-link':
      return renderStandingLink(answer.view);
    case 'webhooks':
      return renderWebhooks(answer.view);
  }
}

/** A page inside the portal: its navigation on top, the partner it works for, the reader in the footer. */
export function portalDocument(status: number, view: PortalFrame, title: string, body: Child): RenderedPage {
  return renderDocument(status, view, title, body, <PortalNav view={view} />);
}

function PortalNav(props: { view: PortalFrame }) {
  const { view } = props;
  const t = portalMessagesFor(view.locale);
  const links: [string, string][] = [
    [PORTAL_PATHS.overview, t.overview],
    [PORTAL_PATHS.requests, t.requests],
    [PORTAL_PATHS.customers, t.customers],
  ];
  // The standing link is the OEM's way to reach customers (API.md: "OEMs: the standing link"); handing it out is
  // issuing, so a Consent.Read user is not offered a page that would only tell them they may not see it.
  if (view.partner?.kind === 'oem' && view.canManage) links.push([PORTAL_PATHS.link, t.standingLink]);
  links.push([PORTAL_PATHS.webhooks, t.webhooks]);
  return (
    <nav class="portal-nav" aria-label={t.navLabel}>
      <ul>
        {links.map(([href, text]) => (
          <li key={href}>
            <a href={href}>{text}</a>
          </li>
        ))}
      </ul>
      {view.partner && (
        <p class="muted">
          {t.actingAs(visibleLine(view.partner.displayName))}
          {view.mayChoose && (
            <>
              {' · '}
              <a href={`${PORTAL_PATHS.overview}?${PARTNER_CHOICE_PARAMETER}=`}>{t.switchPartner}</a>
            </>
          )}
        </p>
      )}
    </nav>
  );
}

/** Choose among several partners of one tenant, or why this principal is no partner here (403, what to ask for). */
function renderNoPartner(view: NoPartnerView): RenderedPage {
  const t = portalMessagesFor(view.locale);
  const { decision } = view;
  if (decision.kind === 'choose-partner') {
    const body = (
      <>
        <p>{t.chooseIntro}</p>
        <ul>
          {decision.choices.map((choice) => (
            <li key={choice.id}>
              <a href={localPath(choiceUrl(view.url, choice.id))}>{visibleLine(choice.displayName)}</a>
              {choice.status !== 'active' && ` ${t.suspendedChoice}`}
            </li>
          ))}
        </ul>
      </>
    );
    return renderDocument(200, view, t.chooseTitle, body);
  }
  const [why, todo] = refusalText(t, decision);
  const body = (
    <>
      <div class="box alert">
        <p>{why}</p>
      </div>
      <h2>{t.whatToDo}</h2>
      <p>{todo}</p>
      <p>
        <a href={localPath(signOutAndReturnTo(PORTAL_PATHS.overview))}>{t.signInAnother}</a>
      </p>
    </>
  );
  return renderDocument(403, view, t.refusalTitle[decision.kind], body);
}

function refusalText(t: PortalMessages, decision: Exclude<NoPartnerView['decision'], { kind: 'choose-partner' }>) {
  switch (decision.kind) {
    case 'not-a-partner':
      return [t.notAPartner(decision.tenantId), t.notAPartnerTodo];
    case 'missing-role': {
      const needed = decision.needed === 'manage' ? 'Consent.Manage' : 'Consent.Read';
      const held = decision.held && (decision.held === 'manage' ? 'Consent.Manage' : 'Consent.Read');
      return [t.missingRole(needed, held), t.missingRoleTodo(needed)];
    }
    case 'suspended':
      return [t.suspended(visibleLine(decision.partner.displayName)), t.suspendedTodo];
  }
}

/** The page asked for, with the pick added: the session remembers it and comes back without it. */
function choiceUrl(url: URL, partnerId: string): string {
  const next = new URL(url);
  next.searchParams.set(PARTNER_CHOICE_PARAMETER, partnerId);
  return `${next.pathname}${next.search}`;
}

/** 503: no sign-in vouches for the principal header, so nobody can be believed (fail closed). */
function renderSignInUnavailable(view: PageContext): RenderedPage {
  const t = portalMessagesFor(view.locale);
  const body = (
    <>
      <div class="box alert">
        <p>{t.signInUnavailable}</p>
      </div>
      <h2>{t.whatToDo}</h2>
      <p>{t.signInUnavailableTodo}</p>
    </>
  );
  return renderDocument(503, view, t.signInUnavailableTitle, body);
}

function renderForgedForm(view: PortalFrame & { retryUrl: string }): RenderedPage {
  const t = portalMessagesFor(view.locale);
  const body = (
    <>
      <div class="box alert">
        <p>{t.forged}</p>
      </div>
      <h2>{t.whatToDo}</h2>
      <p>{t.forgedTodo}</p>
      <p>
        <a href={localPath(view.retryUrl)}>{t.openAgain}</a>
      </p>
    </>
  );
  return portalDocument(403, view, t.forgedTitle, body);
}

/** Another partner's request or endpoint, or none: 404, exactly as if it did not exist. */
function renderNotFound(view: PortalFrame & { backTo?: 'requests' | 'webhooks' }): RenderedPage {
  const t = portalMessagesFor(view.locale);
  const [href, text] =
    view.backTo === 'webhooks' ? [PORTAL_PATHS.webhooks, t.backToWebhooks] : [PORTAL_PATHS.requests, t.backToList];
  const body = (
    <>
      <p>{t.notFound}</p>
      <h2>{t.whatToDo}</h2>
      <p>{t.notFoundTodo}</p>
      <p>
        <a href={href}>{text}</a>
      </p>
    </>
  );
  return portalDocument(404, view, t.notFoundTitle, body);
}

/** No portal page at this address: with the portal's navigation for a signed-in partner, else in the plain layout. */
function renderUnknownPage(view: PageContext | PortalContext): RenderedPage {
  const t = portalMessagesFor(view.locale);
  const body = (
    <>
      <p>{t.unknownPage}</p>
      <h2>{t.whatToDo}</h2>
      <p>{t.unknownPageTodo}</p>
      <p>
        <a href={PORTAL_PATHS.overview}>{t.backToOverview}</a>
      </p>
    </>
  );
  if ('partner' in view) return portalDocument(404, view, t.unknownPageTitle, body);
  return renderDocument(404, view, t.unknownPageTitle, body);
}

/**
 * What went wrong, in the portal's words and the reader's language, and the next step: open the page again (or, for
 * a reader who may not change anything, the overview), with a reference to quote when the failure was ours.
 */
function renderFailure(view: FailureView): RenderedPage {
  const t = portalMessagesFor(view.locale);
  const words = t.failure[view.failure];
  // Opening the page again would refuse a reader again: their way on is the overview, which is what retryUrl holds.
  const text = view.failure === 'read-only' ? t.backToOverview : t.openAgain;
  const body = (
    <>
      <div class="box alert">
        <p>{words.text}</p>
      </div>
      <h2>{t.whatToDo}</h2>
      <p>{words.todo}</p>
      <p>
        <a href={localPath(view.retryUrl)}>{text}</a>
      </p>
      {view.requestId && (
        <p class="muted">
          {t.referenceLabel}: <code>{view.requestId}</code>
        </p>
      )}
    </>
  );
  return portalDocument(FAILURE_STATUS[view.failure], view, words.title, body);
}

/** The words beside a form field when it has errors (its id is what the field's aria-describedby names). */
export function FieldErrorText(props: { name: string; words: string[] }) {
  if (!props.words.length) return null;
  return (
    <p class="field-error" id={`${props.name}-error`}>
      {props.words.join(' ')}
    </p>
  );
}
