// The portal's consent request pages: the overview, the list, one request (with its link shown once) and the form.
import { CONSENT_STATUSES, LOCALES, type ConsentResource } from '../domain/consent';
import { consentWarningCodes, DELEGATED_ADMIN_LIMITS } from '../domain/delegatedAdmin';
import { CONSENT_EXPIRY_LIMITS } from '../domain/expiry';
import { visibleLine } from '../domain/suppliedText';
import { formatDateTime, localPath, roleDescription, type RenderedPage } from '../pages';
import { requestFieldWords, wordsOnce, type FieldProblem } from './fieldErrors';
import { portalMessagesFor, type PortalMessages } from './messages';
import { FieldErrorText, portalDocument } from './pages';
import { PORTAL_PATHS } from './paths';
import type {
  EmailLimitView,
  FormView,
  OverviewView,
  PortalContext,
  RequestFormField,
  RequestFormView,
  RequestListView,
  RequestView,
} from './viewModels';

export function renderOverview(view: OverviewView): RenderedPage {
  const t = portalMessagesFor(view.locale);
  const pending = view.counts.find((entry) => entry.status === 'pending');
  const pendingCount = pending && (pending.more ? t.atLeast(pending.count) : String(pending.count));
  const body = (
    <>
      <AccessNotes view={view} mayIssue={view.mayIssue} />
      <h2>{t.nextHeading}</h2>
      <ul>
        {view.canManage && view.mayIssue && (
          <li>
            <a href={PORTAL_PATHS.newRequest}>{t.nextIssue}</a>
          </li>
        )}
        {pending && pending.count > 0 && (
          <li>
            <a href={`${PORTAL_PATHS.requests}?status=pending`}>{t.nextPending(pendingCount!)}</a>
          </li>
        )}
        <li>
          <a href={PORTAL_PATHS.customers}>{t.nextCustomers}</a>
        </li>
        {view.canManage && view.partner.kind === 'oem' && (
          <li>
            <a href={PORTAL_PATHS.link}>{t.nextLink}</a>
          </li>
        )}
      </ul>
      <h2>{t.byStatusHeading}</h2>
      <dl>
        {view.counts.map((entry) => (
          <>
            <dt>
              <a href={`${PORTAL_PATHS.requests}?status=${entry.status}`}>{t.status[entry.status]}</a>
            </dt>
            <dd>{entry.more ? t.atLeast(entry.count) : entry.count}</dd>
          </>
        ))}
      </dl>
      <h2>{t.recentHeading}</h2>
      {view.recent.length ? <RequestTable t={t} view={view} items={view.recent} /> : <p>{t.recentEmpty}</p>}
    </>
  );
  return portalDocument(200, view, t.overviewTitle, body);
}

export function renderRequestList(view: RequestListView): RenderedPage {
  const t = portalMessagesFor(view.locale);
  const filtered = view.filters.status !== undefined || view.filters.tenantId !== undefined;
  const body = (
    <>
      <AccessNotes view={view} mayIssue={view.mayIssue} />
      {view.canManage && view.mayIssue && (
        <p>
          <a href={PORTAL_PATHS.newRequest}>{t.nextIssue}</a>
        </p>
      )}
      {view.errors.page && (
        <div class="box warning" role="status">
          <p>{t.pageTokenInvalid}</p>
        </div>
      )}
      <form method="get" action={PORTAL_PATHS.requests} class="filters">
        <h2>{t.filterHeading}</h2>
        <label for="status">{t.statusFilter}</label>
        <select id="status" name="status">
          <option value="">{t.anyStatus}</option>
          {CONSENT_STATUSES.map((status) => (
            <option key={status} value={status} selected={view.filters.status === status}>
              {t.status[status]}
            </option>
          ))}
        </select>
        <label for="tenantId">{t.tenantFilter}</label>
        {view.errors.tenantId && (
          <p class="field-error" id="tenantId-error">
            {t.tenantFilterInvalid}
          </p>
        )}
        <input
          type="text"
          id="tenantId"
          name="tenantId"
          value={view.tenantInput ?? view.filters.tenantId ?? ''}
          aria-invalid={view.errors.tenantId ? 'true' : undefined}
          aria-describedby={view.errors.tenantId ? 'tenantId-error' : undefined}
        />
        <div class="actions">
          <button type="submit" class="secondary">
            {t.applyFilter}
          </button>
        </div>
        {filtered && <a href={PORTAL_PATHS.requests}>{t.clearFilter}</a>}
      </form>
      {view.items.length ? (
        <RequestTable t={t} view={view} items={view.items} />
      ) : (
        <p>{filtered ? t.listEmpty : t.listEmptyNone}</p>
      )}
      {view.nextPageUrl && (
        <p>
          <a href={localPath(view.nextPageUrl)}>{t.nextPage}</a>
        </p>
      )}
    </>
  );
  return portalDocument(200, view, t.listTitle, body);
}

export function renderRequest(view: RequestView): RenderedPage {
  const t = portalMessagesFor(view.locale);
  const { consent } = view;
  const name = customerName(t, consent);
  const body = (
    <>
      {view.emailLimit && (
        <div class="box alert" role="alert">
          <p>{t.resendEmailLimit(...waitOf(t, view.emailLimit, view.locale))}</p>
        </div>
      )}
      {view.notice && (
        <div class="box success" role="status">
          <p>{{ cancelled: t.cancelledNotice, resent: t.resentNotice, issued: t.issuedNotice }[view.notice]}</p>
        </div>
      )}
      {view.link && <OneTimeLink t={t} view={view} link={view.link} />}
      <dl>
        <dt>{t.statusLabel}</dt>
        <dd>{t.status[consent.status]}</dd>
        <dt>{t.createdLabel}</dt>
        <dd>{formatDateTime(consent.createdAt, view.locale)}</dd>
        {consent.status === 'pending' && consent.expiresAt && (
          <>
            <dt>{t.expiresLabel}</dt>
            <dd>{formatDateTime(consent.expiresAt, view.locale)}</dd>
          </>
        )}
        {closedAt(consent) && (
          <>
            <dt>{t.status[consent.status]}</dt>
            <dd>
              {formatDateTime(closedAt(consent)!, view.locale)}
              {consent.acceptedBy?.userPrincipalName && ` ${t.decidedBy(consent.acceptedBy.userPrincipalName)}`}
            </dd>
          </>
        )}
      </dl>
      <h2>{t.customerHeading}</h2>
      <dl>
        <dt>{t.tenantLabel}</dt>
        <dd>{consent.customer.tenantId ? <code>{consent.customer.tenantId}</code> : t.anyTenant}</dd>
        {consent.customer.domain && (
          <>
            <dt>{t.domainLabel}</dt>
            <dd>{consent.customer.domain}</dd>
          </>
        )}
        {(consent.customer.contactName || consent.customer.contactEmail) && (
          <>
            <dt>{t.contactLabel}</dt>
            <dd>
              {[
                consent.customer.contactName && visibleLine(consent.customer.contactName),
                consent.customer.contactEmail,
              ]
                .filter(Boolean)
                .join(', ')}
            </dd>
          </>
        )}
        <dt>{t.languageLabel}</dt>
        <dd>{t.language[consent.customer.locale]}</dd>
      </dl>
      <DelegatedAdmin t={t} view={view} />
      <h2>{t.emailHeading}</h2>
      <p>{t.emailStatus(consent.email.status)}</p>
      {consent.email.lastError && <p class="muted">{t.emailLastError(consent.email.lastError)}</p>}
      <h2>{t.linkHeading}</h2>
      <p>
        {consent.status === 'pending' && consent.expiresAt
          ? t.linkPending(formatDateTime(consent.expiresAt, view.locale))
          : t.linkClosed}
      </p>
      <Actions t={t} view={view} />
      {view.receiptUrl && (
        <>
          <h2>{t.receiptHeading}</h2>
          <p>{t.receiptText}</p>
          <p>
            <a href={localPath(view.receiptUrl)} download>
              {t.downloadReceipt}
            </a>
          </p>
        </>
      )}
      <h2>{t.trailHeading}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.colWhen}</th>
            <th scope="col">{t.colWhat}</th>
            <th scope="col">{t.colWho}</th>
          </tr>
        </thead>
        <tbody>
          {view.events.map((event) => (
            <tr key={`${event.at}${event.type}`}>
              <td>{formatDateTime(event.at, view.locale)}</td>
              <td>{t.event[event.type] ?? <code>{event.type}</code>}</td>
              <td>{t.actor(event.actor.kind, 'via' in event.actor ? event.actor.via : undefined)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href={PORTAL_PATHS.requests}>{t.backToList}</a>
      </p>
    </>
  );
  const page = portalDocument(view.emailLimit ? 429 : 200, view, t.requestTitle(name), body);
  return view.emailLimit ? withRetryAfter(page, view.emailLimit) : page;
}

function OneTimeLink(props: { t: PortalMessages; view: RequestView; link: string }) {
  const { t, view, link } = props;
  const { consent } = view;
  const customer = consent.customer.displayName ? visibleLine(consent.customer.displayName) : t.yourOrganization;
  const until = consent.expiresAt ? formatDateTime(consent.expiresAt, consent.customer.locale) : '';
  const text = portalMessagesFor(consent.customer.locale).emailText(
    visibleLine(view.partner.displayName),
    customer,
    link,
    until,
  );
  return (
    <div class="box warning" role="status">
      <p class="box-title">{t.linkOnceTitle}</p>
      <p>{t.linkOnceText}</p>
      <label for="consent-link">{t.linkLabel}</label>
      <input type="text" id="consent-link" readonly value={link} />
      <label for="email-text">{t.emailTextLabel}</label>
      <textarea id="email-text" readonly rows={12}>
        {text}
      </textarea>
    </div>
  );
}

function DelegatedAdmin(props: { t: PortalMessages; view: RequestView }) {
  const { t, view } = props;
  const admin = view.consent.delegatedAdmin;
  // By code, in the reader's language: the consent's `warnings` are the API's English text.
  const warnings = consentWarningCodes(admin);
  return (
    <>
      <h2>{t.adminHeading}</h2>
      {!admin && <p>{t.noAdmin}</p>}
      {admin && (
        <>
          <p>
            {admin.status === 'active' && admin.expiresAt
              ? t.adminActiveUntil(formatDateTime(admin.expiresAt, view.locale))
              : t.adminStatus(admin.status)}
          </p>
          <ul>
            {admin.roles.map((role) => (
              <li key={role.id}>{role.displayName}</li>
            ))}
          </ul>
          <p class="muted">
            {t.adminDuration(admin.durationDays)} · {admin.autoExtend ? t.adminAutoExtend : t.adminNoAutoExtend}
          </p>
        </>
      )}
      {warnings.length > 0 && (
        <div class="box warning">
          <p class="box-title">{t.warningsHeading}</p>
          {warnings.map((code) => (
            <p key={code}>{t.warning[code]}</p>
          ))}
        </div>
      )}
    </>
  );
}

function Actions(props: { t: PortalMessages; view: RequestView }) {
  const { t, view } = props;
  if (view.consent.status !== 'pending') return <p class="muted">{t.closedNoActions}</p>;
  if (!view.resend || !view.cancel) {
    return (
      <div class="box">
        <p>{t.readOnlyNote}</p>
      </div>
    );
  }
  return (
    <>
      <h2>{t.actionsHeading}</h2>
      <ActionForm form={view.resend} hint={t.resendHint} label={t.resend} />
      <ActionForm form={view.cancel} hint={t.cancelHint} label={t.cancel} />
    </>
  );
}

function ActionForm(props: { form: FormView; hint: string; label: string }) {
  return (
    <form method="post" action={localPath(props.form.action)}>
      <input type="hidden" name="csrf" value={props.form.csrfToken} />
      <p class="muted">{props.hint}</p>
      <button type="submit" class="secondary">
        {props.label}
      </button>
    </form>
  );
}

export function renderRequestForm(view: RequestFormView): RenderedPage {
  const t = portalMessagesFor(view.locale);
  if (!view.form) {
    const body = (
      <div class="box alert">
        <p>{cannotIssueText(t, view.cannotIssue)}</p>
      </div>
    );
    return portalDocument(403, view, t.cannotIssueTitle, body);
  }
  const { values, errors, emailLimit } = view;
  const invalid = Object.keys(errors).length > 0;
  const body = (
    <>
      {emailLimit && (
        <div class="box alert" role="alert" id="email-limit">
          <p>{t.emailLimitReached(...waitOf(t, emailLimit, view.locale))}</p>
          <p>{t.emailLimitTodo}</p>
        </div>
      )}
      {invalid && (
        <div class="box alert" role="alert">
          <p>{t.formErrors}</p>
          {wordsOnce(errors.form, 'form', fieldWords(t)).map((words) => (
            <p key={words}>{words}</p>
          ))}
        </div>
      )}
      <p>{t.formIntro}</p>
      <form method="post" action={localPath(view.form.action)} novalidate>
        <input type="hidden" name="csrf" value={view.form.csrfToken} />
        <fieldset>
          <legend>{t.customerLegend}</legend>
          <Field view={view} name="tenantId" label={t.tenantLabel} hint={t.tenantHint} />
          <Field view={view} name="domain" label={t.domainLabel} hint={t.domainHint} />
          <Field view={view} name="displayName" label={t.nameField} />
          <Field view={view} name="contactEmail" label={t.contactEmailField} hint={t.contactEmailHint} type="email" />
          <Field view={view} name="contactName" label={t.contactNameField} />
          <label for="locale">{t.languageField}</label>
          <FieldErrors view={view} name="locale" />
          <select id="locale" name="locale" {...described(view, 'locale')}>
            {LOCALES.map((locale) => (
              <option key={locale} value={locale} selected={values.locale === locale}>
                {t.language[locale]}
              </option>
            ))}
          </select>
        </fieldset>
        <AdminFields t={t} view={view} />
        <label for="message">{t.messageField}</label>
        <FieldErrors view={view} name="message" />
        <textarea id="message" name="message" rows={4} maxlength={500} {...described(view, 'message')}>
          {values.message}
        </textarea>
        <Field
          view={view}
          name="expiresInDays"
          label={t.expiryField}
          type="number"
          range={[CONSENT_EXPIRY_LIMITS.minDays, CONSENT_EXPIRY_LIMITS.maxDays]}
        />
        <div class="confirm">
          <input
            type="checkbox"
            id="sendEmail"
            name="sendEmail"
            value="yes"
            checked={values.sendEmail}
            aria-describedby={emailLimit ? 'email-limit' : undefined}
          />
          <label for="sendEmail">{t.sendEmailField}</label>
        </div>
        <p class="muted">{t.sendEmailHint}</p>
        <div class="actions">
          <button type="submit" class="primary">
            {t.submit}
          </button>
        </div>
      </form>
    </>
  );
  if (emailLimit) return withRetryAfter(portalDocument(429, view, t.formTitle, body), emailLimit);
  return portalDocument(invalid ? 422 : 200, view, t.formTitle, body);
}

/** The wait the invitation email limit asks for, as minutes and as the time it ends. */
function waitOf(t: PortalMessages, limit: EmailLimitView, locale: PortalContext['locale']): [string, string] {
  return [t.waitMinutes(Math.ceil(limit.retryAfterSeconds / 60)), formatDateTime(limit.sendableAt, locale)];
}

/** As the API answers the same limit: 429 with the real wait, so a client or proxy honouring it waits long enough. */
function withRetryAfter(page: RenderedPage, limit: EmailLimitView): RenderedPage {
  return { ...page, headers: { 'retry-after': String(limit.retryAfterSeconds) } };
}

/** R15: no delegated admin for an OEM; R10: Global Administrator marked, least privilege said before the list. */
function AdminFields(props: { t: PortalMessages; view: RequestFormView }) {
  const { t, view } = props;
  const { values } = view;
  if (!view.roles) {
    return <p class="muted">{t.oemNoAdmin}</p>;
  }
  return (
    <fieldset>
      <legend>{t.adminLegend}</legend>
      <YesBox view={view} name="delegatedAdmin" label={t.adminChoice} />
      <p>{t.adminGuidance}</p>
      <FieldErrors view={view} name="roles" />
      <ul class="choices" id="roles">
        {view.roles.map((role) => (
          <li key={role.id}>
            <input
              type="checkbox"
              id={`role-${role.id}`}
              name="roles"
              value={role.id}
              checked={values.roles.includes(role.id)}
              {...described(view, 'roles')}
            />
            <label for={`role-${role.id}`}>
              {role.displayName}
              {role.globalAdministrator && <strong> {t.globalAdminMark}</strong>}
            </label>
            <span class="muted"> {roleDescription(role, view.locale)}</span>
          </li>
        ))}
      </ul>
      <Field
        view={view}
        name="durationDays"
        label={t.durationField}
        type="number"
        range={[DELEGATED_ADMIN_LIMITS.minDurationDays, DELEGATED_ADMIN_LIMITS.maxDurationDays]}
      />
      <YesBox view={view} name="autoExtend" label={t.autoExtendField} />
    </fieldset>
  );
}

type TextField =
  'tenantId' | 'domain' | 'displayName' | 'contactEmail' | 'contactName' | 'expiresInDays' | 'durationDays';

function Field(props: {
  view: RequestFormView;
  name: TextField;
  label: string;
  hint?: string;
  type?: 'text' | 'email' | 'number';
  range?: [number, number];
}) {
  const { view, name } = props;
  return (
    <>
      <label for={name}>{props.label}</label>
      {props.hint && (
        <p class="muted hint" id={`${name}-hint`}>
          {props.hint}
        </p>
      )}
      <FieldErrors view={view} name={name} />
      <input
        type={props.type ?? 'text'}
        id={name}
        name={name}
        value={view.values[name]}
        min={props.range?.[0]}
        max={props.range?.[1]}
        {...described(view, name, props.hint !== undefined)}
      />
    </>
  );
}

function FieldErrors(props: { view: RequestFormView; name: RequestFormField }) {
  const t = portalMessagesFor(props.view.locale);
  return (
    <FieldErrorText name={props.name} words={wordsOnce(props.view.errors[props.name], props.name, fieldWords(t))} />
  );
}

function fieldWords(t: PortalMessages) {
  return (field: RequestFormField, problem: FieldProblem) => requestFieldWords(t, field, problem);
}

/** A yes/no choice of the form, with its errors above it and the value kept. */
function YesBox(props: { view: RequestFormView; name: 'delegatedAdmin' | 'autoExtend'; label: string }) {
  const { view, name } = props;
  return (
    <>
      <FieldErrors view={view} name={name} />
      <div class="confirm">
        <input
          type="checkbox"
          id={name}
          name={name}
          value="yes"
          checked={view.values[name]}
          {...described(view, name)}
        />
        <label for={name}>{props.label}</label>
      </div>
    </>
  );
}

function described(view: RequestFormView, name: RequestFormField, hint = false) {
  const ids = [hint && `${name}-hint`, view.errors[name]?.length && `${name}-error`].filter(Boolean).join(' ');
  return {
    'aria-invalid': view.errors[name]?.length ? 'true' : undefined,
    'aria-describedby': ids || undefined,
  };
}

/** The newest requests, each linking to its page. */
function RequestTable(props: { t: PortalMessages; view: PortalContext; items: ConsentResource[] }) {
  const { t, view } = props;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t.colCustomer}</th>
          <th scope="col">{t.colStatus}</th>
          <th scope="col">{t.colCreated}</th>
          <th scope="col">{t.colAdmin}</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((consent) => (
          <tr key={consent.id}>
            <td>
              <a href={localPath(PORTAL_PATHS.request(consent.id))}>{customerName(t, consent)}</a>
            </td>
            <td>{t.status[consent.status]}</td>
            <td>{formatDateTime(consent.createdAt, view.locale)}</td>
            <td>{consent.delegatedAdmin ? t.yes : t.no}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What the reader may not do here, said up front: read-only access, or a provider that never issues. */
function AccessNotes(props: { view: PortalContext; mayIssue: boolean }) {
  const t = portalMessagesFor(props.view.locale);
  return (
    <>
      {!props.mayIssue && props.view.partner.kind === 'indirect-provider' && (
        <div class="box">
          <p>{t.providerNote}</p>
        </div>
      )}
      {!props.view.canManage && (
        <div class="box">
          <p>{t.readOnlyNote}</p>
        </div>
      )}
    </>
  );
}

function cannotIssueText(t: PortalMessages, reason: RequestFormView['cannotIssue']): string {
  if (reason?.kind === 'indirect-provider') return t.providerNote;
  if (reason?.kind === 'oem-not-eligible') return t.oemNotEligible;
  return reason?.kind === 'other' ? t.cannotIssueOther : '';
}

function customerName(t: PortalMessages, consent: ConsentResource): string {
  const { displayName, domain, tenantId } = consent.customer;
  return (displayName && visibleLine(displayName)) || domain || tenantId || t.unnamedCustomer;
}

/** When a request was answered, revoked or withdrawn. */
function closedAt(consent: ConsentResource): string | undefined {
  return consent.acceptedAt ?? consent.declinedAt ?? consent.revokedAt ?? consent.cancelledAt;
}
