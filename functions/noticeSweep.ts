// Hourly timer: due reminders and delegated admin expiry notices emailed, roles at their end stored as expired or
// auto-extended — each notice once, however often the timer fires.
import type { InvocationContext, Timer } from '@azure/functions';
import { liveDependencies as deps } from '../shared/consent/dependencies';
import { sweepNotices } from '../shared/consent/noticeSweep';
import { registerTimer } from '../shared/functionRegistry';

export async function noticeSweep(_timer: Timer, context: InvocationContext): Promise<void> {
  const { reminded, warned, extended, expired, dropped, failed } = await sweepNotices(deps, undefined, (line) =>
    context.warn(line),
  );
  context.log(
    `Notice sweep: ${reminded} reminded, ${warned} warned, ${extended} extended, ${expired} expired, ` +
      `${dropped} dropped, ${failed} failed.`,
  );
}

registerTimer('noticeSweep', { schedule: '0 10 * * * *', handler: noticeSweep });
