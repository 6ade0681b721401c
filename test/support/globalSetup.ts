// Starts one in-memory Azurite on free ports for the whole test run; every test file reaches it through the settings.
import { randomBytes } from 'node:crypto';
import { startAzurite, type RunningAzurite } from '../../dev/azurite';

declare global {
  var __AZURITE__: RunningAzurite | undefined;
}

export default async function globalSetup(): Promise<void> {
  const azurite = await startAzurite();
  globalThis.__AZURITE__ = azurite;
  // Test workers are started after this and inherit these settings.
  process.env.AzureWebJobsStorage = azurite.connectionString;
  process.env.PUBLIC_BASE_URL ??= 'http://localhost:7071';
  process.env.APP_SECRET ??= randomBytes(48).toString('base64');
  process.env.SUPPORT_CONTACT ??= 'support@autopilot-consent.example';
  // As on the local host; tests that send through the ACS stub set their own.
  process.env.EMAIL_TRANSPORT ??= 'outbox';
  // The test hosts put the local sign-in stand-in in front and send principals as it would; a file that tests
  // another front removes this before the app first reads its settings.
  process.env.LOCAL_SIGN_IN ??= 'true';
  // As on the local host: tests receive webhook deliveries on http://127.0.0.1 (the public rules are tested directly).
  process.env.LOCAL_WEBHOOK_TARGETS ??= 'true';
}
