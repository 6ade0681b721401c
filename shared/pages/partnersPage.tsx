// GET /partners: who may register devices for the tenant, their admin roles (removable, R3), and how OEMs go (R13).
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
          <p>{t.rolesRemovedNotice(visibleLine(view.notice.partnerName))}</p>
        </div>
      )}
      {view.entries.length ? <p>{t.partnersIntro}</p> : <p>{t.partnersEmpty}</p>}
      {view.entries.map((entry, index) => (
        <PartnerEntry key={entry.consentId} t={t} view={view} entry={entry} headingId={`partner-${index + 1}`} />
      ))}
    </>
  );
  return renderDocument(200, view, t.partnersTitle, body);
}

function PartnerEntry(props: { t: Messages; view: PartnersPageView; entry: PartnerEntryView; headingId: string }) {
  const { t, view, entry } = props;
  return (
    <section class="partner" aria-labelledby={props.headingId}>
      <h2 id={props.headingId}>{visibleLine(entry.partner.displayName)}</h2>
      <PartnerFacts t={t} partner={entry.partner} />
      <p class="muted">{t.authorizedOn(formatDate(entry.acceptedAt, view.locale))}</p>
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
        <DelegatedAdmin t={t} view={view} entry={entry} />
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
      {admin?.status === 'active' && (
        <>
          <p>{t.rolesActive(formatDateTime(admin.expiresAt, props.view.locale))}</p>
          <RoleList roles={admin.roles} />
          <p class="muted">{admin.autoExtends ? t.autoExtendYes : t.autoExtendNo}</p>
        </>
      )}
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
