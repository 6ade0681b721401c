// The documented flows through a typed client: openapi-fetch over the types openapi-typescript generates from
// GET /api/openapi.json (as ./api.ts, next to this file, only in the test's temporary folder). No casts anywhere.
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './api';

type Schemas = components['schemas'];
type ConsentRequest = NonNullable<paths['/api/consent-requests']['post']['requestBody']>['content']['application/json'];
type ConsentFilters = NonNullable<paths['/api/consent-requests']['get']['parameters']['query']>;
type DeviceBatch = paths['/api/oem/device-submission-checks']['post']['requestBody']['content']['application/json'];
type PartnerRegistration = paths['/api/admin/partners']['post']['requestBody']['content']['application/json'];

export type ApiClient = Client<paths>;

/** A client for one caller: a partner's or an operator's key, or none for the public routes. */
export function apiClient(baseUrl: string, apiKey?: string): ApiClient {
  return createClient<paths>({ baseUrl, headers: apiKey ? { 'X-Api-Key': apiKey } : {} });
}

/** A problem+json answer, as an error a caller can read. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Schemas['Problem'] | undefined,
  ) {
    super(problem ? `${problem.status} ${problem.title}: ${problem.detail}` : `HTTP ${status}`);
  }
}

/** The answer's body, or the problem as an error. */
function bodyOf<T>(answer: { data?: T; error?: Schemas['Problem']; response: Response }): T {
  if (answer.data === undefined) throw new ProblemError(answer.response.status, answer.error);
  return answer.data;
}

/** Issues a consent request; a retry with the same key replays the first answer instead of making a second one. */
export async function issueConsentRequest(client: ApiClient, request: ConsentRequest, idempotencyKey: string) {
  const answer = await client.POST('/api/consent-requests', {
    params: { header: { 'Idempotency-Key': idempotencyKey } },
    body: request,
  });
  return { consent: bodyOf(answer), replayed: answer.response.headers.get('Idempotent-Replayed') === 'true' };
}

/** Every consent that matches the filters, following the continuation tokens page by page. */
export async function allConsentRequests(client: ApiClient, filters: ConsentFilters): Promise<Schemas['Consent'][]> {
  const consents: Schemas['Consent'][] = [];
  let continuationToken: string | undefined;
  do {
    const page = bodyOf(
      await client.GET('/api/consent-requests', { params: { query: { ...filters, continuationToken } } }),
    );
    consents.push(...page.items);
    continuationToken = page.continuationToken;
  } while (continuationToken);
  return consents;
}

export async function readConsentRequest(client: ApiClient, id: string) {
  return bodyOf(await client.GET('/api/consent-requests/{id}', { params: { path: { id } } }));
}

export async function consentEvents(client: ApiClient, id: string) {
  return bodyOf(await client.GET('/api/consent-requests/{id}/events', { params: { path: { id } } }));
}

export async function cancelConsentRequest(client: ApiClient, id: string) {
  return bodyOf(await client.POST('/api/consent-requests/{id}/cancel', { params: { path: { id } } }));
}

export async function resendConsentRequest(client: ApiClient, id: string) {
  return bodyOf(await client.POST('/api/consent-requests/{id}/resend', { params: { path: { id } } }));
}

export async function customers(client: ApiClient, pageSize = 50) {
  return bodyOf(await client.GET('/api/customers', { params: { query: { pageSize } } }));
}

export async function authorization(client: ApiClient, tenantId: string) {
  return bodyOf(await client.GET('/api/customers/{tenantId}/authorization', { params: { path: { tenantId } } }));
}

export async function oemConsent(client: ApiClient, tenantId: string) {
  return bodyOf(await client.GET('/api/oem/consents/{tenantId}', { params: { path: { tenantId } } }));
}

export async function oemConsentChecks(client: ApiClient, tenantIds: string[]) {
  return bodyOf(await client.POST('/api/oem/consent-checks', { body: { tenantIds } }));
}

export async function checkDeviceBatch(client: ApiClient, batch: DeviceBatch) {
  return bodyOf(await client.POST('/api/oem/device-submission-checks', { body: batch }));
}

/** The hardware-hash CSV exactly as Get-WindowsAutopilotInfo wrote it: sent as text, its tenant in the query. */
export async function checkDeviceCsv(client: ApiClient, tenantId: string, csv: string) {
  const answer = await client.POST('/api/oem/device-submission-checks', {
    params: { query: { tenantId } },
    body: csv,
    bodySerializer: (text) => text,
    headers: { 'Content-Type': 'text/csv' },
  });
  return bodyOf(answer);
}

/** Operator: registers a partner and mints its first key. */
export async function onboardPartner(operator: ApiClient, registration: PartnerRegistration) {
  const partner = bodyOf(await operator.POST('/api/admin/partners', { body: registration }));
  const key = bodyOf(await operator.POST('/api/admin/partners/{id}/keys', { params: { path: { id: partner.id } } }));
  return { partner, apiKey: key.apiKey };
}

export async function health(client: ApiClient) {
  const answer = await client.GET('/api/health');
  if (answer.data) return answer.data;
  return answer.error;
}
