// The whole email pipeline for a test file: its own Azurite (so no other file's host takes a message), the ACS stub,
// and the app with queue triggers running under host.json's settings with the waits shortened to a second.
import type { RunningAzurite } from '../../dev/azurite';
import { QUEUE_SETTINGS, type QueueSettings } from '../../shared/hostSettings';
import { startAcsStub, type AcsStub } from './acsStub';
import { startAppHost, type AppHost } from './appHost';
import { useOwnAzurite } from './ownAzurite';

export const SENDER = 'DoNotReply@mail.consent.example.com';

export const SHORT_QUEUE_SETTINGS: QueueSettings = {
  ...QUEUE_SETTINGS,
  visibilityTimeoutSeconds: 1,
  maxPollingIntervalMs: 200,
};

export interface EmailPipeline {
  azurite: RunningAzurite;
  stub: AcsStub;
  app: AppHost;
  stop(): Promise<void>;
}

export async function startEmailPipeline(): Promise<EmailPipeline> {
  const azurite = await useOwnAzurite();
  const stub = await startAcsStub();
  process.env.EMAIL_TRANSPORT = 'acs';
  process.env.ACS_CONNECTION_STRING = stub.connectionString;
  process.env.EMAIL_SENDER_ADDRESS = SENDER;
  const app = await startAppHost({ queueSettings: SHORT_QUEUE_SETTINGS });
  return {
    azurite,
    stub,
    app,
    stop: async () => {
      await app.stop();
      await stub.close();
      await azurite.stop();
    },
  };
}
