// The receipt route's shapes: which decision's receipt, and what comes back (API.md, "Receipts").
import { z } from 'zod';
import { DECISION_EVENTS } from '../domain/consent';

export const receiptQuerySchema = z.object({
  event: z.enum(DECISION_EVENTS).optional().describe('Which decision; the latest when absent'),
});

export const receiptSchema = z
  .string()
  .meta({ id: 'Receipt' })
  .describe('A compact JWS (ES256, header kid, typ consent-receipt+jwt); verify it against /.well-known/jwks.json');
