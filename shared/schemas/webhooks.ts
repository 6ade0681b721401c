// Request and response shapes of the webhook routes (API.md Part 2, "Webhooks"), and the payload every delivery carries.
import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from '../domain/webhooks';
import { nameSchema } from './common';
import { consentSchema } from './responses';

/** The contract's time format, as the consent resource declares it. */
const time = consentSchema.shape.createdAt;

const eventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES, {
  error: `must be one of ${WEBHOOK_EVENT_TYPES.join(', ')}`,
});

/** POST /api/webhooks. Whether the URL may receive webhooks (scheme, addresses) is the use case's check. */
export const webhookRegistrationSchema = z
  .object({
    url: z.string().trim().min(1, 'is required').max(2048, 'must be at most 2048 characters'),
    events: z
      .array(eventTypeSchema)
      .min(1, 'must name at least one event type (leave it out for all)')
      .max(WEBHOOK_EVENT_TYPES.length)
      .transform((events) => [...new Set(events)])
      .optional()
      .describe('The event types to deliver; all when absent'),
    description: nameSchema(256).optional(),
  })
  .strict();
export type WebhookRegistration = z.infer<typeof webhookRegistrationSchema>;

export const webhookEndpointSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(eventTypeSchema),
    description: z.string().optional(),
    createdAt: time,
    status: z.enum(['active', 'disabled']).describe('disabled: the receiver answered 410 Gone, nothing more is sent'),
  })
  .meta({ id: 'WebhookEndpoint', description: "A partner's webhook endpoint, without its secret" });
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

/** The answer that carries the signing secret: registration and rotation, the only times it is shown. */
export const webhookWithSecretSchema = webhookEndpointSchema
  .extend({ secret: z.string().describe('whsec_ followed by base64 of 32 random bytes; shown only here, once') })
  .meta({ id: 'WebhookEndpointWithSecret', description: 'A webhook endpoint and its signing secret, shown only once' });

export const webhookTestSchema = z
  .object({ id: z.string().describe('The webhook-id the test delivery carries'), type: z.literal('webhook.test') })
  .meta({ id: 'WebhookTest', description: 'A queued webhook.test event' });

export const webhookDeliverySchema = z
  .object({
    id: z.string().describe('The webhook-id: the same on every attempt'),
    type: eventTypeSchema,
    consentId: z.string().optional(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    lastStatusCode: z.number().int().optional(),
    lastAttemptAt: time.optional(),
    nextAttemptAt: time.optional(),
  })
  .meta({ id: 'WebhookDelivery', description: 'One event sent (or being sent) to an endpoint, with its attempts' });
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

/** What a receiver gets: the event, when it happened, and the consent as the partner's API shows it at dispatch. */
export const webhookPayloadSchema = z.object({
  type: eventTypeSchema,
  timestamp: time,
  data: z.object({ consent: consentSchema.optional() }),
});
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;
