// Proves that the registration helper hands every function to the real Functions worker API, with its bindings.
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

import { registeredFunctions } from '../../../shared/functionRegistry';

describe('registration with the Functions host (func start, Azure)', () => {
  beforeAll(async () => {
    await import('../../../index');
  });

  it('registers every function the app records, with the same trigger', () => {
    expect(registered.map((f) => f.name).sort()).toEqual(
      registeredFunctions()
        .map((f) => f.name)
        .sort(),
    );
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
});
