// Proves that the entry point hands every function in functions/ to the real Functions worker API, with its bindings.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import storageNames from '../../../infra/storage-names.json';

const registered: { name: string; bindings: Record<string, Record<string, unknown>> }[] = [];

jest.mock(
  '@azure/functions-core',
  () => ({
    setProgrammingModel: () => undefined,
    registerFunction: (metadata: { name: string; bindings: Record<string, Record<string, unknown>> }) => {
      registered.push(metadata);
      return { dispose: () => undefined };
    },
  }),
  { virtual: true },
);

const ROOT = path.resolve(__dirname, '../../..');
const FUNCTION_FILES = readdirSync(path.join(ROOT, 'functions')).filter((file) => /\.tsx?$/.test(file));

/** The names registered with the host while `load` runs, in a module registry of its own. */
async function registeredWhile(load: () => Promise<unknown>): Promise<string[]> {
  registered.length = 0;
  await jest.isolateModulesAsync(async () => {
    await load();
  });
  return registered.map((f) => f.name).sort();
}

describe('registration with the Functions host (func start, Azure)', () => {
  let fromEntryPoint: string[];
  let loadedAlone: Record<string, string[]>;

  beforeAll(async () => {
    loadedAlone = {};
    for (const file of FUNCTION_FILES) {
      loadedAlone[file] = await registeredWhile(() => import(path.join(ROOT, 'functions', file)));
    }
    fromEntryPoint = await registeredWhile(() => import('../../../index'));
  });

  it('registers every function of every file in functions/ — a file the entry point forgets to import fails here', () => {
    expect(FUNCTION_FILES.length).toBeGreaterThan(0);
    expect(Object.entries(loadedAlone).filter(([, names]) => names.length === 0)).toEqual([]);
    expect(fromEntryPoint).toEqual(Object.values(loadedAlone).flat().sort());
  });

  it('registers GET /api/health as an anonymous HTTP trigger with the prefix-less route', () => {
    const health = registered.find((f) => f.name === 'health');
    const trigger = Object.values(health!.bindings).find((b) => b.type === 'httpTrigger');
    expect(trigger).toMatchObject({ route: 'api/health', methods: ['GET'], authLevel: 'anonymous', direction: 'in' });
  });

  it('D3: registers the invitation sender and its poison drain as queue triggers on the app storage', () => {
    const queueTrigger = (name: string) =>
      Object.values(registered.find((f) => f.name === name)!.bindings).find((b) => b.type === 'queueTrigger');
    expect(queueTrigger('sendInvitationEmail')).toMatchObject({
      queueName: 'invitation-emails',
      connection: 'AzureWebJobsStorage',
      direction: 'in',
    });
    expect(queueTrigger('drainInvitationPoison')).toMatchObject({
      queueName: 'invitation-emails-poison',
      connection: 'AzureWebJobsStorage',
      direction: 'in',
    });
  });

  it('drains every poison queue with a queue trigger of its own on the app storage', () => {
    const poisonQueues = registered
      .flatMap((f) => Object.values(f.bindings))
      .filter((b) => b.type === 'queueTrigger' && String(b.queueName).endsWith('-poison'))
      .map((b) => b.queueName);
    // Every poison queue the code and the Bicep templates declare (infra/storage-names.json), none left to fill up.
    const declared = Object.values(storageNames.queues).filter((name) => name.endsWith('-poison'));
    expect(declared).toHaveLength(5);
    expect(poisonQueues.sort()).toEqual(declared.sort());
  });

  it('registers the hourly webhook delivery retention as a timer', () => {
    const timer = Object.values(registered.find((f) => f.name === 'webhookDeliveryRetention')!.bindings);
    expect(timer.find((b) => b.type === 'timerTrigger')).toMatchObject({ schedule: '0 40 * * * *', direction: 'in' });
  });

  it('registers the hourly notice sweep as a timer and the notice sender as a queue trigger on the app storage', () => {
    const binding = (name: string, type: string) =>
      Object.values(registered.find((f) => f.name === name)!.bindings).find((b) => b.type === type);
    expect(binding('noticeSweep', 'timerTrigger')).toMatchObject({ schedule: '0 10 * * * *', direction: 'in' });
    expect(binding('sendNoticeEmail', 'queueTrigger')).toMatchObject({
      queueName: 'notice-emails',
      connection: 'AzureWebJobsStorage',
      direction: 'in',
    });
  });
});
