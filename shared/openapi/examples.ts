// Example bodies for the OpenAPI document, typed by the schemas they illustrate (a test validates each against them).
import type { z } from 'zod';
import type {
  consentEventSchema,
  consentSchema,
  customerSchema,
  deviceSubmissionCheckSchema,
  issuedConsentSchema,
  partnerSchema,
} from '../schemas/responses';
import type { consentRequestSchema } from '../schemas/consentRequests';
import type {
  webhookDeliverySchema,
  webhookEndpointSchema,
  webhookRegistrationSchema,
  webhookTestSchema,
  webhookWithSecretSchema,
} from '../schemas/webhooks';

type Example<S extends z.ZodType> = z.output<S>;

/** Woodgrove Bank, the customer of every example. */
export const EXAMPLE_TENANT_ID = '3f5c8a2e-6b1d-4c7e-9a0f-2d4b6e8c1a35';
/** A tenant that has not consented. */
export const OTHER_TENANT_ID = '9b1e7d3c-2a4f-4e6b-8c0d-5f7a9b1c3e24';
const ISSUED_AT = '2026-11-24T10:15:00.000Z';
export const ACCEPTED_AT = '2026-11-25T08:02:41.000Z';
export const CONSENT_ID = '0mh3w9ohz1c4f2a9b8e7d6c5b4a3';

export const consentRequestExample: z.input<typeof consentRequestSchema> = {
  customer: {
    tenantId: EXAMPLE_TENANT_ID,
    displayName: 'Woodgrove Bank',
    contactEmail: 'it-admin@woodgrove.example',
    contactName: 'Avery Howard',
    locale: 'en',
  },
  delegatedAdmin: { roles: ['3a2c62db-5318-420d-8d74-23affee5d9d5'], durationDays: 180, autoExtend: false },
  expiresInDays: 30,
  message: 'As agreed on the phone: this lets us register your new laptops.',
  sendEmail: true,
};

export const pendingConsentExample: Example<typeof consentSchema> = {
  id: CONSENT_ID,
  source: 'invitation',
  status: 'pending',
  partner: { id: 'contoso', displayName: 'Contoso IT Services', type: 'direct-csp' },
  customer: {
    tenantId: EXAMPLE_TENANT_ID,
    displayName: 'Woodgrove Bank',
    contactEmail: 'it-admin@woodgrove.example',
    contactName: 'Avery Howard',
    locale: 'en',
  },
  delegatedAdmin: {
    roles: [{ id: '3a2c62db-5318-420d-8d74-23affee5d9d5', displayName: 'Intune Administrator' }],
    durationDays: 180,
    autoExtend: false,
    status: 'requested',
  },
  warnings: [],
  email: { status: 'queued' },
  createdAt: ISSUED_AT,
  expiresAt: '2026-12-24T10:15:00.000Z',
};

export const issuedConsentExample: Example<typeof issuedConsentSchema> = {
  ...pendingConsentExample,
  consentUrl: 'https://consent.contoso.example/consent/Vb3qK0cWm1n8yXhT2pL6sD4fG9jR5uA7eZ0iO3wQ1cE',
};

export const acceptedConsentExample: Example<typeof consentSchema> = {
  ...pendingConsentExample,
  status: 'accepted',
  delegatedAdmin: {
    ...pendingConsentExample.delegatedAdmin!,
    status: 'active',
    expiresAt: '2027-05-24T08:02:41.000Z',
  },
  email: { status: 'sent', sentAt: '2026-11-24T10:15:04.000Z' },
  acceptedAt: ACCEPTED_AT,
  acceptedBy: {
    tenantId: EXAMPLE_TENANT_ID,
    objectId: '8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
    userPrincipalName: 'admin@woodgrove.onmicrosoft.com',
  },
};

export const cancelledConsentExample: Example<typeof consentSchema> = {
  ...pendingConsentExample,
  status: 'cancelled',
  email: { status: 'sent', sentAt: '2026-11-24T10:15:04.000Z' },
  cancelledAt: '2026-11-24T16:40:12.000Z',
};

export const revokedConsentExample: Example<typeof consentSchema> = {
  ...acceptedConsentExample,
  status: 'revoked',
  revokedAt: '2027-01-12T09:30:00.000Z',
  revocation: {
    by: 'operator',
    reason: 'The customer asked support to remove the partner',
    ticket: 'SR-20270112-0042',
  },
};

export const consentEventsExample: Example<typeof consentEventSchema>[] = [
  {
    at: ISSUED_AT,
    type: 'consent.issued',
    actor: { kind: 'partner', id: 'contoso' },
    data: { tenantId: EXAMPLE_TENANT_ID, delegatedAdmin: true, email: 'queued' },
  },
  { at: '2026-11-24T10:15:04.000Z', type: 'email.sent', actor: { kind: 'system', id: 'invitation-email' } },
  {
    at: ACCEPTED_AT,
    type: 'consent.accepted',
    actor: { kind: 'customer', id: '8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f' },
    data: { tenantId: EXAMPLE_TENANT_ID, delegatedAdmin: 'active' },
  },
];

export const customerExample: Example<typeof customerSchema> = {
  tenantId: EXAMPLE_TENANT_ID,
  displayName: 'Woodgrove Bank',
  basis: 'direct',
  channels: ['partner-center-api', 'partner-center-csv'],
  consentId: CONSENT_ID,
  acceptedAt: ACCEPTED_AT,
  delegatedAdmin: acceptedConsentExample.delegatedAdmin,
};

export const partnerExample: Example<typeof partnerSchema> = {
  id: 'contoso',
  displayName: 'Contoso IT Services',
  type: 'direct-csp',
  tenantId: '5b0f8e2d-1c3a-4e6f-9b7d-2a4c6e8f0b13',
  microsoftPartnerId: '4812345',
  verifiedDomain: 'contoso.example',
  contactEmail: 'partner-ops@contoso.example',
  status: 'active',
  createdAt: '2026-11-02T14:00:00.000Z',
};

/** A key as minted: `apc.<owner>.<key id>.<secret>`, shown once. */
export const mintedKeyExample = {
  keyId: 'q1W2e3R4t5Y6u7I8',
  apiKey: 'apc.contoso.q1W2e3R4t5Y6u7I8.Zx8cV7bN6mA5sD4fG3hJ2kL1qW0eR9tY8uI7oP6aS5d',
  createdAt: '2026-11-02T14:01:00.000Z',
};

/** As long as a real 4K hardware hash (about 4,000 base64 characters): shorter ones are flagged as too short. */
const HARDWARE_HASH = Buffer.alloc(3000, 'T0FCAAEAHAAAAAoAHgZhSgAACgAGBmFK').toString('base64');

/** A device batch as JSON: row N is devices[N - 1]. The second row lacks its hash and has a bad user. */
export const deviceJsonExample = {
  tenantId: EXAMPLE_TENANT_ID,
  devices: [
    {
      serialNumber: 'PF1XYZ',
      windowsProductId: '3302457108925',
      hardwareHash: HARDWARE_HASH,
      groupTag: 'Sales',
    },
    { serialNumber: 'PF2ABC', assignedUser: 'avery.howard' },
  ],
};

/** The same batch as the hardware-hash CSV Intune imports (Get-WindowsAutopilotInfo writes it). */
export const deviceCsvExample =
  'Device Serial Number,Windows Product ID,Hardware Hash,Group Tag,Assigned User\n' +
  `PF1XYZ,3302457108925,${HARDWARE_HASH},Sales,\n` +
  'PF2ABC,,,,avery.howard\n';

/** What the service answers to the JSON form of the batch above; the CSV form adds each row's file `line` (a test holds it to that). */
export const deviceCheckExample: Example<typeof deviceSubmissionCheckSchema> = {
  tenantId: EXAMPLE_TENANT_ID,
  consented: true,
  rows: [
    { row: 1, serialNumber: 'PF1XYZ', valid: true, errors: [], problems: [] },
    {
      row: 2,
      serialNumber: 'PF2ABC',
      valid: false,
      errors: [
        'Hardware Hash is required',
        'Assigned User must be the user\'s UPN, such as user@contoso.com (got "avery.howard")',
      ],
      problems: [
        { code: 'required', field: 'hardwareHash', message: 'Hardware Hash is required' },
        {
          code: 'assigned-user-not-upn',
          field: 'assignedUser',
          message: 'Assigned User must be the user\'s UPN, such as user@contoso.com (got "avery.howard")',
        },
      ],
    },
  ],
  summary: { rows: 2, valid: 1, invalid: 1 },
};

export const WEBHOOK_ID = 'wh_5f0c2a9e1b7d3c8a4e6f1b2d';

export const webhookRegistrationExample: z.input<typeof webhookRegistrationSchema> = {
  url: 'https://hooks.contoso.example/autopilot-consent',
  events: ['consent.accepted', 'consent.revoked'],
  description: 'Order system',
};

export const webhookEndpointExample: Example<typeof webhookEndpointSchema> = {
  id: WEBHOOK_ID,
  url: 'https://hooks.contoso.example/autopilot-consent',
  events: ['consent.accepted', 'consent.revoked'],
  description: 'Order system',
  createdAt: ISSUED_AT,
  status: 'active',
};

export const webhookWithSecretExample: Example<typeof webhookWithSecretSchema> = {
  ...webhookEndpointExample,
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw4Zb2Q9ZTgjE=',
};

export const webhookTestExample: Example<typeof webhookTestSchema> = {
  id: 'test.8c1e4b7a-2f3d-4e5c-9a6b-0d1f2e3c4b5a',
  type: 'webhook.test',
};

export const webhookDeliveryExample: Example<typeof webhookDeliverySchema> = {
  id: `${CONSENT_ID}.accepted`,
  type: 'consent.accepted',
  consentId: CONSENT_ID,
  status: 'delivered',
  attempts: 1,
  lastStatusCode: 204,
  lastAttemptAt: ACCEPTED_AT,
};
