// The portal's webhook endpoints as use cases: the API's own (list, register, delete), answered as pages.
import { MAX_WEBHOOK_ENDPOINTS } from '../domain/webhooks';
import { ServiceError } from '../errors';
import { validate } from '../http/request';
import { webhookRegistrationSchema } from '../schemas/webhooks';
import type { WebhookDependencies } from '../webhooks/dependencies';
import { deleteWebhook, listWebhooks, registerWebhook } from '../webhooks/endpoints';
import { portalFormToken } from './forms';
import type { PortalPage } from './pages';
import { PORTAL_PATHS } from './paths';
import type { PortalReader } from './requests';
import type { WebhookFormField, WebhooksView } from './viewModels';

type Shown = Pick<WebhooksView, 'values' | 'errors' | 'created' | 'notice'>;

const EMPTY: Shown = { values: { url: '', description: '', events: [] }, errors: {} };

/** GET /portal/webhooks: every endpoint (at most MAX_WEBHOOK_ENDPOINTS), Delete and Add for Consent.Manage. */
export async function portalWebhooks(
  deps: WebhookDependencies,
  reader: PortalReader,
  shown: Partial<Shown> = {},
): Promise<PortalPage> {
  const { partner, principal, context } = reader;
  const { items } = await listWebhooks(deps, partner, { pageSize: MAX_WEBHOOK_ENDPOINTS });
  const form = (action: string) => ({ action, csrfToken: portalFormToken(principal, partner.id, action) });
  const endpoints = items.map((endpoint) => ({
    ...endpoint,
    remove: context.canManage ? form(PORTAL_PATHS.deleteWebhook(endpoint.id)) : undefined,
  }));
  const add = context.canManage ? form(PORTAL_PATHS.webhooks) : undefined;
  return { page: 'webhooks', view: { ...context, ...EMPTY, ...shown, endpoints, add } };
}

/**
 * POST /portal/webhooks: the API's rules; the answer is the page with the new secret, shown there once (it is kept
 * only sealed, so no later page could show it). Errors go back beside their fields with the values kept.
 */
export async function registerFromPortal(
  deps: WebhookDependencies,
  reader: PortalReader,
  form: URLSearchParams,
): Promise<PortalPage> {
  const values = {
    url: form.get('url') ?? '',
    description: form.get('description') ?? '',
    events: form.getAll('events'),
  };
  try {
    const registration = validate(
      webhookRegistrationSchema,
      {
        url: values.url,
        description: values.description.trim() || undefined,
        events: values.events.length ? values.events : undefined,
      },
      'The webhook endpoint',
    );
    const created = await registerWebhook(deps, reader.partner, registration);
    return portalWebhooks(deps, reader, { created: { url: created.url, secret: created.secret } });
  } catch (error) {
    if (!(error instanceof ServiceError) || (error.kind !== 'validation' && error.kind !== 'conflict')) throw error;
    return portalWebhooks(deps, reader, { values, errors: fieldErrors(error) });
  }
}

/** POST /portal/webhooks/{id}/delete: another partner's endpoint is a 404 page, exactly as if it did not exist. */
export async function deleteFromPortal(
  deps: WebhookDependencies,
  reader: PortalReader,
  id: string,
): Promise<'deleted' | PortalPage> {
  try {
    await deleteWebhook(deps, reader.partner, id);
    return 'deleted';
  } catch (error) {
    if (error instanceof ServiceError && error.kind === 'not-found') {
      return { page: 'not-found', view: { ...reader.context, backTo: 'webhooks' } };
    }
    throw error;
  }
}

/** By code, as the request form's: the page words them in the reader's language; a conflict is the whole form's. */
function fieldErrors(error: ServiceError): WebhooksView['errors'] {
  const errors: WebhooksView['errors'] = {};
  for (const { path, code, limit } of error.errors ?? [{ path: '', code: error.code }]) {
    const named = path.split('.').find((segment) => WEBHOOK_FIELDS.includes(segment));
    const field = (named ?? 'form') as WebhookFormField;
    (errors[field] ??= []).push({ code, limit });
  }
  return errors;
}

const WEBHOOK_FIELDS: readonly string[] = ['url', 'description', 'events'];
