// The pages a customer sees instead of the consent form: outcomes (accepted, declined, decided), dead links, refusals.
import { visibleLine } from '../domain/suppliedText';
import { ChannelList, RoleList } from './components';
import { localPath, renderDocument, type RenderedPage } from './layout';
import { CUSTOMER_PATHS, PORTAL_HOME_PATH } from './paths';
import { formatDateTime } from './locale';
import { messagesFor } from './messages';
import type {
  AcceptedPageView,
  AlreadyDecidedPageView,
  DeclinedPageView,
  GonePageView,
  PageContext,
  RefusalPageView,
  RefusalReason,
  ServiceErrorPageView,
  ServiceErrorReason,
} from './viewModels';

/** The status each refusal is served with: the customer's situation (403), or ours when sign-in is missing (503). */
export const REFUSAL_STATUS: Record<RefusalReason, number> = {
  'not-global-admin': 403,
  'wrong-tenant': 403,
  'upn-domain-mismatch': 403,
  'not-cloud-native': 403,
  'forged-form': 403,
  'oem-not-removable': 403,
  'sign-in-not-configured': 503,
};

/** R7, R16: what the acceptance did, at once, and where to review it. */
export function renderAcceptedPage(view: AcceptedPageView): RenderedPage {
  const t = messagesFor(view.locale);
  const name = visibleLine(view.partner.displayName);
  const body = (
    <>
      <div class="box success" role="status">
        <p>{t.acceptedNow(name)}</p>
        <ChannelList t={t} channels={view.channels} />
        {view.indirectProvider && (
          <>
            <p>{t.acceptedProvider(visibleLine(view.indirectProvider.displayName))}</p>
            <ChannelList t={t} channels={view.indirectProvider.channels} />
          </>
        )}
      </div>
      {view.delegatedAdmin && (
        <section aria-labelledby="roles">
          <h2 id="roles">{t.rolesHeading}</h2>
          <p>{t.rolesActiveUntil(formatDateTime(view.delegatedAdmin.expiresAt, view.locale))}</p>
          <RoleList roles={view.delegatedAdmin.roles} />
          <p>{t.rolesRemovable}</p>
        </section>
      )}
      {view.partner.kind === 'oem' && <p>{t.oemRemovalLater}</p>}
      <PartnersLink context={view} url={view.partnersUrl} />
      <p>{t.closePage}</p>
    </>
  );
  return renderDocument(200, view, t.acceptedTitle, body);
}

export function renderDeclinedPage(view: DeclinedPageView): RenderedPage {
  const t = messagesFor(view.locale);
  const name = visibleLine(view.partner.displayName);
  const body = (
    <>
      <div class="box" role="status">
        <p>{t.declinedText(name)}</p>
      </div>
      <p>{view.standingLink ? t.declinedStandingAgain : t.declinedAgain(name)}</p>
      <p>{t.closePage}</p>
    </>
  );
  return renderDocument(200, view, t.declinedTitle, body);
}

/** The link was answered before: what was decided and when; a repeated accept lands here harmlessly. */
export function renderAlreadyDecidedPage(view: AlreadyDecidedPageView): RenderedPage {
  const t = messagesFor(view.locale);
  const name = visibleLine(view.partner.displayName);
  const at = formatDateTime(view.at, view.locale);
  const what = {
    accepted: t.alreadyAccepted,
    declined: t.alreadyDeclined,
    revoked: t.alreadyRevoked,
  }[view.decision](name, at);
  const body = (
    <>
      <div class="box" role="status">
        <p>{what}</p>
        {view.by && <p>{t.answeredBy(visibleLine(view.by))}</p>}
      </div>
      <p>{t.nothingChanged}</p>
      {view.decision === 'accepted' && <PartnersLink context={view} url={view.partnersUrl} />}
    </>
  );
  return renderDocument(200, view, t.alreadyTitle, body);
}

/** 404: no request behind this link. */
export function renderNotFoundPage(context: PageContext): RenderedPage {
  const t = messagesFor(context.locale);
  const body = (
    <>
      <p>{t.notFoundText}</p>
      <h2>{t.whatToDo}</h2>
      <p>{t.notFoundTodo}</p>
    </>
  );
  return renderDocument(404, context, t.notFoundTitle, body);
}

/** 404 for any other address outside /api: no page here, check the address, or go on to the partners page or the portal. */
export function renderPageNotFound(context: PageContext): RenderedPage {
  const t = messagesFor(context.locale);
  const body = (
    <>
      <p>{t.pageNotFoundText}</p>
      <h2>{t.whatToDo}</h2>
      <p>{t.pageNotFoundTodo}</p>
      <ul>
        <li>
          <a href={CUSTOMER_PATHS.partners}>{t.toPartnersPage}</a>
        </li>
        <li>
          <a href={PORTAL_HOME_PATH}>{t.toPortal}</a>
        </li>
      </ul>
    </>
  );
  return renderDocument(404, context, t.pageNotFoundTitle, body);
}

/** 410: expired, withdrawn or replaced link. */
export function renderGonePage(view: GonePageView): RenderedPage {
  const t = messagesFor(view.locale);
  const body = (
    <>
      <p>{t.gone[view.reason]}</p>
      <h2>{t.whatToDo}</h2>
      <p>{t.goneTodo}</p>
    </>
  );
  return renderDocument(410, view, t.goneTitle, body);
}

/** R6, R12, tenant and domain checks, forged forms, R13, missing sign-in: why, and what to do instead. */
export function renderRefusalPage(view: RefusalPageView): RenderedPage {
  const t = messagesFor(view.locale);
  const text = t.refusal[view.reason];
  const details = {
    user: visibleLine(view.signedInAs ?? '') || t.unnamedAccount,
    domain: view.reason === 'upn-domain-mismatch' ? view.expectedDomain : '',
    partner: view.reason === 'oem-not-removable' ? visibleLine(view.partner.displayName) : '',
  };
  const body = (
    <>
      <div class="box alert">
        <p>{text.why(details)}</p>
      </div>
      <h2>{t.whatToDo}</h2>
      <p>{text.todo(details)}</p>
      {view.reason === 'oem-not-removable' && (
        <p>
          {t.consentIdLabel}: <code>{view.consentId}</code>
        </p>
      )}
      {view.supportContact && <p>{t.supportContact(view.supportContact)}</p>}
      {view.signOutUrl && (
        <p>
          <a href={localPath(view.signOutUrl)}>{t.signInAnother}</a>
        </p>
      )}
      {view.retryUrl && (
        <p>
          <a href={localPath(view.retryUrl)}>{t.openAgain}</a>
        </p>
      )}
    </>
  );
  return renderDocument(REFUSAL_STATUS[view.reason], view, text.title, body);
}

/** 500 / 503: the service failed, not the customer; a page rather than problem+json, since a browser reads it. */
/** The status each service error page is served with. */
export const SERVICE_ERROR_STATUS: Record<ServiceErrorReason, number> = {
  internal: 500,
  unavailable: 503,
  conflict: 409,
  forbidden: 403,
  'bad-request': 400,
  'too-large': 413,
  'rate-limited': 429,
};

export function renderServiceErrorPage(view: ServiceErrorPageView): RenderedPage {
  const t = messagesFor(view.locale);
  const text = t.serviceError[view.reason];
  const body = (
    <>
      <p>{text.text}</p>
      <h2>{t.whatToDo}</h2>
      <p>{text.todo}</p>
      {view.requestId && (
        <p>
          {t.requestIdLabel}: <code>{view.requestId}</code>
        </p>
      )}
    </>
  );
  return renderDocument(SERVICE_ERROR_STATUS[view.reason], view, text.title, body);
}

function PartnersLink(props: { context: PageContext; url?: string }) {
  const t = messagesFor(props.context.locale);
  return (
    <p>
      {t.reviewPartners} <a href={localPath(props.url ?? CUSTOMER_PATHS.partners)}>{t.partnersLink}</a>
    </p>
  );
}
