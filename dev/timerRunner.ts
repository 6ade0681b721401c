// Fires timer-triggered functions on their six-field NCRONTAB schedules (croner reads the seconds field first).
import { randomUUID } from 'node:crypto';
import { InvocationContext, type Timer } from '@azure/functions';
import { Cron } from 'croner';
import type { TimerFunctionDefinition } from '../shared/functionRegistry';
import type { HostLog } from './hostLog';

export interface TimerRunner {
  stop(): void;
}

export function startTimerRunner(functions: TimerFunctionDefinition[], log: HostLog): TimerRunner {
  const jobs = functions.map((definition) => {
    const job: Cron = new Cron(definition.schedule, { timezone: 'UTC', protect: true }, () =>
      fire(definition, job, log),
    );
    if (definition.runOnStartup) void fire(definition, job, log);
    return job;
  });
  return { stop: () => jobs.forEach((job) => job.stop()) };
}

async function fire(definition: TimerFunctionDefinition, job: Cron, log: HostLog): Promise<void> {
  const now = new Date().toISOString();
  const timer: Timer = {
    isPastDue: false,
    schedule: { adjustForDST: true },
    scheduleStatus: { last: now, next: job.nextRun()?.toISOString() ?? '', lastUpdated: now },
  };
  const context = new InvocationContext({
    functionName: definition.name,
    invocationId: randomUUID(),
    logHandler: log.forFunction(definition.name),
  });
  const started = performance.now();
  try {
    await definition.handler(timer, context);
    log.invocation(definition.name, 'timer fired, succeeded', performance.now() - started);
  } catch (error) {
    log.invocation(definition.name, `timer fired, failed: ${String(error)}`, performance.now() - started);
  }
}
