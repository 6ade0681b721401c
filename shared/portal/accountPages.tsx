// The portal's customer list (the seed's "customer list") and the OEM's standing link with an email text to copy.
import { effectiveDelegatedAdmin } from '../domain/delegatedAdmin';
import { PARTNER_APP_ROLES } from '../domain/partnerAccess';
import { visibleLine } from '../domain/suppliedText';
import { formatDateTime, localPath, messagesFor, type RenderedPage } from '../pages';
import { portalMessagesFor } from './messages';
import { portalDocument } from './pages';
import { PORTAL_PATHS } from './paths';
import type { CustomersView, FormView, StandingLinkView } from './viewModels';

export function renderCustomers(view: CustomersView): RenderedPage {
  const t = portalMessagesFor(view.locale);
  const shared = messagesFor(view.locale);
  const now = new Date();
  const body = (
    <>
      {view.pageTokenInvalid && (
        <div class="box warning" role="status">
          <p>{t.pageTokenInvalid}</p>
        </div>
      )}
      <p>{t.customersIntro}</p>
      {view.items.length === 0 ? (
        <>
          <p>{t.customersEmpty}</p>
          {view.canManage && view.partner.kind !== 'indirect-provider' && (
            <p>
              <a href={PORTAL_PATHS.newRequest}>{t.nextIssue}</a>
            </p>
          )}
        </>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.colCustomer}</th>
              <th scope="col">{t.colBasis}</th>
              <th scope="col">{t.colChannels}</th>
              <th scope="col">{t.colAccepted}</th>
              <th scope="col">{t.colAdmin}</th>
            </tr>
          </thead>
          <tbody>
            {view.items.map((entry) => {
              const admin = entry.delegatedAdmin && effectiveDelegatedAdmin(entry.delegatedAdmin, now);
              const name = (entry.displayName && visibleLine(entry.displayName)) || entry.tenantId;
              return (
                <tr key={`${entry.tenantId}${entry.consentId}`}>
                  <td>
                    {entry.basis === 'indirect-provider' ? (
                      name
                    ) : (
                      <a href={localPath(PORTAL_PATHS.request(entry.consentId))}>{name}</a>
                    )}
                    <br />
                    <code>{entry.tenantId}</code>
                  </td>
                  <td>{t.basis[entry.basis] ?? entry.basis}</td>
                  <td>
                    <ul>
                      {entry.channels.map((channel) => (
                        <li key={channel}>{shared.channel[channel]}</li>
                      ))}
                    </ul>
                  </td>
                  <td>{formatDateTime(entry.acceptedAt, view.locale)}</td>
                  <td>
                    {admin
                      ? t.adminShort(admin.status, admin.expiresAt && formatDateTime(admin.expiresAt, view.locale))
                      : t.no}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {view.nextPageUrl && (
        <p>
          <a href={localPath(view.nextPageUrl)}>{t.nextPage}</a>
        </p>
      )}
    </>
  );
  return portalDocument(200, view, t.customersTitle, body);
}

export function renderStandingLink(view: StandingLinkView): RenderedPage {
  const t = portalMessagesFor(view.locale);
  if (!view.canManage) return renderStandingLinkNeedsManage(view);
  if (!view.link) {
    const body = (
      <>
        <p>{t.linkNone}</p>
        {view.create && <ActionForm form={view.create} label={t.linkCreate} />}
      </>
    );
    return portalDocument(200, view, t.linkTitle, body);
  }
  const { url, createdAt } = view.link;
  const partner = visibleLine(view.partner.displayName);
  const body = (
    <>
      {view.notice && (
        <div class="box success" role="status">
          <p>{view.notice === 'created' ? t.createdLinkNotice : t.rotatedNotice}</p>
        </div>
      )}
      <p>{t.linkIntro}</p>
      <label for="standing-link">{t.linkLabel}</label>
      <input type="text" id="standing-link" readonly value={url} />
      <p class="muted">{t.linkCreated(formatDateTime(createdAt, view.locale))}</p>
      <label for="standing-email-text">{t.emailTextLabel}</label>
      <textarea id="standing-email-text" readonly rows={10}>
        {t.standingEmailText(partner, url)}
      </textarea>
      {view.rotate && <ActionForm form={view.rotate} hint={t.rotateHint} label={t.rotate} secondary />}
    </>
  );
  return portalDocument(200, view, t.linkTitle, body);
}

/** 403, as the API answers Consent.Read on GET /api/consent-link: neither the link nor a way to make it. */
function renderStandingLinkNeedsManage(view: StandingLinkView): RenderedPage {
  const t = portalMessagesFor(view.locale);
  const body = (
    <>
      <div class="box alert">
        <p>{t.linkNeedsManage}</p>
      </div>
      <h2>{t.whatToDo}</h2>
      <p>{t.missingRoleTodo(PARTNER_APP_ROLES.manage)}</p>
    </>
  );
  return portalDocument(403, view, t.refusalTitle['missing-role'], body);
}

function ActionForm(props: { form: FormView; label: string; hint?: string; secondary?: boolean }) {
  return (
    <form method="post" action={localPath(props.form.action)}>
      <input type="hidden" name="csrf" value={props.form.csrfToken} />
      {props.hint && <p class="muted">{props.hint}</p>}
      <button type="submit" class={props.secondary ? 'secondary' : 'primary'}>
        {props.label}
      </button>
    </form>
  );
}
