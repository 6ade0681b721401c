// GET /consent/{token}: who asks, for what, which roles (R5, R9, R10), and the Yes + Accept / Decline form (R7).
import { plainTextMessage, visibleLine } from '../domain/suppliedText';
import { ChannelList, PartnerFacts, RoleList, includesGlobalAdministrator } from './components';
import { localPath, renderDocument, type RenderedPage } from './layout';
import { formatDateTime } from './locale';
import { messagesFor, type Messages } from './messages';
import type { ConsentPageView, DelegatedAdminRequestView } from './viewModels';

export function renderConsentPage(view: ConsentPageView): RenderedPage {
  const t = messagesFor(view.locale);
  const name = visibleLine(view.partner.displayName);
  const message = view.message && plainTextMessage(view.message);
  const roles = view.delegatedAdmin?.roles ?? [];
  const body = (
    <>
      {view.error && (
        <div class="box alert" role="alert" id="confirm-error">
          <p>{t.confirmRequired}</p>
        </div>
      )}
      {includesGlobalAdministrator(roles) && (
        <div class="box warning" role="alert">
          <p class="box-title">{t.globalAdminWarningTitle}</p>
          <p>{t.globalAdminWarning(name)}</p>
        </div>
      )}
      <section aria-labelledby="who">
        <h2 id="who">{t.whoHeading}</h2>
        <PartnerFacts t={t} partner={view.partner} customer={view.customer} />
      </section>
      <section aria-labelledby="what">
        <h2 id="what">{t.whatHeading}</h2>
        <p>{t.whatIntro(name)}</p>
        <ChannelList t={t} channels={view.channels} />
        {view.indirectProvider && (
          <>
            <p>{t.providerIntro(visibleLine(view.indirectProvider.displayName), name)}</p>
            <ChannelList t={t} channels={view.indirectProvider.channels} />
          </>
        )}
      </section>
      <section aria-labelledby="roles">
        <h2 id="roles">{t.rolesHeading}</h2>
        {view.delegatedAdmin ? (
          <RequestedRoles t={t} partner={name} request={view.delegatedAdmin} />
        ) : (
          <>
            <p>
              <strong>{t.noRoles}</strong>
            </p>
            <p>{t.noRolesDetail(name)}</p>
          </>
        )}
      </section>
      {message && (
        <section aria-labelledby="message">
          <h2 id="message">{t.messageHeading(name)}</h2>
          <blockquote class="partner-message">{message}</blockquote>
          <p class="muted">{t.messageNote(name)}</p>
        </section>
      )}
      <section aria-labelledby="decision">
        <h2 id="decision">{t.decisionHeading}</h2>
        <p>
          {view.expiresAt ? t.expiresAt(formatDateTime(view.expiresAt, view.locale)) : t.standingLinkValidity(name)}
        </p>
        <p>{t.decisionHint}</p>
        <DecisionForm
          t={t}
          partner={name}
          action={view.formAction}
          csrfToken={view.csrfToken}
          invalid={view.error === 'confirm-required'}
        />
      </section>
    </>
  );
  // 422 when the form came back incomplete: the same page, with the reason, and nothing changed.
  return renderDocument(view.error ? 422 : 200, view, t.consentTitle(name), body);
}

function RequestedRoles(props: { t: Messages; partner: string; request: DelegatedAdminRequestView }) {
  const { t, request } = props;
  return (
    <>
      <p>{t.rolesIntro(props.partner)}</p>
      <RoleList roles={request.roles} />
      <p>
        {t.rolesDuration(request.durationDays)} {request.autoExtend ? t.autoExtendYes : t.autoExtendNo}
      </p>
      <p>{t.rolesRemovable}</p>
    </>
  );
}

/** Accept needs the Yes box (`required`); Decline must not, hence `formnovalidate`. Works without JavaScript. */
function DecisionForm(props: { t: Messages; partner: string; action: string; csrfToken: string; invalid: boolean }) {
  const { t, invalid } = props;
  return (
    <form method="post" action={localPath(props.action)}>
      <input type="hidden" name="csrf" value={props.csrfToken} />
      <div class="confirm">
        <input
          type="checkbox"
          id="confirm"
          name="confirm"
          value="yes"
          required
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={invalid ? 'confirm-error' : undefined}
        />
        <label for="confirm">{t.confirmLabel(props.partner)}</label>
      </div>
      <div class="actions">
        <button type="submit" class="primary" name="decision" value="accept">
          {t.accept}
        </button>
        <button type="submit" class="secondary" name="decision" value="decline" formnovalidate>
          {t.decline}
        </button>
      </div>
    </form>
  );
}
