// The portal's customer list (the seed's "customer list") and the OEM's standing link with an email text to copy.
import { effectiveDelegatedAdmin } from '../domain/delegatedAdmin';
import { visibleLine } from '../domain/suppliedText';
import { formatDateTime, localPath, messagesFor, type RenderedPage } from '../pages';
import { portalMessagesFor } from './messages';
import { portalDocument } from './pages';
import { PORTAL_PATHS } from './paths';
import type { CustomersView, StandingLinkView } from './viewModels';

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
  const partner = visibleLine(view.partner.displayName);
  const body = (
    <>
      {view.notice === 'rotated' && (
        <div class="box success" role="status">
          <p>{t.rotatedNotice}</p>
        </div>
      )}
      <p>{t.linkIntro}</p>
      <label for="standing-link">{t.linkLabel}</label>
      <input type="text" id="standing-link" readonly value={view.url} />
      <p class="muted">{t.linkCreated(formatDateTime(view.createdAt, view.locale))}</p>
      <label for="standing-email-text">{t.emailTextLabel}</label>
      <textarea id="standing-email-text" readonly rows={10}>
        {t.standingEmailText(partner, view.url)}
      </textarea>
      {view.rotate ? (
        <form method="post" action={localPath(view.rotate.action)}>
          <input type="hidden" name="csrf" value={view.rotate.csrfToken} />
          <p class="muted">{t.rotateHint}</p>
          <button type="submit" class="secondary">
            {t.rotate}
          </button>
        </form>
      ) : (
        <div class="box">
          <p>{t.readOnlyNote}</p>
        </div>
      )}
    </>
  );
  return portalDocument(200, view, t.linkTitle, body);
}
