// Partners registered through the operator API, each with its own key, for route-level tests.
import { randomUUID } from 'node:crypto';
import type { AppHost } from './appHost';
import { unique } from './storeFixtures';

export interface TestPartner {
  id: string;
  key: string;
  type: string;
}

export async function registeredPartner(
  app: AppHost,
  type: 'direct-csp' | 'indirect-provider' | 'indirect-reseller' | 'oem',
  extra: Record<string, unknown> = {},
): Promise<TestPartner> {
  const created = await app.call('POST', '/api/admin/partners', {
    key: app.operatorKey,
    body: {
      id: unique(type),
      displayName: `Contoso ${type}`,
      type,
      tenantId: randomUUID(),
      contactEmail: `${type}@partner.example`,
      verifiedDomain: 'contoso.example',
      ...(type === 'oem' ? { oemDirectApiEligible: true } : {}),
      ...extra,
    },
  });
  if (created.status !== 201) throw new Error(`partner not created: ${JSON.stringify(created.body)}`);
  const key = await app.call('POST', `/api/admin/partners/${created.body.id as string}/keys`, { key: app.operatorKey });
  return { id: created.body.id as string, key: key.body.apiKey as string, type };
}

export interface PartnersOfEachKind {
  csp: TestPartner;
  oem: TestPartner;
  provider: TestPartner;
  reseller: TestPartner;
}

/** One partner of each kind, the reseller under the provider, with the display names the customer pages show. */
export async function partnersOfEachKind(app: AppHost): Promise<PartnersOfEachKind> {
  const csp = await registeredPartner(app, 'direct-csp', { displayName: 'Fabrikam Devices' });
  const oem = await registeredPartner(app, 'oem', { displayName: 'Tailspin Hardware' });
  const provider = await registeredPartner(app, 'indirect-provider', { displayName: 'Litware Distribution' });
  const reseller = await registeredPartner(app, 'indirect-reseller', {
    displayName: 'Northwind Resale',
    indirectProviderId: provider.id,
  });
  return { csp, oem, provider, reseller };
}
