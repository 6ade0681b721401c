// Request shapes of the customer-list and OEM verification routes.
import { z } from 'zod';
import { tenantIdSchema } from './common';

/** At most 1000 tenants per bulk check (API.md). */
export const MAX_TENANTS_PER_CHECK = 1000;

export const tenantParamsSchema = z.object({ tenantId: tenantIdSchema });

export const consentChecksSchema = z.strictObject({
  tenantIds: z.array(tenantIdSchema).min(1, 'name at least one tenant').max(MAX_TENANTS_PER_CHECK),
});

/** `?tenantId=` for a CSV device batch (the CSV itself has no tenant). */
export const deviceCheckQuerySchema = z.object({
  tenantId: tenantIdSchema.describe(
    'The customer tenant (GUID). Required with a text/csv body, which has no tenant; a JSON body names it itself.',
  ),
});
