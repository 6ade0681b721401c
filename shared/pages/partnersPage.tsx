// GET /partners: who may register devices for the tenant, their admin roles (removable, R3), revoking a CSP, and how
// OEMs go (R13).
import { visibleLine } from '../domain/suppliedText';
import { ChannelList, PartnerFacts, RoleList } from './components';
import { localPath, renderDocument, type RenderedPage } from './layout';
import { formatDate, formatDateTime } from './locale';
import { messagesFor, type Messages } from './messages';
import type { PartnerEntryView, PartnersPageView } from './viewModels';

export function renderPartnersPage(view: PartnersPageView): RenderedPage {
  const t = messagesFor(view.locale);
  const body = (
    <>
      {view.notice && (
        <div class="box success" role="status">
          <p>{NOTICES[view.notice.kind](t)(visibleLine(view.notice.partnerName))}</p>
          {view.notice.receiptUrl && (
            <p>
              <a href={localPath(view.notice.receiptUrl)} download>
                {t.downloadReceipt}
              </a>
            </p>
          )}
        </div>
      )}
      {view.entries.length ? <p>{t.partnersIntro}</p> : <p>{t.partnersEmpty}</p>}
      {view.entries.map((entry, index) => (
        <PartnerEntry key={entry.consentId} t={t} view={view} entry={entry} headingId={`partner-${index + 1}`} />
      ))}
    </>
  );
  // 422 when a revocation came back without the Yes box: the same list, with the reason, and nothing changed.
  return renderDocument(view.error ? 422 : 200, view, t.partnersTitle, body);
}

const NOTICES = {
  'delegated-admin-removed': (t: Messages) => t.rolesRemovedNotice,
  revoked: (t: Messages) => t.revokedNotice,
} as const;

function PartnerEntry(props: { t: Messages; view: PartnersPageView; entry: PartnerEntryView; headingId: string }) {
  const { t, view, entry } = props;
  return (
    <section class="partner" aria-labelledby={props.headingId}>
      <h2 id={props.headingId}>{visibleLine(entry.partner.displayName)}</h2>
      <PartnerFacts t={t} partner={entry.partner} />
      <p class="muted">{t.authorizedOn(formatDate(entry.acceptedAt, view.locale))}</p>
      {entry.receiptUrl && (
        <p>
          <a href={localPath(entry.receiptUrl)} download>
            {t.downloadReceipt}
          </a>
        </p>
      )}
      <p>{t.mayRegister}</p>
      <ChannelList t={t} channels={entry.channels} />
      {entry.indirectProvider && (
        <>
          <p>{t.providerToo(visibleLine(entry.indirectProvider.displayName))}</p>
          <ChannelList t={t} channels={entry.indirectProvider.channels} />
        </>
      )}
      {entry.partner.kind === 'oem' ? (
        <OemRemoval t={t} entry={entry} supportContact={view.supportContact} />
      ) : (
        <>
          <DelegatedAdmin t={t} view={view} entry={entry} />
          <Revocation t={t} view={view} entry={entry} formId={`${props.headingId}-revoke`} />
        </>
      )}
    </section>
  );
}

function DelegatedAdmin(props: { t: Messages; view: PartnersPageView; entry: PartnerEntryView }) {
  const { t, entry } = props;
  const admin = entry.delegatedAdmin;
  const name = visibleLine(entry.partner.displayName);
  return (
    <>
      <h3>{t.adminRolesHeading}</h3>
      {!admin && <p>{t.noAdminRoles}</p>}
      {admin?.status === 'removed' && <p>{t.rolesRemoved}</p>}
      {admin?.status === 'expired' && <p>{t.rolesExpired}</p>}
      {admin?.status === 'active' &&
        // One block per accepted request with roles: each has its own end.
        [admin, ...(admin.others ?? [])].map((grant) => (
          <>
            <p>{t.rolesActive(formatDateTime(grant.expiresAt, props.view.locale))}</p>
            <RoleList roles={grant.roles} />
            <p class="muted">{grant.autoExtends ? t.autoExtendYes : t.autoExtendNo}</p>
          </>
        ))}
      {entry.removeDelegatedAdmin && (
        <form method="post" action={localPath(entry.removeDelegatedAdmin.action)}>
          <input type="hidden" name="csrf" value={entry.removeDelegatedAdmin.csrfToken} />
          <p class="muted">{t.removeRolesHint(name)}</p>
          <button type="submit" class="secondary">
            {t.removeRoles(name)}
          </button>
        </form>
      )}
    </>
  );
}

/** A CSP's authorization ends as easily as it was given: a Yes box and a button (API.md, "Customer revocation"). */
function Revocation(props: { t: Messages; view: PartnersPageView; entry: PartnerEntryView; formId: string }) {
  const { t, entry, formId } = props;
  if (!entry.revoke) return null;
  const name = visibleLine(entry.partner.displayName);
  const invalid = props.view.error?.consentId === entry.consentId;
  const errorId = `${formId}-error`;
  return (
    <>
      <h3>{t.revokeHeading}</h3>
      <p>{t.revokeIntro(name)}</p>
      {entry.indirectProvider && <p>{t.revokeProvider(visibleLine(entry.indirectProvider.displayName))}</p>}
      <p>{t.revokePartnerCenter(name)}</p>
      {invalid && (
        <div class="box alert" role="alert" id={errorId}>
          <p>{t.revokeConfirmRequired}</p>
        </div>
      )}
      <form method="post" action={localPath(entry.revoke.action)}>
        <input type="hidden" name="csrf" value={entry.revoke.csrfToken} />
        <div class="confirm">
          <input
            type="checkbox"
            id={formId}
            name="confirm"
            value="yes"
            required
            aria-invalid={invalid ? 'true' : undefined}
            aria-describedby={invalid ? errorId : undefined}
          />
          <label for={formId}>{t.revokeConfirmLabel(name)}</label>
        </div>
        <div class="actions">
          <button type="submit" class="secondary">
            {t.revoke}
          </button>
        </div>
      </form>
    </>
  );
}

/** R13: an OEM stays until the operator's support revokes it; say how to ask. */
function OemRemoval(props: { t: Messages; entry: PartnerEntryView; supportContact?: string }) {
  const { t, entry } = props;
  return (
    <>
      <h3>{t.refusal['oem-not-removable'].title}</h3>
      <p>{t.oemRemoval(visibleLine(entry.partner.displayName))}</p>
      <p>
        {t.consentIdLabel}: <code>{entry.consentId}</code>
      </p>
      {props.supportContact && <p>{t.supportContact(props.supportContact)}</p>}
    </>
  );
}
