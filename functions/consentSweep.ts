// Daily timer (03:00 UTC): pending consents past their expiry are stored as expired; interrupted acceptances completed;
// invitation emails that can no longer go out settled; missing receipts issued; personal data past retention erased.
import type { InvocationContext, Timer } from '@azure/functions';
import { liveDependencies as deps } from '../shared/consent/dependencies';
import { sweepConsents } from '../shared/consent/sweep';
import { registerTimer } from '../shared/functionRegistry';

export async function consentSweep(_timer: Timer, context: InvocationContext): Promise<void> {
  const report = await sweepConsents(deps);
  context.log(
    `Consent sweep: ${report.expired} expired, ${report.repaired} acceptances completed, ` +
      `${report.emailsNotSent} queued emails not sent, ${report.receipts} receipts issued, ` +
      `personal data erased from ${report.personalDataErased} consents.`,
  );
}

registerTimer('consentSweep', { schedule: '0 0 3 * * *', handler: consentSweep });
