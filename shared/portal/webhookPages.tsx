// The portal's webhook endpoints: the list, adding one (its secret shown once, in the answer to the post) and deleting.
import { MAX_WEBHOOK_ENDPOINTS, WEBHOOK_EVENT_TYPES } from '../domain/webhooks';
import { visibleLine } from '../domain/suppliedText';
import { formatDateTime, localPath, type RenderedPage } from '../pages';
import { webhookFieldWords, wordsOnce, type FieldProblem } from './fieldErrors';
import { portalMessagesFor, type PortalMessages } from './messages';
import { FieldErrorText, portalDocument } from './pages';
import type { WebhookFormField, WebhooksView } from './viewModels';

export function renderWebhooks(view: WebhooksView): RenderedPage {
  const t = portalMessagesFor(view.locale);
  const invalid = Object.keys(view.errors).length > 0;
  const body = (
    <>
      {view.notice === 'deleted' && (
        <div class="box success" role="status">
          <p>{t.deletedNotice}</p>
        </div>
      )}
      {view.created && (
        <div class="box warning" role="status">
          <p class="box-title">{t.secretTitle}</p>
          <p>{t.secretText}</p>
          <p>
            <code>{view.created.url}</code>
          </p>
          <label for="webhook-secret">{t.secretLabel}</label>
          <input type="text" id="webhook-secret" readonly value={view.created.secret} />
        </div>
      )}
      <p>{t.webhooksIntro(MAX_WEBHOOK_ENDPOINTS)}</p>
      {view.endpoints.length === 0 ? (
        <p>{t.webhooksEmpty}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.colUrl}</th>
              <th scope="col">{t.colEvents}</th>
              <th scope="col">{t.statusLabel}</th>
              <th scope="col">{t.createdLabel}</th>
              {view.canManage && <th scope="col">{t.actionsHeading}</th>}
            </tr>
          </thead>
          <tbody>
            {view.endpoints.map((endpoint) => (
              <tr key={endpoint.id}>
                <td>
                  <code>{endpoint.url}</code>
                  {endpoint.description && <p class="muted">{visibleLine(endpoint.description)}</p>}
                </td>
                <td>
                  {endpoint.events.length === WEBHOOK_EVENT_TYPES.length ? t.allEvents : endpoint.events.join(', ')}
                </td>
                <td>{t.webhookStatus(endpoint.status)}</td>
                <td>{formatDateTime(endpoint.createdAt, view.locale)}</td>
                {view.canManage && (
                  <td>
                    {endpoint.remove && (
                      <form method="post" action={localPath(endpoint.remove.action)}>
                        <input type="hidden" name="csrf" value={endpoint.remove.csrfToken} />
                        <button type="submit" class="secondary" aria-label={t.deleteWebhookLabel(endpoint.url)}>
                          {t.deleteWebhook}
                        </button>
                      </form>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {view.add ? (
        <>
          <h2>{t.addWebhookHeading}</h2>
          {invalid && (
            <div class="box alert" role="alert">
              <p>{t.formErrors}</p>
              {wordsOnce(view.errors.form, 'form', fieldWords(t)).map((words) => (
                <p key={words}>{words}</p>
              ))}
            </div>
          )}
          <form method="post" action={localPath(view.add.action)} novalidate>
            <input type="hidden" name="csrf" value={view.add.csrfToken} />
            <label for="url">{t.urlField}</label>
            <Errors view={view} name="url" />
            <input type="text" id="url" name="url" value={view.values.url} {...describedBy(view, 'url')} />
            <label for="description">{t.descriptionField}</label>
            <Errors view={view} name="description" />
            <input
              type="text"
              id="description"
              name="description"
              value={view.values.description}
              {...describedBy(view, 'description')}
            />
            <fieldset>
              <legend>{t.eventsLegend}</legend>
              <Errors view={view} name="events" />
              <ul class="choices">
                {WEBHOOK_EVENT_TYPES.map((type) => (
                  <li key={type}>
                    <input
                      type="checkbox"
                      id={`event-${type}`}
                      name="events"
                      value={type}
                      checked={view.values.events.includes(type)}
                      {...describedBy(view, 'events')}
                    />
                    <label for={`event-${type}`}>
                      <code>{type}</code>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <div class="actions">
              <button type="submit" class="primary">
                {t.addWebhook}
              </button>
            </div>
          </form>
        </>
      ) : (
        <div class="box">
          <p>{t.readOnlyNote}</p>
        </div>
      )}
    </>
  );
  return portalDocument(invalid ? 422 : view.created ? 201 : 200, view, t.webhooksTitle, body);
}

type WebhookField = Exclude<WebhookFormField, 'form'>;

function Errors(props: { view: WebhooksView; name: WebhookField }) {
  const t = portalMessagesFor(props.view.locale);
  return (
    <FieldErrorText name={props.name} words={wordsOnce(props.view.errors[props.name], props.name, fieldWords(t))} />
  );
}

function fieldWords(t: PortalMessages) {
  return (field: WebhookFormField, problem: FieldProblem) => webhookFieldWords(t, field, problem);
}

function describedBy(view: WebhooksView, name: WebhookField) {
  const invalid = Boolean(view.errors[name]?.length);
  return { 'aria-invalid': invalid ? 'true' : undefined, 'aria-describedby': invalid ? `${name}-error` : undefined };
}
